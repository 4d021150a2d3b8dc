"""A one-line input that saves what is being typed, at most a fifth of a second late.

The call screen's note line and answer are saved through :class:`Autosave` with a
0.2 s deadline, also during a long burst of typing, and when focus leaves the input.
A keystroke never touches the database, and ``kill -9`` loses at most the last 0.2 s
of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from .autosave import Autosave, KeepsTyping
from .safe_text import SafeInput

SAVE_EVERY = 0.2
"""Longest time typed text stays unsaved here (the spec's bar is 0.5 s)."""


class AutosaveInput(KeepsTyping, SafeInput):
    """An Input that saves what is typed in it (``save_now()`` is called on quit too)."""

    def __init__(self, save: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._save = save
        self._saved = self.value
        self.autosave = Autosave(self, self._write, within=SAVE_EVERY)

    @property
    def save_failed(self) -> bool:
        """Whether the text shown is not yet in the file (the disk was full)."""
        return self.autosave.failing

    def watch_value(self, value: str) -> None:
        # A watcher runs as the value changes, before the Changed message is handled.
        if value != self._saved:
            self.autosave.touch()

    def on_blur(self) -> None:
        self.save_now()

    def _write(self) -> bool:
        if self.value == self._saved:
            return False
        self._save(self.value)
        self._saved = self.value
        return True

    def save_now(self) -> None:
        """Write the current text if it differs from what was last saved."""
        self.autosave.flush()

    def load(self, value: str, save: Callable[[str], None] | None = None) -> None:
        """Show *value* (already saved) without writing it back; optionally retarget."""
        self.save_now()
        if save is not None:
            self._save = save
        self._saved = value
        with self.prevent(Input.Changed):
            self.value = value
        self.cursor_position = len(value)
        self.autosave.forget()

    def mark_saved(self) -> None:
        """The current text was written by someone else (e.g. committed as a note)."""
        self._saved = self.value
        self.autosave.forget()

    def mark_cleared(self) -> None:
        """Another write cleared what was stored (a note line committed later): the
        current text is written again soon."""
        self._saved = ""
        if self.value:
            self.autosave.touch()
