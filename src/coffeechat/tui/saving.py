"""What the app does when a write cannot be made: keep the text, say so, retry.

The store raises one kind for a write that did not happen and can be tried again
(NotWritten: StorageFull when the disk is full, StoreBusy when another window or an
import held the lock for longer than the connection waits, whichever statement met
it); the widgets that save typing hold a :class:`SaveRetry`, which reports the
problem once, keeps the text on screen and marked unsaved, and tries again every
second until a write succeeds (then says so). Any other SQLite failure of a write is
kept and retried the same way. Key actions that write (a tick, archiving, ending a
call) are caught in ``App.run_action``, and a dialog's result (a status picked, a
deletion confirmed) in the callbacks ``App.push_screen`` wraps: the action did not
happen, the screen says why, and nothing else changes.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from ..store import StorageFull, StoreBusy

DISK_FULL = "Not saved: the disk is full; your text is kept here and saved when space returns"
ACTION_NOT_SAVED = "Not saved: the disk is full; free some space and try again"
BUSY = (
    "Not saved yet: another window or an import is writing to the database; "
    "your text is kept here and saved when it is done"
)
ACTION_BUSY = (
    "Not saved: another window or an import is writing to the database; try again in a moment"
)
SAVED_AGAIN = "Saved: there is space on the disk again."
SAVED_NOW = "Saved."
RETRY_EVERY = 1.0
"""Seconds between attempts while a write cannot be made."""


def not_saved(error: Exception) -> str:
    """What to say once when typed text could not be written (it is kept, retried)."""
    if isinstance(error, StorageFull):
        return DISK_FULL
    if isinstance(error, StoreBusy):
        return BUSY
    return f"Not saved yet ({error}); your text is kept here and saved as soon as it can be"


def action_not_saved(error: Exception) -> str:
    """What to say when an action or a form's save did not happen (nothing changed)."""
    return ACTION_BUSY if isinstance(error, StoreBusy) else ACTION_NOT_SAVED


_FAILING: weakref.WeakSet[SaveRetry] = weakref.WeakSet()
"""The retries waiting for the store: the problem is said when the first one starts
and the success when the last one is done."""
_REASON = [False]
"""Whether the problem said was a full disk."""


class SaveRetry:
    """Runs one widget's writes; on a full disk, reports once and retries *retry*."""

    def __init__(self, owner: Widget, retry: Callable[[], object]) -> None:
        self._owner = owner
        self._retry = retry
        self._timer: Timer | None = None
        self.failing = False
        """Whether the last write failed (the text on screen is not in the file)."""

    def run(self, write: Callable[[], object]) -> bool:
        """Run *write*; False if it failed (reported once, and a retry planned)."""
        try:
            write()
        except sqlite3.Error as error:  # NotWritten is one of them
            for gone in [retry for retry in _FAILING if not retry._owner.is_attached]:
                _FAILING.discard(gone)  # a closed screen's: no longer waiting
            if not _FAILING:
                # Said once for the whole app, however many fields wait to be written.
                self._owner.notify(not_saved(error), severity="error", timeout=10)
                _REASON[0] = isinstance(error, StorageFull)
            _FAILING.add(self)
            self.failing = True
            self._plan_retry()
            return False
        if self.failing:
            self.failing = False
            _FAILING.discard(self)
            if not _FAILING:
                self._owner.notify(SAVED_AGAIN if _REASON[0] else SAVED_NOW)
        return True

    def _plan_retry(self) -> None:
        if self._timer is None and self._owner.is_attached:
            self._timer = self._owner.set_timer(RETRY_EVERY, self._try_again)

    def _try_again(self) -> None:
        self._timer = None
        self._retry()
