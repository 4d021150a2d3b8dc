"""A Markdown note editor that saves itself.

Typing is saved by :class:`Autosave` (at most 0.4 s after a keystroke, also during a
long burst of typing), when focus leaves the editor, when another note is loaded into
it (contact switch) and on quit (the app calls ``save_now()`` on every ``KeepsTyping`` widget).
Loading a note is not an edit: it is done with
``TextArea.Changed`` prevented, so it never writes. Text that could not be written
(a full disk) stays queued for its note, and is retried, even after another note is
loaded; a note another window changed meanwhile is merged with it, three-way.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, TextArea

from ...domain.text import visible
from ...domain.three_way import merge_text
from ...safe_reading import read_text
from ...usecases.notes import NoteConflict
from ..commands import bindings
from .autosave import Autosave, KeepsTyping
from .safe_text_area import SafeTextArea

Saver = Callable[[str, str], object]
"""Writes a note: ``saver(text, base)``, *base* the text it was written from (the use
case refuses with NoteConflict when the stored note is no longer *base*)."""

MERGED_MESSAGE = "This note was also changed in another window: both changes are kept."
CONFLICT_MESSAGE = (
    "This note was also changed in another window: where you both changed the same "
    "lines, both versions are kept, the other one below the line."
)


class NotePreview(VerticalScroll, can_focus=True):
    """The rendered Markdown, focusable so its keys (toggle back, scroll) keep working."""

    DEFAULT_CSS = """
    NotePreview { height: 1fr; background: $boost; padding: 0 1; }
    NotePreview Markdown { margin: 0; padding: 0; }
    """


class NoteEditor(KeepsTyping, Vertical):
    """A TextArea bound to one note through a *saver*; swap notes with :meth:`load`."""

    HELP_NAME = "Note editor"
    BINDINGS = bindings("notes")
    DEFAULT_CSS = """
    NoteEditor { height: 8; }
    NoteEditor TextArea { height: 1fr; border: none; padding: 0 1; background: $boost; }
    NoteEditor TextArea:focus { border: none; background: $accent 15%; }
    NoteEditor NotePreview { display: none; }
    NoteEditor.-preview NotePreview { display: block; }
    NoteEditor.-preview TextArea { display: none; }
    """

    def __init__(self, *, placeholder: str = "", id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self._saver: Saver | None = None
        self._base = ""
        """The note as loaded or last saved here: what another window may have changed."""
        self._unsaved: dict[int, tuple[Saver, str, str]] = {}
        """Texts not yet written, by saver: kept until the disk takes them."""
        self.autosave = Autosave(self, self._write_pending)
        # Kept, not queried: the last save on unmount runs after the children are gone.
        self._text_area: TextArea = SafeTextArea(
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=placeholder,
            highlight_cursor_line=False,
            disabled=True,
        )

    @property
    def save_failed(self) -> bool:
        """Whether typed text is not yet in the file (the disk was full)."""
        return bool(self._unsaved)

    @property
    def saves(self) -> int:
        """How many times this editor wrote to the store (tests and curiosity)."""
        return self.autosave.saves

    def compose(self) -> ComposeResult:
        yield self._text_area
        with NotePreview():
            yield Markdown("")

    @property
    def text_area(self) -> TextArea:
        return self._text_area

    @property
    def text(self) -> str:
        return self.text_area.text

    def focus_editor(self) -> bool:
        """Focus the text (or the preview when it is showing); False when disabled."""
        if self.text_area.disabled:
            return False
        target = self.query_one(NotePreview) if self.has_class("-preview") else self.text_area
        target.focus()
        return True

    def load(self, body: str, saver: Saver | None) -> None:
        """Show *body* and save later edits through *saver* (None: nothing to edit)."""
        self.save_now()  # whatever was typed belongs to the note shown until now
        text_area = self.text_area
        with text_area.prevent(TextArea.Changed):
            text_area.load_text(body)
        self._saver = saver
        self._base = body
        self.autosave.forget()
        text_area.disabled = saver is None
        if self.has_class("-preview"):
            self._render_preview()

    def save_now(self) -> None:
        """Write pending typing at once (on blur, switch, quit)."""
        self.autosave.flush()

    def _write_pending(self) -> bool:
        """Queue what is typed, then write every queued text; raises if the store
        refuses (Autosave reports it and retries)."""
        text = self.text_area.text
        if self._saver is not None and text != self._base:
            # Queued, not written in place: if the disk is full the text stays queued
            # (and retried) even after another note is loaded into the editor.
            self._unsaved[id(self._saver)] = (self._saver, text, self._base)
        wrote = False
        for key, (saver, queued, base) in list(self._unsaved.items()):
            self._write(saver, queued, base)
            del self._unsaved[key]
            wrote = True
        return wrote

    def _write(self, saver: Saver, text: str, base: str) -> None:
        """Save *text*, written from *base*; if another window changed the note
        meanwhile, merge both changes (domain/three_way.py) and show the result."""
        try:
            saver(text, base)
        except NoteConflict as conflict:
            # A three-way merge against the version this editor started from: each
            # side's changes once, however often the two windows save in turn.
            text, clashed = merge_text(base, text, conflict.current)
            saver(text, conflict.current)
            message = CONFLICT_MESSAGE if clashed else MERGED_MESSAGE
            self.notify(message, severity="warning", timeout=12)
            if saver is self._saver:
                self._show_merged(text)
        if saver is self._saver:
            self._base = text

    def _show_merged(self, text: str) -> None:
        text_area = self.text_area
        cursor = text_area.cursor_location
        with text_area.prevent(TextArea.Changed):
            text_area.load_text(text)
        text_area.cursor_location = cursor  # the merged text starts with ours
        if self.has_class("-preview"):
            self._render_preview()

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._saver is not None:
            self.autosave.touch()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.save_now()

    def on_unmount(self) -> None:
        self.save_now()

    # --- actions ------------------------------------------------------------------------

    def action_toggle_preview(self) -> None:
        self.toggle_class("-preview")
        if self.has_class("-preview"):
            self._render_preview()
            self.query_one(NotePreview).focus()
        else:
            self.text_area.focus()

    def _render_preview(self) -> None:
        body = self.text_area.text
        self.query_one(Markdown).update(visible(body) if body.strip() else "*Nothing written yet.*")

    def action_edit_in_editor(self) -> None:
        if self._saver is None:
            self.notify("Nothing to edit here.", severity="warning")
            return
        self.save_now()
        edited = edit_in_external_editor(self.app, self.text_area.text)
        if edited is None or edited == self.text_area.text:
            return
        self.text_area.load_text(edited)  # an edit: saved like typing
        self.save_now()
        if self.has_class("-preview"):
            self._render_preview()


def editor_command() -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi``, split like a shell would."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(command) or ["vi"]
    except ValueError:
        return [command]


def edit_in_external_editor(app, text: str) -> str | None:
    """Suspend the app, edit *text* in the user's editor, return the result (None: failed).

    The editor is looked up before the app lets go of the terminal, and nothing
    raised while it runs may skip ``App.suspend``'s resume (that left a blank, frozen
    screen): failures are caught inside the block and reported once the app is back.
    """
    command = editor_command()
    if shutil.which(command[0]) is None:
        app.notify(
            f"Editor not found: {command[0]} (from $VISUAL or $EDITOR); note left as it was.",
            severity="error",
        )
        return None
    fd, name = tempfile.mkstemp(prefix="coffeechat-", suffix=".md")  # created 0600
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        command = [*command, str(path)]
        failure: OSError | None = None
        result = None
        try:
            with app.suspend():
                try:
                    result = subprocess.run(command, check=False)
                except OSError as error:
                    failure = error
        except SuspendNotSupported:
            if not app.is_headless:
                app.notify("This terminal cannot hand over to an editor.", severity="error")
                return None
            # Tests run headless: there is no terminal to hand over, just run the command.
            try:
                result = subprocess.run(command, check=False, capture_output=True)
            except OSError as error:
                failure = error
        if failure is not None or result is None:
            reason = failure.strerror if failure is not None else "it did not run"
            app.notify(f"Cannot run {command[0]}: {reason}; note left as it was.", severity="error")
            return None
        if result.returncode != 0:
            app.notify(
                f"{command[0]} exited with {result.returncode}: note left as it was",
                severity="warning",
            )
            return None
        try:
            return read_text(path, errors="replace")
        except OSError as error:
            # The editor removed or replaced its file and still said it succeeded.
            app.notify(
                f"{command[0]} left no file to read back ({error.strerror}); note left as it was.",
                severity="warning",
            )
            return None
    finally:
        path.unlink(missing_ok=True)
