"""The one autosave every editor uses: a pause saves soon, a burst saves on a deadline."""

from __future__ import annotations

import asyncio
import sqlite3
import time

from textual.app import App, ComposeResult
from textual.widgets import Static

from coffeechat.tui.widgets.autosave import QUIET, SAVE_WITHIN, Autosave
from tests.waiting import wait_until


class Typing(App[None]):
    """A widget with an Autosave whose writes are recorded with their time."""

    def __init__(self, within: float = SAVE_WITHIN, quiet: float = QUIET) -> None:
        super().__init__()
        self.within, self.quiet = within, quiet
        self.text = ""
        self.saved = ""
        self.writes: list[tuple[float, str]] = []
        self.fail = False
        self.notes: list[str] = []

    def notify(self, message: str, **kwargs) -> None:
        self.notes.append(message)
        super().notify(message, **kwargs)

    def compose(self) -> ComposeResult:
        yield Static("typing")

    def on_mount(self) -> None:
        self.autosave = Autosave(
            self.query_one(Static), self.write, within=self.within, quiet=self.quiet
        )

    def write(self) -> bool:
        if self.fail:
            raise sqlite3.OperationalError("database is locked")
        if self.text == self.saved:
            return False
        self.saved = self.text
        self.writes.append((time.monotonic(), self.text))
        return True

    def type(self, key: str) -> float:
        self.text += key
        self.autosave.touch()
        return time.monotonic()


async def test_a_pause_in_typing_saves_before_the_deadline() -> None:
    app = Typing(within=3.0, quiet=0.1)  # far apart, so a busy machine cannot blur them
    async with app.run_test():
        typed_at = app.type("a")
        await wait_until(lambda: app.writes, timeout=3)
        [(written_at, text)] = app.writes
        assert text == "a"
        assert 0.09 <= written_at - typed_at < 1.5, "saved on the pause, not the deadline"


async def test_a_long_burst_is_saved_while_it_lasts() -> None:
    app = Typing(quiet=0.3)  # keys every 50 ms never pause that long: only the deadline saves
    async with app.run_test():
        keystrokes: list[tuple[float, str]] = []
        started = time.monotonic()
        while time.monotonic() - started < 1.5:  # a key every 50 ms: never a pause
            keystrokes.append((app.type("x"), app.text))
            await asyncio.sleep(0.05)
        # Written during the burst, not only at its end...
        burst_writes = [w for w in app.writes if w[0] < keystrokes[-1][0]]
        assert len(burst_writes) >= 2, app.writes
        # ...and each keystroke was written within the deadline (slack for a busy machine).
        for typed_at, text in keystrokes[:-10]:
            written_at = next(at for at, saved in app.writes if len(saved) >= len(text))
            assert written_at - typed_at < SAVE_WITHIN + 0.3, (typed_at, text)


async def test_flush_writes_at_once_and_forget_disarms() -> None:
    app = Typing()
    async with app.run_test():
        app.type("abc")
        assert app.autosave.flush()
        assert app.writes[-1][1] == "abc" and not app.autosave.pending
        app.text = "loaded elsewhere"
        app.autosave.touch()
        app.saved = app.text
        app.autosave.forget()
        assert not app.autosave.pending
        assert app.autosave.flush() and len(app.writes) == 1, "nothing new to write"


async def test_a_failed_write_notifies_keeps_pending_and_retries() -> None:
    app = Typing()
    async with app.run_test():
        app.fail = True
        app.type("a")
        assert not app.autosave.flush()
        assert app.autosave.pending
        assert app.notes == [
            "Not saved yet (database is locked); your text is kept here and saved as soon "
            "as it can be"
        ]
        app.fail = False
        app.type("b")
        await wait_until(lambda: app.writes, timeout=2)
        assert app.writes[-1][1] == "ab"
        assert app.autosave.saves == 1
