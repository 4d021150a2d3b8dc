"""A one-line input that saves what is being typed, at most a fifth of a second late.

Saving on a timer that restarts on every keystroke (a debounce) would never save
during a long burst of typing; instead each keystroke only marks the text dirty and
a steady 0.2 s tick writes it if it changed. A keystroke never touches the database,
and ``kill -9`` loses at most the last 0.2 s of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from ..saving import SaveRetry
from .safe_text import SafeInput

SAVE_EVERY = 0.2
"""Seconds between checks for unsaved text (the spec's bar is 0.5 s)."""


class AutosaveInput(SafeInput):
    """An Input with the ``autosave`` class: ``save_now()`` is called on quit too."""

    def __init__(self, save: Callable[[str], None], **kwargs) -> None:
        classes = " ".join(filter(None, ["autosave", kwargs.pop("classes", None)]))
        super().__init__(classes=classes, **kwargs)
        self._save = save
        self._saved = self.value
        self._dirty = False
        self._guard = SaveRetry(self, self.save_now)

    @property
    def save_failed(self) -> bool:
        """Whether the text shown is not yet in the file (the disk was full)."""
        return self._guard.failing

    def on_mount(self) -> None:
        self.set_interval(SAVE_EVERY, self._save_if_dirty, name="autosave")

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        self._dirty = value != self._saved

    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save_now()

    def save_now(self) -> None:
        """Write the current text if it differs from what was last saved."""
        if self.value != self._saved:
            value = self.value
            if not self._guard.run(lambda: self._save(value)):
                return  # kept dirty: retried in a second, and on the next tick
            self._saved = value
        self._dirty = False

    def load(self, value: str, save: Callable[[str], None] | None = None) -> None:
        """Show *value* (already saved) without writing it back; optionally retarget."""
        self.save_now()
        if save is not None:
            self._save = save
        self._saved = value
        with self.prevent(Input.Changed):
            self.value = value
        self.cursor_position = len(value)
        self._dirty = False

    def mark_saved(self) -> None:
        """The current text was written by someone else (e.g. committed as a note)."""
        self._saved = self.value
        self._dirty = False
