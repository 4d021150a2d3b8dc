"""Plan an interview: when, how, how long, and the questions to ask, in order."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, OptionList, Select

from ...domain.call import check_when, describe_when, resolve_when
from ...domain.questions import (
    asks_for_job,
    estimated_minutes,
    matching,
    questions_that_fit,
    trimmed_to,
    with_added,
)
from ...domain.text import one_line, single_spaced
from ...domain.timezones import their_clock
from ...models import Medium
from ...models_activity import Question
from ...usecases.calls import Plan
from ..commands import bindings
from ..fill_in import FillsIn
from ..widgets.form import FormField, check_all, chosen
from .modal import Modal
from .question_bank import BankFilter, question_prompt


def _picked_prompt(number: int, question: Question) -> Text:
    prompt = Text()
    prompt.append(f"{number:>2}. ", style="bold")
    prompt.append(one_line(question.text))
    if asks_for_job(question.text):
        prompt.append("  ⚠ asks for a job", style="bold red")
    return prompt


class PickList(OptionList):
    """The bank side: enter or space adds the highlighted question to the checklist."""

    BINDINGS = [
        Binding("space", "select", "Add", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class PickedList(OptionList):
    """The checklist side: shift+up/down reorder, delete removes."""

    BINDINGS = [
        Binding("shift+up", "move(-1)", "Move up"),
        Binding("shift+down", "move(1)", "Move down"),
        Binding("delete,x", "remove", "Remove"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, questions: list[Question], length_minutes: int = 30, **kwargs) -> None:
        super().__init__(**kwargs)
        self.questions = list(questions)
        self.length_minutes = length_minutes

    def on_mount(self) -> None:
        self.show_estimate()  # the questions themselves follow the first frame

    def show_questions(self, highlight: int | None = None) -> None:
        self.set_options(_picked_prompt(n, q) for n, q in enumerate(self.questions, 1))
        if self.questions:
            index = self.highlighted if highlight is None else highlight
            self.highlighted = max(0, min(index or 0, len(self.questions) - 1))
        self.show_estimate()

    def show_estimate(self) -> None:
        """The count and about how long they take, against the promised length."""
        count, length = len(self.questions), self.length_minutes
        minutes = estimated_minutes(count, length)
        over = "  ⚠ too long" if minutes > length else ""
        self.border_title = f"Checklist ({count}) · about {minutes} of {length} min{over}"

    def has(self, question: Question) -> bool:
        text = " ".join(question.text.casefold().split())
        return any(
            (question.id is not None and q.id == question.id)
            or " ".join(q.text.casefold().split()) == text
            for q in self.questions
        )

    def add(self, question: Question) -> bool:
        """Add *question* (before the closing referral question, which stays last);
        False (and nothing added) when it is already there."""
        if self.has(question):
            return False
        self.questions = with_added(self.questions, question)
        self.show_questions(highlight=self.questions.index(question))
        return True

    @property
    def too_long(self) -> bool:
        return estimated_minutes(len(self.questions), self.length_minutes) > self.length_minutes

    def trim(self) -> int:
        """Keep the questions that fit the call's length; how many were taken out."""
        before = len(self.questions)
        self.questions = trimmed_to(self.questions, self.length_minutes)
        self.show_questions(highlight=0)
        return before - len(self.questions)

    def action_move(self, delta: int) -> None:
        index = self.highlighted
        if index is None or not self.questions:
            return
        target = max(0, min(len(self.questions) - 1, index + delta))
        self.questions.insert(target, self.questions.pop(index))
        self.show_questions(highlight=target)

    def action_remove(self) -> None:
        index = self.highlighted
        if index is not None and self.questions:
            self.questions.pop(index)
            self.show_questions(highlight=index)


