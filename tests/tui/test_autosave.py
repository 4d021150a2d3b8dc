"""The one autosave every editor uses: a pause saves soon, a burst saves on a deadline."""

from __future__ import annotations

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
    # A deadline no wait reaches: a write can only come from the pause.
    app = Typing(within=3600, quiet=0.1)
    async with app.run_test():
        app.type("a")
        assert not app.writes, "not on the key itself"
        await wait_until(lambda: app.writes, timeout=30, what="the save after the pause")
        [(_, text)] = app.writes
        assert text == "a"


async def test_a_long_burst_is_saved_while_it_lasts() -> None:
    # A pause no burst makes: a write can only come from the deadline, while typing goes on.
    app = Typing(within=0.5, quiet=3600)
    async with app.run_test():

        def typing_on() -> bool:
            app.type("x")
            return bool(app.writes)

        await wait_until(typing_on, timeout=30, what="a save during the burst")
        written = app.writes[0][1]
        assert written and app.text.startswith(written)
        # Typing on, each further deadline saves again, the keys typed since included.
        typed = app.text
        await wait_until(
            lambda: typing_on() and len(app.writes) >= 2 and len(app.writes[-1][1]) >= len(typed),
            timeout=30,
            what="a second save during the burst",
        )


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
