"""The live call: checklist, answer notes, a note log, the timer and its nudges.

Built for use while talking. No printable key is a command here: words typed anywhere
on the screen (the checklist, the research under the notes) go to the note line,
starting with the first key; the screen's own keys do not type (ctrl+t ticks, tab
goes to the answer, up/down move between questions, ctrl+r shows the research).
Every tick and every committed note is written to the database in the key handler
itself; the line being typed and the answer being typed are saved by
:class:`AutosaveInput` within 0.2 s. A keystroke in the note input touches nothing but
the input: the log only grows when a line is committed (RichLog appends; it never
re-renders old lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from ...domain.call import call_minute, elapsed, format_clock, phase, phase_line
from ...domain.text import one_line
from ...domain.timezones import their_clock
from ...models import Contact
from ...models_activity import Interview, NoteLine
from ...store import Store
from ...usecases.call_log import (
    keep_typed_line,
    log_note_line,
    toggle_timer,
)
from ...usecases.calls import end_call
from ..commands import bindings
from ..key_order import focus_at_end, typing
from ..saving import SaveRetry
from ..widgets.autosave import KeepsTyping
from ..widgets.autosave_input import AutosaveInput
from ..widgets.call_notes import NoteLineInput, NoteLog, minute_lead, note_line_lead
from ..widgets.call_side import CallSide
from ..widgets.checklist import Checklist
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader
from ..widgets.search_box import SearchBox
from .call_checklist import CallChecklist

if TYPE_CHECKING:
    from ..app_host import AppHost


def call_header(contact: Contact, interview: Interview, now: datetime | None = None) -> Text:
    """Who, the number to dial and the address first (cut last at 80 columns), their
    local time when their time zone is known, then the organization, the medium and
    the promised length."""
    who = Text("Call with ", no_wrap=True, overflow="ellipsis")
    who.append(one_line(contact.name))
    if contact.phone:
        who.append(f"  ☎ {one_line(contact.phone)}", style="bold")
    if contact.email:
        who.append(f"  ✉ {one_line(contact.email)}")
    if now is not None and (clock := their_clock(now, contact.time_zone)):
        who.append(f"  their time {clock}")
    if contact.organization:
        who.append(f" · {one_line(contact.organization)}")
    who.append(f" · {interview.medium} · {interview.length_minutes} min")
    return who


@dataclass(frozen=True)
class _QueuedLine:
    """A note line committed while the store could not take it."""

    text: str
    minute: int
    item_id: int | None
    at: datetime


class CallScreen(KeepsTyping, CallChecklist):
    """Dismissed with the interview id when the call ends, None when merely left."""

    if TYPE_CHECKING:
        app: AppHost

    BINDINGS = bindings("call")
    HELP_NAME = "Call"
    AUTO_FOCUS = "#note-input"

    DEFAULT_CSS = """
    CallScreen #call-who {
        height: 1; padding: 0 1; background: $panel; text-style: bold;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    CallScreen #call-bar { height: 1; padding: 0 1; }
    CallScreen #call-timer { width: auto; text-style: bold; margin-right: 2; }
    CallScreen #call-nudge {
        width: 1fr; color: $text-accent; text-wrap: nowrap; text-overflow: ellipsis;
    }
    CallScreen #call-nudge.-late { color: $text-warning; text-style: bold; }
    CallScreen #call-body { height: 1fr; }
    CallScreen #checklist-pane { width: 55%; border: round $primary-muted; }
    CallScreen #notes-pane { width: 1fr; border: round $primary-muted; }
    CallScreen #checklist-pane:focus-within, CallScreen #notes-pane:focus-within {
        border: round $primary;
    }
    CallScreen #note-log { height: 1fr; background: $surface; scrollbar-size-vertical: 1; }
    CallScreen AutosaveInput { height: 1; border: none; padding: 0 1; background: $boost; }
    CallScreen AutosaveInput:focus { border: none; background: $accent 25%; }
    CallScreen #answer-label { height: 1; color: $text-muted; padding: 0 1; }
    CallScreen #question-whole {
        display: none; height: auto; max-height: 4; padding: 0 1; background: $boost;
    }
    CallScreen #question-whole.-cut { display: block; }
    """

    def __init__(self, store: Store, interview_id: int, contact: Contact) -> None:
        super().__init__(store, interview_id)
        self.contact = contact
        self.interview: Interview = self._read_interview()
        self._queued_lines: list[_QueuedLine] = []
        """Note lines committed (and shown) but not yet in the file, oldest first."""
        self._lines = SaveRetry(self, self._flush_lines)

    def _read_interview(self) -> Interview:
        interview = self.store.interviews.get(self.interview_id)
        if interview is None:
            raise KeyError(self.interview_id)
        return interview

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        interview = self.interview
        yield AppHeader()
        yield Static(call_header(self.contact, interview, self.app.clock.now()), id="call-who")
        with Horizontal(id="call-bar"):
            yield Static("", id="call-timer")
            yield Static("", id="call-nudge")
        with Horizontal(id="call-body"):
            with Vertical(id="checklist-pane"):
                yield Checklist(id="checklist")
                yield Static("", id="question-whole")
                yield Static("Answer (tab):", id="answer-label")
                yield AutosaveInput(
                    self._save_answer_for(None),
                    placeholder="tab: answer to the highlighted question",
                    id="answer",
                    on_submit=self._answer_done,
                )
            with Vertical(id="notes-pane"):
                yield CallSide(self.store, self.contact.id, id="call-side")
                yield NoteLog(id="note-log")
                yield NoteLineInput(
                    self._save_draft,
                    on_submit=self._commit_note,
                    placeholder="type a note, enter commits it",
                    id="note-input",
                )
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#notes-pane").border_title = "Notes"
        items = self.store.interviews.checklist(self.interview_id)
        first_open = next((i for i, item in enumerate(items) if not item.asked), 0)
        self.checklist.load(items, highlight=first_open)
        self._number_items()
        log = self.query_one(NoteLog)
        for note in self.store.interviews.notes(self.interview_id):
            log.add(self._note_lead(note), note.text)
        self.note_input.load(self.interview.draft_note)
        self._show_answer()
        self._update_titles()
        self.refresh_timer()
        self.set_interval(1.0, self.refresh_timer, name="call timer")

    @property
    def note_input(self) -> AutosaveInput:
        return self.query_one("#note-input", AutosaveInput)

    # --- the timer ----------------------------------------------------------------------

    def seconds(self) -> float:
        i = self.interview
        return elapsed(i.elapsed_seconds, i.running_since, self.app.clock.now())

    def refresh_timer(self) -> None:
        seconds = self.seconds()
        length = self.interview.length_minutes
        running = bool(self.interview.running_since)
        state = "" if running else " paused (ctrl+g resumes)"
        self.query_one("#call-timer", Static).update(
            Text(f"{format_clock(seconds)} / {format_clock(length * 60)}{state}")
        )
        now = phase(seconds, length)
        nudge = self.query_one("#call-nudge", Static)
        nudge.update(Text(phase_line(seconds, length)))
        nudge.set_class(now.name in ("Wrap up", "Over time"), "-late")
        if self.contact.time_zone:
            # Their local time moves with the clock: redrawn with the timer.
            self.query_one("#call-who", Static).update(
                call_header(self.contact, self.interview, self.app.clock.now())
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search under the notes, up and down walk its results, not the questions.
        if action in ("previous_question", "next_question"):
            focused = self.focused
            return not (focused is not None and self.side in focused.ancestors_with_self)
        return True

    def action_switch_line(self) -> None:
        """tab: from the note line to the answer of the highlighted question, and back."""
        if self.focused is self.answer_input:
            self.action_back_to_note()
            return
        if self.checklist.current is None:
            self.notify("No question highlighted.", severity="warning")
            return
        self.note_input.save_now()
        focus_at_end(self.answer_input)

    def action_back_to_note(self) -> None:
        self.answer_input.save_now()
        focus_at_end(self.note_input)

    def on_key(self, event: events.Key) -> None:
        """A printable key that reached the screen from a widget that does not type
        (the checklist, the research pane): it starts or continues the note."""
        if event.is_printable and event.character and not typing(self.focused):
            event.stop()
            event.prevent_default()
            focus_at_end(self.note_input)
            self.note_input.insert_text_at_cursor(event.character)

    def on_paste(self, event: events.Paste) -> None:
        if not typing(self.focused):
            event.stop()
            focus_at_end(self.note_input)
            self.note_input.post_message(events.Paste(event.text))

    def _save_draft(self, text: str) -> None:
        keep_typed_line(self.store, self.interview_id, text)

    def _commit_note(self, text: str) -> None:
        """Enter in the note input, run as the key is read: the input already holds
        only what was typed after it."""
        if not self.commit_note_line(text):
            # Queued (shown, written when the store takes it): what follows is a new line.
            return
        if self.note_input.value:
            # The commit cleared the saved draft; a pasted tail is the next line.
            self._save_draft(self.note_input.value)

    def commit_note_line(self, text: str) -> bool:
        """Log *text* as a note line, stamped with the minute and highlighted question;
        False if it could not be written yet (the disk is full, the file locked).

        A line that could not be written is shown in the log all the same and queued:
        it is never joined to what is typed next, the problem is said once, and the
        queue is written in order, by itself, as soon as the store takes it.
        """
        if not text.strip():
            return True
        item = self.checklist.current
        line = _QueuedLine(
            text, call_minute(self.seconds()), item.id if item else None, self.app.clock.now()
        )
        self.query_one(NoteLog).add(self._lead(line.minute, line.item_id), text)
        self._queued_lines.append(line)
        return self._lines.run(self._write_queued_lines)

    def _write_queued_lines(self) -> None:
        while self._queued_lines:
            line = self._queued_lines[0]
            log_note_line(
                self.store,
                self.interview_id,
                line.text,
                minute=line.minute,
                question_id=line.item_id,
                at=line.at,
            )
            self._queued_lines.pop(0)
            if self.note_input.value:
                # Logging cleared the saved draft: the line typed since is saved again.
                self.note_input.mark_cleared()

    def _flush_lines(self) -> bool:
        return self._lines.run(self._write_queued_lines)

    @property
    def save_failed(self) -> bool:
        """Whether note lines or ticks shown are not yet in the file (quit asks first)."""
        if self._queued_lines:
            self._flush_lines()
        return bool(self._queued_lines or self._unsaved_ticks)

    def _answer_done(self, text: str) -> None:
        """Enter in the answer: saved, and typing goes on in the note line."""
        self.save_inputs()
        focus_at_end(self.note_input)

    def _note_lead(self, note: NoteLine) -> Text:
        return note_line_lead(note, self._numbers.get(note.checklist_item_id or 0))

    def _lead(self, minute: int, item_id: int | None) -> Text:
        return minute_lead(minute, self._numbers.get(item_id or 0))

    # --- timer, cards, ending -----------------------------------------------------------

    def action_toggle_timer(self) -> None:
        now = self.app.clock.now()
        self.interview = toggle_timer(self.store, self.interview_id, now)
        self.refresh_timer()

    @property
    def side(self) -> CallSide:
        return self.query_one(CallSide)

    def action_show_brief(self) -> None:
        self.side.toggle("research")

    def action_show_story(self) -> None:
        self.side.toggle("story")

    async def action_call_search(self) -> None:
        side = self.side
        if side.showing != "search":
            side.toggle("search")
        await side.built()
        focus_at_end(side.query_one(SearchBox).input)

    @on(SearchBox.Picked)
    @on(Input.Submitted, "SearchInput")
    def _hit_picked(self, event: SearchBox.Picked | Input.Submitted) -> None:
        """The hit stays highlighted in the list under the notes (or "nothing found"
        stays there); typing goes on in the note."""
        event.stop()
        focus_at_end(self.note_input)

    def action_scroll_side_up(self) -> None:
        self.side.scroll_page(-1)

    def action_scroll_side_down(self) -> None:
        self.side.scroll_page(1)

    def save_inputs(self) -> None:
        self._flush_ticks()
        if self._queued_lines:
            self._flush_lines()
        self.answer_input.save_now()
        self.note_input.save_now()

    def commit_half_typed_line(self) -> None:
        """At the end of a call the line being typed becomes the last note line."""
        note_input = self.note_input
        text = note_input.value
        if text.strip():
            self.commit_note_line(text)
            with note_input.prevent(Input.Changed):
                note_input.value = ""
            note_input.mark_saved()

    def action_end_call(self) -> None:
        self.commit_half_typed_line()
        self.save_inputs()
        ended = end_call(self.store, self.interview_id, self.app.clock.now())
        self.interview = ended.interview
        self.app.offer_undo(
            f"Call with {self.contact.name} ended after {format_clock(self.seconds())}",
            ended.undo,
        )
        self.dismiss(self.interview_id)

    def action_discard_call(self) -> None:
        from .confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.save_inputs()
            if self.app.discard_call(self.interview_id):
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                f"Discard this call with {self.contact.name}? Its notes go with it, and "
                f"{self.contact.name} is as before the call.",
                confirm_label="Discard",
            ),
            answered,
        )

    def action_leave_call(self) -> None:
        self.save_inputs()
        self.notify("The call is still running: press c on the contact to return.")
        self.dismiss(None)
