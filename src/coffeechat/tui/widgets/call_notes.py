"""The call's note log and note input: one line per note, exactly as typed or pasted."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.widgets import Input, RichLog

from ...domain.text import one_line, visible
from ...models_activity import NoteLine
from ...store import Store
from .autosave_input import AutosaveInput
from .hanging import hanging_table


class NoteLineInput(AutosaveInput):
    """Each ``enter`` commits the line typed before it (through *on_submit*, before
    the next key is read) and starts an empty one; a paste of several lines commits one
    note per line (the last, unfinished line stays to be typed on)."""

    clear_on_submit = True

    def clear_submitted(self) -> None:
        super().clear_submitted()
        # Not written as the draft: the note commit clears it in the same transaction,
        # so at every moment the line is either the saved draft or a saved note.
        self.mark_saved()

    def on_paste(self, event: events.Paste) -> None:
        lines = event.text.splitlines()
        if len(lines) < 2 and not event.text.endswith(("\n", "\r")):
            return  # one line: Input pastes it at the cursor
        event.prevent_default()
        event.stop()
        cursor = self.cursor_position
        before, after = self.value[:cursor], self.value[cursor:]
        if event.text.endswith(("\n", "\r")):
            lines.append("")
        lines[0] = before + lines[0]
        lines[-1] = lines[-1] + after
        with self.prevent(Input.Changed):
            self.value = lines[-1]
        for line in lines[:-1]:
            if self.on_submit is not None:
                self.on_submit(line)
        self.cursor_position = len(lines[-1]) - len(after)


def note_line_lead(note: NoteLine, number: int | None) -> Text:
    """What a committed note starts with: its minute and question, ``7′ Q3 ``."""
    return minute_lead(note.minute, number)


def minute_lead(minute: int, number: int | None) -> Text:
    lead = Text()
    lead.append(f"{minute:>2}′ ", style="bold")
    if number is not None:
        lead.append(f"Q{number} ", style="dim")
    return lead


def note_line_text(note: NoteLine, number: int | None) -> Text:
    """A committed note as the call record shows it: ``7′ Q3 text``."""
    line = note_line_lead(note, number)
    line.append(visible(note.text))
    return line


def render_call_record(store: Store, interview_id: int) -> Text:
    """What the call left behind, for the outcome form: the questions asked or answered
    (with the answers) and the note log."""
    return call_record_marked(store, interview_id)[0]


def call_record_marked(
    store: Store, interview_id: int, found: tuple[str, int] | None = None
) -> tuple[Text, int | None]:
    """The call record, with the ``("answer", item id)`` or ``("call_note", note id)``
    a search found shown in reverse, and the offset where it starts (None if absent)."""
    items = store.interviews.checklist(interview_id)
    numbers = {item.id: n for n, item in enumerate(items, 1)}
    record = Text()
    at: int | None = None
    record.append("Answers\n", style="bold underline")
    shown = [(n, item) for n, item in enumerate(items, 1) if item.asked or item.answer.strip()]
    for n, item in shown:
        record.append(f"{'☑' if item.asked else '☐'} {n}. {one_line(item.text)}\n")
        if item.answer.strip():
            if found == ("answer", item.id):
                at = len(record)
            style = "italic reverse" if found == ("answer", item.id) else "italic"
            record.append(f"   ↳ {one_line(item.answer)}\n", style=style)
    if not shown:
        record.append("No question ticked or answered.\n", style="dim italic")
    record.append("\nNotes\n", style="bold underline")
    notes = store.interviews.notes(interview_id)
    for note in notes:
        line = note_line_text(note, numbers.get(note.checklist_item_id or 0))
        if found == ("call_note", note.id):
            at = len(record)
            line.stylize("reverse")
        record.append_text(line)
        record.append("\n")
    if not notes:
        record.append("No notes taken.", style="dim italic")
    return record, at


class NoteLog(RichLog):
    """The committed note lines. RichLog wraps a line once, at the width it had when
    written; this one keeps the lines and wraps them again when its width changes."""

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, min_width=10, markup=False, **kwargs)
        self._notes: list[RenderableType] = []
        self._wrapped_at = 0

    def add(self, lead: Text, text: str) -> None:
        """A note line whose wrapped lines start under its text, not under the minute."""
        row = hanging_table([None], gap=0)
        row.add_row(lead, Text(visible(text)))
        self._notes.append(row)
        self.write(row)

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        if self._wrapped_at and width != self._wrapped_at:
            self.call_after_refresh(self._rewrap)
        self._wrapped_at = width

    def _rewrap(self) -> None:
        self.clear()
        for line in self._notes:
            self.write(line)