class PlanInterview(Modal[Plan | None], FillsIn):
    """ctrl+s saves, escape cancels; tab moves between the fields and the two lists."""

    AUTO_FOCUS = "#field-when"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
        *bindings("plan"),
    ]
    DEFAULT_CSS = """
    PlanInterview > Vertical {
        width: 120; max-width: 100%; height: 95%; max-height: 100%;
    }
    PlanInterview .form-title { text-style: bold; height: 1; }
    PlanInterview .plan-hint { width: 1fr; }
    PlanInterview .plan-row { height: 1; margin-top: 1; }
    PlanInterview .plan-row Label { width: 16; color: $text-muted; }
    PlanInterview .plan-row Select { width: 24; margin-right: 2; }
    PlanInterview #lists { height: 1fr; margin-top: 1; }
    PlanInterview #bank-side { width: 1fr; height: 1fr; }
    PlanInterview OptionList { width: 1fr; height: 1fr; border: round $primary-muted; }
    PlanInterview OptionList:focus { border: round $primary; }
    /* Its questions come after the first frame: the scrollbar's room is kept from the
       start, so they wrap at the width they are shown at. */
    PlanInterview #bank { scrollbar-gutter: stable; }
    PlanInterview #when-row { height: auto; padding-left: 16; }
    PlanInterview #when-read, PlanInterview #their-time { width: auto; color: $text-accent; }
    PlanInterview #when-read { margin-right: 2; }
    """

    def __init__(
        self,
        contact_name: str,
        *,
        bank: list[Question],
        picked: list[Question],
        scheduled_at: str = "",
        medium: Medium = Medium.PHONE,
        length_minutes: int = 30,
        time_zone: str = "",
    ) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.time_zone = time_zone
        """The contact's zone: their local time is shown beside the time typed."""
        self.bank = bank
        self.shown_bank = list(bank)
        """The bank questions the filter lets through, as listed."""
        self.picked = picked
        self.scheduled_at = scheduled_at
        self.medium = medium
        self.length_minutes = length_minutes

    def compose(self) -> ComposeResult:
        with Vertical():
            title = Text(f"Plan interview with {one_line(self.contact_name)}")
            title.append("  ·  ctrl+s saves · escape cancels", style="dim")
            yield Label(title, classes="form-title")
            yield FormField(
                "When",
                name="when",
                value=self.scheduled_at.replace("T", " "),
                checks=[lambda value: check_when(value, self._today())],
                placeholder="YYYY-MM-DD HH:MM, tue 16:00, tomorrow 9:30",
            )
            with Horizontal(id="when-row"):
                yield Label("", id="when-read", markup=False)
                yield Label("", id="their-time", markup=False)
            with Horizontal(classes="plan-row") as choices:
                yield Label("Medium")
            self.later(  # after the first frame, with the lists' questions
                choices,
                Select(
                    [(str(m), m) for m in Medium],
                    value=self.medium,
                    allow_blank=False,
                    compact=True,
                    id="medium",
                ),
                Select(
                    [("15 minutes", 15), ("30 minutes", 30)],
                    value=self.length_minutes if self.length_minutes in (15, 30) else 30,
                    allow_blank=False,
                    compact=True,
                    id="length",
                ),
            )
            yield Label(
                "enter or space adds a bank question; a question the bank lacks: type it in "
                "the filter, enter · checklist: shift+up/down moves, delete removes, "
                "ctrl+t trims to fit",
                classes="plan-hint",
            )
            with Horizontal(id="lists"):
                with Vertical(id="bank-side"):
                    yield BankFilter(
                        placeholder="filter the bank (case and accents ignored)",
                        compact=True,
                        id="plan-bank-filter",
                    )
                    bank = PickList(id="bank")  # the questions follow the first frame
                    bank.border_title = "Question bank"
                    yield bank
                yield PickedList(self.picked, self.length_minutes, id="picked")

    @on(Input.Changed, "#plan-bank-filter")
    def _filter_bank(self, event: Input.Changed) -> None:
        self.shown_bank = matching(self.bank, event.value)
        bank = self.query_one(PickList)
        bank.set_options(question_prompt(q) for q in self.shown_bank)
        if self.shown_bank:
            bank.highlighted = 0  # enter then adds the first match

    @on(Input.Submitted, "#plan-bank-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter: to the matches, or, when the bank has none, the words
        typed become a one-off question of this call (the bank is left as it is)."""
        text = single_spaced(event.value)
        if self.shown_bank or not text:
            self.query_one(PickList).focus()
            return
        question = Question(text, group="One-off")
        if self.query_one(PickedList).add(question):
            event.input.value = ""
            self.notify(
                f"Added for this call only (not in the bank): {one_line(text)}", markup=False
            )
        else:
            self.notify(f"Already in the checklist: {one_line(text)}", severity="warning")

    def on_mount(self) -> None:
        self._show_when(self.scheduled_at.replace("T", " "))
        self.fill_in_after_paint(self._fill_lists)

    async def _fill_lists(self) -> None:
        """The bank's questions and the checklist's, drawn (one line each, a hundred
        and more) after the dialog's first frame."""
        with self.app.batch_update():
            await self.mount_later()
            bank = self.query_one(PickList)
            bank.add_options(question_prompt(q) for q in self.shown_bank)
            if self.shown_bank:
                bank.highlighted = 0  # as a list made with its options starts
            self.query_one(PickedList).show_questions()

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)  # the app's (frozen in tests)
        return clock.today() if clock is not None else date.today()

    @on(Input.Changed, "#field-when")
    def _when_changed(self, event: Input.Changed) -> None:
        self._show_when(event.value)

    def _show_when(self, typed: str) -> None:
        """Under the field, the day and time it was read as (``tue`` names a date) and,
        for a contact in another zone, their time: what you typed is yours."""
        resolved = resolve_when(typed, self._today())
        read = self.query_one("#when-read", Label)
        read.update(f"→ {describe_when(resolved)}" if resolved else "")
        read.display = bool(resolved)
        label = self.query_one("#their-time", Label)
        text = ""
        if self.time_zone:
            theirs = ""
            if resolved and "T" in resolved:
                moment = datetime.fromisoformat(resolved)
                theirs = their_clock(moment, self.time_zone, with_day=True)
            text = f"Their time: {theirs}" if theirs else f"They are in {self.time_zone}"
        label.update(text)
        label.display = bool(text)

    @on(OptionList.OptionSelected, "#bank")
    def _add(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self.shown_bank[event.option_index]
        if not self.query_one(PickedList).add(question):
            self.notify(
                f"Already in the checklist: {one_line(question.text)}",
                severity="warning",
                markup=False,
            )

    @on(Select.Changed, "#length")
    def _length_changed(self, event: Select.Changed) -> None:
        picked = self.query_one(PickedList)
        if isinstance(event.value, int):
            picked.length_minutes = event.value
            picked.show_estimate()
            if picked.too_long and picked.is_mounted and event.control.has_focus:
                self.notify(
                    f"{len(picked.questions)} questions run past {event.value} minutes: "
                    f"ctrl+t keeps the first {questions_that_fit(event.value) - 1} and "
                    "the referral question",
                    severity="warning",
                )

    def action_trim_checklist(self) -> None:
        picked = self.query_one(PickedList)
        removed = picked.trim()
        if removed:
            taken = "1 question" if removed == 1 else f"{removed} questions"
            self.notify(f"Took {taken} out; the referral question stays last.")
        else:
            self.notify("The checklist already fits the call.")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        when = self.query_one(FormField)
        if bad := check_all([when]):
            bad.input.focus()
            return
        self.finish(  # saved first when the dialog saves itself (Modal.finish)
            Plan(
                # As read, not as typed: "tue 16:00" is stored as the date it meant.
                scheduled_at=resolve_when(when.value, self._today()) or "",
                medium=Medium(chosen(self.query_one("#medium", Select))),
                length_minutes=int(chosen(self.query_one("#length", Select))),
                questions=tuple(self.query_one(PickedList).questions),
            )
        )
