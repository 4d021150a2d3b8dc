"""Every reader of a path the user controls refuses a FIFO or a device before reading
from it (a FIFO used to freeze the app at `d`; /dev/zero never ends): letter
templates, themes, keymap.toml, config.toml, preferences, imports. Each read runs in
a thread; a reader that blocks fails by the helper's timeout (and the FIFO is then
opened for writing so the thread can end)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from coffeechat import preferences, safe_reading, sync_config
from coffeechat.domain.templates import load_user_template, template_path
from coffeechat.interop.records import ImportFormatError
from coffeechat.tui.keymap import load_keymap
from coffeechat.tui.themes import theme_from_toml
from coffeechat.usecases import exchange
from tests.waiting import wait_until_sync


def finishes(read: Callable[[], object], fifo: Path | None = None) -> object:
    """What *read* returned or raised, failing the test if it never ends."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(read())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        wait_until_sync(lambda: outcome, timeout=20, what="the read to end")
    finally:
        if not outcome and fifo is not None:  # unblock the stuck reader
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
    return outcome[0]


@pytest.fixture(params=["fifo", "device"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[Path], Path]:
    """Put a FIFO (or a symlink to /dev/zero) at a path."""

    def make(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if request.param == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
        return path

    return make


def test_the_helper_refuses_before_reading(special, tmp_path: Path) -> None:
    path = special(tmp_path / "x.toml")
    refused = finishes(lambda: safe_reading.read_bytes(path), path)
    assert isinstance(refused, safe_reading.NotARegularFile)
    assert refused.strerror == safe_reading.NOT_A_FILE
    folder = finishes(lambda: safe_reading.read_bytes(tmp_path))
    assert isinstance(folder, IsADirectoryError)
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"a\r\nb")
    assert safe_reading.read_text(plain) == "a\nb"


def test_a_letter_template_that_is_not_a_file_gives_the_default(special, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    path = special(template_path(folder, "intro_letter"))
    text = finishes(lambda: load_user_template(folder, "intro_letter"), path)
    assert isinstance(text, str) and text.startswith("Dear")


def test_an_import_that_is_not_a_file_is_one_line(special, tmp_path: Path) -> None:
    path = special(tmp_path / "Connections.csv")
    refused = finishes(lambda: exchange.read_file(path), path)
    assert isinstance(refused, ImportFormatError)
    assert "not a regular file" in str(refused) and "\n" not in str(refused)


def test_config_keymap_theme_and_preferences_that_are_not_files(special, tmp_path: Path) -> None:
    config = special(sync_config.config_path())
    refused = finishes(sync_config.load, config)
    assert isinstance(refused, sync_config.ConfigError)
    keymap = special(tmp_path / "keymap.toml")
    loaded = finishes(lambda: load_keymap(keymap), keymap)
    assert "not a regular file" in " ".join(loaded.problems)  # type: ignore[attr-defined]
    theme = special(tmp_path / "theme.toml")
    bad_theme = finishes(lambda: theme_from_toml(theme), theme)
    assert isinstance(bad_theme, ValueError) and "not a regular file" in str(bad_theme)
    prefs = special(preferences.preferences_path())
    assert finishes(preferences.load, prefs) == {}
