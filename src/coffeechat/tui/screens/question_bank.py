"""The question bank: every question by TIARA group, with add/edit/reorder/delete."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from ...domain.questions import job_words_in, matching
from ...domain.text import one_line
from ...domain.validation import check_required
from ...models_activity import Question
from ...store import Store
from ...usecases.question_bank import (
    add_question,
    delete_question,
    edit_question,
    move_question,
    the_bank,
    toggle_default,
)
from ..commands import bindings
from ..key_order import focus_at_end
from ..widgets.cut_input import EndsInEllipsis
from ..widgets.footer import CalmFooter
from ..widgets.form import FormField
from ..widgets.safe_text import SafeInput
from ..widgets.suggest import FoldedSuggestions
from .confirm import ConfirmScreen
from .form_modal import FormModal
from .modal import Modal


def question_prompt(question: Question) -> Text:
    prompt = Text()
    # ★ the default set; ➤ suggested for the contact's purpose (not in the bank yet).
    mark = "★ " if question.is_default else "➤ " if question.id is None else "  "
    prompt.append(mark, style="yellow")
    prompt.append(f"{one_line(question.group)[:12]:<12} ", style="dim")
    prompt.append(one_line(question.text))
    if question.asks_for_job:
        prompt.append("  ⚠ asks for a job", style="bold red")
    return prompt


class BankList(OptionList):
    HELP_NAME = "Question bank"
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class BankFilter(EndsInEllipsis, SafeInput):
    """Type to narrow the bank (case and accents ignored); enter or down goes to the
    list beside it, escape clears the filter and goes back to the list."""

    HELP_NAME = "Question bank"
    BINDINGS = [
        Binding("down", "to_list", "To the list", show=False),
        Binding("escape", "clear", "Clear filter", show=False),
    ]

    def action_to_list(self) -> None:
        if self.parent is not None:
            focus_at_end(self.parent.query_one(OptionList))

    def action_clear(self) -> None:
        self.value = ""
        self.action_to_list()


class QuestionBankScreen(Modal[None]):
    """Changes are written as they are made; escape closes."""

    BINDINGS = [
        *bindings("questions"),
        Binding("escape", "close", "Close"),
        Binding("slash", "focus_bank_filter", "Filter"),
    ]
    HELP_NAME = "Question bank"
    AUTO_FOCUS = "BankList"
    DEFAULT_CSS = """
    QuestionBankScreen > Vertical {
        width: 110; max-width: 100%; height: 90%; max-height: 100%; padding: 0;
    }
    QuestionBankScreen .bank-hint { color: $text-muted; padding: 0 1; height: 1; }
    QuestionBankScreen BankList { height: 1fr; border: none; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.questions: list[Question] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Question bank"
            yield Static(
                "★ = in the default set a call starts with when none was planned",
                classes="bank-hint",
                markup=False,
            )
            yield BankFilter(
                placeholder="/ filter (case and accents ignored)", compact=True, id="bank-filter"
            )
            yield BankList()
        yield CalmFooter()

    def on_mount(self) -> None:
        self.reload()

    def action_focus_bank_filter(self) -> None:
        focus_at_end(self.query_one(BankFilter))

    @on(Input.Changed, "BankFilter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "BankFilter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.bank.focus()

    @property
    def bank(self) -> BankList:
        return self.query_one(BankList)

    def reload(self, keep_id: int | None = None) -> None:
        every = the_bank(self.store)
        self.questions = matching(every, self.query_one(BankFilter).value)  # those shown
        index = self.bank.highlighted or 0
        self.bank.set_options(question_prompt(q) for q in self.questions)
        if keep_id is not None:
            index = next((i for i, q in enumerate(self.questions) if q.id == keep_id), index)
        if self.questions:
            self.bank.highlighted = max(0, min(index, len(self.questions) - 1))
        shown = len(self.questions)
        count = f"{shown}/{len(every)}" if shown != len(every) else str(shown)
        self.query_one(Vertical).border_title = f"Question bank ({count})"

    @property
    def current(self) -> Question | None:
        index = self.bank.highlighted
        return self.questions[index] if index is not None and self.questions else None

    def action_close(self) -> None:
        self.dismiss(None)

    def action_new_question(self) -> None:
        group = self.current.group if self.current else "Insights"

        def done(result: tuple[str, str] | None) -> None:
            if result:
                added = add_question(self.store, result[0], result[1])
                self.reload(keep_id=added.id)

        self.app.push_screen(QuestionForm(None, group, self.store.questions.groups()), done)

    @on(OptionList.OptionSelected)
    def action_edit_question(self) -> None:
        question = self.current
        if question is None or question.id is None:
            return
        question_id = question.id

        def done(result: tuple[str, str] | None) -> None:
            if result:
                edit_question(self.store, question_id, result[0], result[1])
                self.reload(keep_id=question_id)

        form = QuestionForm(question.text, question.group, self.store.questions.groups())
        self.app.push_screen(form, done)

    def action_delete_question(self) -> None:
        question = self.current
        if question is None or question.id is None:
            return
        question_id = question.id

        def answered(yes: bool | None) -> None:
            if yes:
                delete_question(self.store, question_id)
                self.reload()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete “{one_line(question.text)}” from the bank?", confirm_label="Delete"
            ),
            answered,
        )

    def _move(self, delta: int) -> None:
        question = self.current
        if question is not None and question.id is not None:
            move_question(self.store, question.id, delta)
            self.reload(keep_id=question.id)

    def action_move_question_up(self) -> None:
        self._move(-1)

    def action_move_question_down(self) -> None:
        self._move(1)

    def action_toggle_default(self) -> None:
        question = self.current
        if question is not None and question.id is not None:
            toggle_default(self.store, question.id)
            self.reload(keep_id=question.id)


class QuestionForm(FormModal[tuple[str, str]]):
    """Text and group of one question; warns while you type if it asks for a job."""

    AUTO_FOCUS = "#field-text"
    DEFAULT_CSS = """
    QuestionForm > .form-frame { width: 90; }
    QuestionForm #job-warning { color: $error; height: auto; padding-left: 16; }
    """

    def __init__(self, text: str | None, group: str, groups: list[str]) -> None:
        super().__init__()
        self.original = text
        self.group = group
        self.groups = groups
        self.title_text = "Edit question" if text is not None else "New question"

    def compose_fields(self) -> ComposeResult:
        yield FormField(
            "Question *",
            name="text",
            value=self.original or "",
            checks=[lambda value: check_required(value, "The question")],
        )
        yield Static("", id="job-warning", markup=False)
        yield FormField(
            "Group *",
            name="group",
            value=self.group,
            checks=[lambda value: check_required(value, "The group")],
            suggester=FoldedSuggestions(self.groups),
            placeholder="Trends, Insights, Advice, Resources, Assignments or your own",
            suggested=self.original is None,  # the group in view: a new question's guess
        )

    def on_mount(self) -> None:
        self._warn(self.original or "")

    @on(Input.Changed, "#field-text")
    def _text_changed(self, event: Input.Changed) -> None:
        self._warn(event.value)

    def _warn(self, text: str) -> None:
        words = job_words_in(text)
        warning = ""
        if words:
            quoted = ", ".join(f"“{w}”" for w in dict.fromkeys(words))
            warning = f"⚠ {quoted}: this asks for a job. Ask about their work instead."
        self.query_one("#job-warning", Static).update(warning)

    def result(self, fields: dict[str, FormField]) -> tuple[str, str]:
        return (fields["text"].value.strip(), fields["group"].value.strip())
