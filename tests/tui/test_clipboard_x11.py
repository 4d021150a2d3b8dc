"""Copying through a real X clipboard: Xvfb gives xclip a display, xclip reads it back."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from coffeechat import clipboard
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftText
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.tui.burst import burst
from tests.waiting import wait_until, wait_until_sync


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
    """What the X clipboard holds ("" while nobody holds it)."""
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env=env,
        capture_output=True,
        timeout=10,
        check=False,
    )
    return done.stdout.decode("utf-8") if done.returncode == 0 else ""


def wait_for_x_clipboard(display: str, text: str) -> None:
    """Wait until the X clipboard holds *text*: xclip goes to the background before it
    takes the selection, so just after a copy the clipboard may still hold nothing, or
    what an earlier test left there."""
    wait_until_sync(
        lambda: read_x_clipboard(display) == text,
        timeout=10,
        what=lambda: f"the clipboard holds {read_x_clipboard(display)!r}, not {text!r}",
    )


def test_clipboard_module_reaches_a_real_x_clipboard(
    x_display: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    text = "Dear Maria,\n\nWould you have 15 or 30 minutes? 李 🐉\n"
    result = clipboard.copy(text, state_dir=tmp_path / "state")
    assert result.clipboard == "xclip"
    assert result.message() == "Copied to the clipboard (xclip)."
    wait_for_x_clipboard(x_display, text)
    assert not (tmp_path / "state").exists()  # no fallback file when the clipboard worked


async def test_copy_draft_puts_the_editor_text_on_the_x_clipboard(
    x_display: str,
    store: Store,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    notices: list[Notice],
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    seed(store)
    store.settings.set("profile.name", "Ada Byron")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        shown = app.screen.query_one(DraftText).text
        # Maria's letter is out: her stage calls for the follow-up call script.
        assert shown.startswith("Hello Maria,") and "Ada Byron" in shown
        await pilot.press("ctrl+b")
        await wait_until(
            lambda: "Copied to the clipboard (xclip)." in [n.message for n in notices],
            timeout=10,
        )
    wait_for_x_clipboard(x_display, shown)


class SilentDisplay:
    """An X display that accepts connections and never answers a word, until
    :meth:`hang_up` closes them (the client then fails at once)."""

    def __init__(self) -> None:
        sockets = Path("/tmp/.X11-unix")
        sockets.mkdir(mode=0o1777, exist_ok=True)
        number = next(n for n in range(900, 1000) if not (sockets / f"X{n}").exists())
        self.path = sockets / f"X{number}"
        self.name = f":{number}"
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(self.path))
        self.listener.listen(16)
        self.listener.settimeout(0.05)
        self.accepted: list[socket.socket] = []
        self.answering = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            if self.answering.is_set():
                connection.close()
            else:
                self.accepted.append(connection)

    def hang_up(self) -> None:
        self.answering.set()
        for connection in self.accepted:
            connection.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        self.hang_up()
        self.listener.close()
        self.path.unlink(missing_ok=True)


@pytest.fixture
def silent_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentDisplay]:
    display = SilentDisplay()
    monkeypatch.setenv("DISPLAY", display.name)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        yield display
    finally:
        display.close()


def test_a_clipboard_program_that_never_answers_is_given_up_on(
    silent_display: SilentDisplay, tmp_path: Path
) -> None:
    done: list[clipboard.CopyResult] = []
    thread = threading.Thread(
        target=lambda: done.append(clipboard.copy("Dear Maria", state_dir=tmp_path)), daemon=True
    )
    thread.start()
    wait_until_sync(lambda: done, timeout=30, what="the copy to give up on the display")
    assert done[0].clipboard == "" and done[0].file == tmp_path / "clipboard.txt"


async def test_a_display_that_never_answers_does_not_freeze_the_app(
    silent_display: SilentDisplay,
    store: Store,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    notices: list[Notice],
) -> None:
    monkeypatch.setattr(clipboard, "PROGRAM_TIMEOUT", 60)  # it hangs until we hang up
    seed(store)
    store.settings.set("profile.name", "Ada Byron")  # a letter with a blank is not copied
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        draft = app.screen.query_one(DraftText)
        await pilot.press("ctrl+b")
        await wait_until(lambda: silent_display.accepted, timeout=20, what="xclip to connect")
        # The app goes on while the clipboard program waits on the display.
        await burst(pilot, "ctrl+end", *"PS")
        await wait_until(lambda: draft.text.endswith("PS"), timeout=20)
        assert not any("saved to" in n.message for n in notices)
        silent_display.hang_up()
        await wait_until(lambda: any("saved to" in n.message for n in notices), timeout=20)
