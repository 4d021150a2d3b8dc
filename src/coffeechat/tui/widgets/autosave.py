"""One autosave for everything typed: research notes, "my story", drafts, the call's inputs.

Typing is written when it pauses for ``QUIET`` seconds (a debounce), and at the latest
``within`` seconds after the first unsaved keystroke, also in the middle of a long
burst where a debounce alone would never fire: ``kill -9`` loses at most ``within``
seconds of typing. The owner also flushes on blur, when it leaves or loads other text,
and on quit (the app calls ``save_now()`` on every :class:`KeepsTyping` widget and screen).

A keystroke costs two assignments; one timer at a time does the rest. The owner's
*write* compares the text with what it last wrote and returns whether it wrote, so a
flush with nothing new is free and never wrong to call. A write that fails (the disk
is full, the file locked too long) goes through :class:`~coffeechat.tui.saving.SaveRetry`:
the text stays on screen and pending, the problem is said once, and the write is tried
again every second until it succeeds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from ..saving import SaveRetry

SAVE_WITHIN = 0.4
"""Longest time typed text stays unsaved (the bar is 0.5 s)."""

QUIET = 0.15
"""A pause in typing this long saves at once rather than at the deadline."""


class KeepsTyping:
    """A widget or screen that may hold typing not yet in the file. Before it quits, the
    app calls :meth:`save_now` on every one on screen (the widgets, then their screen)
    and asks :attr:`save_failed` whether all of it was written."""

    def save_now(self) -> None:
        """Write what is pending at once (nothing, for a screen whose writes are made as
        they happen and only retried)."""

    @property
    def save_failed(self) -> bool:
        """Whether something shown is not yet in the file (the disk was full)."""
        return False


class Autosave:
    """Calls *write* soon after typing; the owner calls :meth:`touch` on each change."""

    def __init__(
        self,
        owner: Widget,
        write: Callable[[], bool],
        *,
        within: float = SAVE_WITHIN,
        quiet: float = QUIET,
    ) -> None:
        self._owner = owner
        self._write = write
        self.within = within
        self.quiet = min(quiet, within)
        self._first_change = 0.0
        self._last_change = 0.0
        self._timer: Timer | None = None
        self.pending = False
        """Typing happened that no write has covered yet."""
        self.saves = 0
        """How many writes succeeded (tests and curiosity)."""
        self._retry = SaveRetry(owner, self.flush)

    @property
    def failing(self) -> bool:
        """Whether the last write failed: what is on screen is not yet in the file."""
        return self._retry.failing

    def touch(self) -> None:
        """The text changed: make sure it is written soon."""
        now = time.monotonic()
        self._last_change = now
        if not self.pending:
            self.pending = True
            self._first_change = now
        if self._timer is None:
            self._timer = self._owner.set_timer(self.quiet, self._tick, name="autosave")

    def _tick(self) -> None:
        self._timer = None
        if not self.pending:
            return
        now = time.monotonic()
        due = min(self._last_change + self.quiet, self._first_change + self.within)
        if now < due - 0.005:
            # Still typing and the deadline is not reached: look again then.
            self._timer = self._owner.set_timer(due - now, self._tick, name="autosave")
            return
        self.flush()

    def flush(self) -> bool:
        """Write now (blur, leave, switch, quit); False if the write failed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wrote = False

        def write() -> None:
            nonlocal wrote
            wrote = self._write()

        if not self._retry.run(write):
            # Keep the text and stay pending: retried every second, and on the next
            # keystroke, blur or quit.
            self.pending = True
            return False
        self.saves += wrote
        self.pending = False
        return True

    def guarded(self, write: Callable[[], object]) -> bool:
        """Run a write of the owner's own (not typing) with the same full-disk answer:
        reported once, retried by the next flush; False if it failed."""
        return self._retry.run(write)

    def forget(self) -> None:
        """The text on screen is already stored (just loaded, or written elsewhere)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.pending = False
