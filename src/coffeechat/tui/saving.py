"""What the app does when a write finds the disk full: keep the text, say so, retry.

The store raises one error for it (StorageFull, whichever statement ran out of
space); the widgets that save typing hold a :class:`SaveRetry`, which reports the
problem once, keeps the text on screen and marked unsaved, and tries again every
second until a write succeeds (then says so). Any other SQLite failure of a write
(the file locked for longer than the busy timeout) is kept and retried the same
way. Key actions that write (a tick, archiving, ending a call) are caught in
``App.run_action``, and a dialog's result (a status picked, a deletion confirmed) in
the callbacks ``App.push_screen`` wraps: the action did not happen, the screen says
why, and nothing else changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from ..store import StorageFull

DISK_FULL = "Not saved: the disk is full; your text is kept here and saved when space returns"
ACTION_NOT_SAVED = "Not saved: the disk is full; free some space and try again"
SAVED_AGAIN = "Saved: there is space on the disk again."
RETRY_EVERY = 1.0
"""Seconds between attempts while the disk is full."""


def not_saved(error: Exception) -> str:
    return f"Not saved yet ({error}); your text is kept here and saved as soon as it can be"


class SaveRetry:
    """Runs one widget's writes; on a full disk, reports once and retries *retry*."""

    def __init__(self, owner: Widget, retry: Callable[[], object]) -> None:
        self._owner = owner
        self._retry = retry
        self._timer: Timer | None = None
        self.failing = False
        """Whether the last write failed (the text on screen is not in the file)."""

    def run(self, write: Callable[[], object]) -> bool:
        """Run *write*; False if the disk was full (reported, and a retry planned)."""
        try:
            write()
        except sqlite3.Error as error:  # StorageFull is one of them
            if not self.failing:
                message = DISK_FULL if isinstance(error, StorageFull) else not_saved(error)
                self._owner.notify(message, severity="error", timeout=10)
            self.failing = True
            self._plan_retry()
            return False
        if self.failing:
            self.failing = False
            self._owner.notify(SAVED_AGAIN)
        return True

    def _plan_retry(self) -> None:
        if self._timer is None and self._owner.is_attached:
            self._timer = self._owner.set_timer(RETRY_EVERY, self._try_again)

    def _try_again(self) -> None:
        self._timer = None
        self._retry()
