"""A Markdown note editor that saves itself.

Typing is saved by :class:`Autosave` (at most 0.4 s after a keystroke, also during a
long burst of typing), when focus leaves the editor, when another note is loaded into
it (contact switch) and on quit (the app calls ``save_now()`` on every widget with the
``autosave`` class). Loading a note is not an edit: it is done with
``TextArea.Changed`` prevented, so it never writes.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, TextArea

from ...domain.text import visible
from ..commands import bindings
from .autosave import Autosave
from .safe_text import SafeTextArea

Saver = Callable[[str], object]


class NotePreview(VerticalScroll, can_focus=True):
    """The rendered Markdown, focusable so its keys (toggle back, scroll) keep working."""

    DEFAULT_CSS = """
    NotePreview { height: 1fr; background: $boost; padding: 0 1; }
    NotePreview Markdown { margin: 0; padding: 0; }
    """


class NoteEditor(Vertical):
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
        super().__init__(id=id, classes=f"autosave {classes}".strip())
        self._saver: Saver | None = None
        self._saved_text = ""
        """The text as last loaded or written: only a difference is written."""
        self.autosave = Autosave(self, self._write)
        # Kept, not queried: the last save on unmount runs after the children are gone.
        self._text_area: TextArea = SafeTextArea(
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=placeholder,
            highlight_cursor_line=False,
            disabled=True,
        )

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
        self._saved_text = body
        self.autosave.forget()
        text_area.disabled = saver is None
        if self.has_class("-preview"):
            self._render_preview()

    def save_now(self) -> None:
        """Write pending typing at once (on blur, switch, quit)."""
        self.autosave.flush()

    def _write(self) -> bool:
        text = self.text_area.text
        if self._saver is None or text == self._saved_text:
            return False
        self._saver(text)
        self._saved_text = text
        return True

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
    """Suspend the app, edit *text* in the user's editor, return the result (None: failed)."""
    fd, name = tempfile.mkstemp(prefix="coffeechat-", suffix=".md")  # created 0600
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        command = [*editor_command(), str(path)]
        try:
            with app.suspend():
                result = subprocess.run(command, check=False)
        except SuspendNotSupported:
            if not app.is_headless:
                app.notify("This terminal cannot hand over to an editor.", severity="error")
                return None
            # Tests run headless: there is no terminal to hand over, just run the command.
            result = subprocess.run(command, check=False, capture_output=True)
        except OSError as error:
            app.notify(f"Cannot run {command[0]}: {error.strerror}", severity="error", markup=False)
            return None
        if result.returncode != 0:
            app.notify(
                f"{command[0]} exited with {result.returncode}: note left as it was",
                severity="warning",
                markup=False,
            )
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
