"""Copying through a real X clipboard: Xvfb gives xclip a display, xclip reads it back."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from coffeechat import clipboard
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftText
from tests.conftest import make_app, seed


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """An X display with a clipboard: $DISPLAY if set, else a private Xvfb."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if not shutil.which("Xvfb") or not shutil.which("xclip"):
        pytest.fail("the clipboard test needs Xvfb and xclip (apt-get install xvfb xclip)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()  # Xvfb picks a free display and tells us
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def read_x_clipboard(display: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env=env,
        capture_output=True,
        timeout=10,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_clipboard_module_reaches_a_real_x_clipboard(
    x_display: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    text = "Dear Maria,\n\nWould you have 15 or 30 minutes? 李 🐉\n"
    result = clipboard.copy(text, state_dir=tmp_path / "state")
    assert result.clipboard == "xclip"
    assert result.message() == "Copied to the clipboard (xclip)."
    assert read_x_clipboard(x_display) == text
    assert not (tmp_path / "state").exists()  # no fallback file when the clipboard worked


async def test_copy_draft_puts_the_editor_text_on_the_x_clipboard(
    x_display: str, store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    seed(store)
    store.settings.set("profile.name", "Ada Byron")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        shown = app.screen.query_one(DraftText).text
        assert shown.startswith("Dear Maria,") and "Ada Byron" in shown
        await pilot.press("ctrl+b")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Copied to the clipboard (xclip)." in messages
    assert read_x_clipboard(x_display) == shown
