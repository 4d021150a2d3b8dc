"""Form building blocks: a labelled input that shows *why* its value is refused, and a
checkbox that takes ``enter`` like the inputs around it.

Textual's validators only toggle an ``-invalid`` class; :class:`FormField` puts the
reason on the line under the input, so the user sees what to change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from .safe_text import SafeInput

Check = Callable[[str], str | None]

T = TypeVar("T")


def chosen(select: Select[T]) -> T:
    """The value of a Select known to have one (``allow_blank=False``, or checked first)."""
    value = select.selection
    if value is None:
        raise ValueError(f"nothing chosen in {select.id}")
    return value


class CheckValidator(Validator):
    """Adapts a domain check (``value -> reason | None``) to a Textual validator."""

    def __init__(self, check: Check) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        reason = self.check(value)
        return self.success() if reason is None else self.failure(reason)


class FormField(Widget):
    """A label, an input and, once there is an error, the line saying why.

    Two widgets, not five: the label is drawn by the field itself, beside the input,
    and the error line is created the first time there is an error. A form of sixteen
    fields opens with a third of the widgets to style, lay out and draw."""

    DEFAULT_CSS = """
    FormField { height: auto; layout: vertical; color: $text-muted; }
    FormField Input { background: $boost; width: 1fr; margin-left: 16; }
    FormField Input:focus { background: $accent 25%; }
    FormField Input.-invalid { background: $error 25%; }
    FormField .form-error { color: $error; padding-left: 16; display: none; height: auto; }
    FormField.-has-error .form-error { display: block; }
    """

    LABEL_WIDTH = 16
    """Cells the label takes left of the input (the input's left margin)."""

    def __init__(
        self,
        label: str,
        *,
        name: str,
        value: str = "",
        checks: Iterable[Check] = (),
        placeholder: str = "",
        suggester: Suggester | None = None,
        max_length: int = 0,
        suggested: bool = False,
    ) -> None:
        """*suggested*: *value* is the app's suggestion, replaced by what is typed."""
        super().__init__(classes="form-field")
        self._suggested = suggested
        self.label = label
        self.field_name = name
        self._value = value
        self._checks = list(checks)
        self._placeholder = placeholder
        self._suggester = suggester
        self._max_length = max_length
        self._label_text = Text(label, no_wrap=True, overflow="crop", end="")
        self._label_text.truncate(self.LABEL_WIDTH - 1)
        self._input: Input | None = None
        self._input_later = False

    def input_later(self) -> None:
        """Compose without the input: :meth:`fill_in` mounts it (after the form's first
        frame). The label is drawn at once, on the line the input will take."""
        self._input_later = True

    def compose(self) -> ComposeResult:
        if not self._input_later:
            yield self.input

    async def fill_in(self) -> None:
        """Mount the input held back by :meth:`input_later` (nothing if it is there)."""
        if self._input_later:
            self._input_later = False
            await self.mount(self.input)

    def render(self) -> Text:
        # Drawn under the input's left margin, on the field's first line.
        return self._label_text

    @property
    def input(self) -> Input:
        """The field's input (built on first use; mounted by compose or fill_in)."""
        if self._input is None:
            self._input = SafeInput(
                self._value,
                placeholder=self._placeholder,
                validators=[CheckValidator(check) for check in self._checks],
                validate_on=["blur", "submitted"],
                suggester=self._suggester,
                max_length=self._max_length,
                suggested=self._suggested,
                compact=True,
                id=f"field-{self.field_name}",
            )
        return self._input

    @property
    def value(self) -> str:
        return self.input.value

    def show_error(self, reason: str | None) -> None:
        shown = f"↳ {reason}" if reason else ""
        lines = self.query(".form-error").results(Static)
        if line := next(lines, None):
            line.update(shown)
        elif reason:
            self.mount(Static(shown, classes="form-error", markup=False))
        self.set_class(bool(reason), "-has-error")
        self.input.set_class(bool(reason), "-invalid")

    def check(self) -> str | None:
        """Validate now and show the result; return the reason or None."""
        for check in self._checks:
            if reason := check(self.value):
                self.show_error(reason)
                return reason
        self.show_error(None)
        return None

    @on(Input.Blurred)
    def _check_when_left(self) -> None:
        self.check()

    @on(Input.Changed)
    def _recheck_when_fixed(self) -> None:
        # Once an error is showing, clear it as soon as the value is fixed.
        if self.has_class("-has-error"):
            self.check()


class FormCheckbox(Checkbox):
    """A checkbox in a form: space ticks it, enter saves the form (as from any field).

    Checkbox takes enter as a toggle too; in a form that turned "save" typed on the
    last field into a silent change of the answer. Unticked, the box is empty:
    Checkbox draws its X either way, only dimmer, which reads as ticked.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Save", show=False),
        Binding("space", "toggle_button", "Tick / untick"),
    ]
    BUTTON_INNER = " "

    class Submitted(Message):
        """Enter was pressed on the checkbox: the form saves."""

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "✓" if self.value else " "

    def action_submit(self) -> None:
        self.post_message(self.Submitted())


def check_all(fields: Iterable[FormField]) -> FormField | None:
    """Validate every field; return the first invalid one (to focus it) or None."""
    first_bad = None
    for field in fields:
        if field.check() and first_bad is None:
            first_bad = field
    return first_bad
