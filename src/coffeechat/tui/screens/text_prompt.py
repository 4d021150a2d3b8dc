"""A one-line text prompt, checked as it is saved (the main screen's settings and notes)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult

from ..widgets.form import FormField
from .form_modal import FormModal


class TextPrompt(FormModal[str]):
    """One line of text, checked as it is saved."""

    AUTO_FOCUS = "#field-value"

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        *,
        check: Callable[[str], str | None] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self._label = label
        self._value = value
        self._checks = [check] if check else []
        self._placeholder = placeholder

    def compose_fields(self) -> ComposeResult:
        yield FormField(
            self._label,
            name="value",
            value=self._value,
            checks=self._checks,
            placeholder=self._placeholder,
        )

    def result(self, fields: dict[str, FormField]) -> str:
        return fields["value"].value.strip()


def error_of(parse: Callable[[str], object]) -> Callable[[str], str | None]:
    """A field check that shows the error *parse* raises for a value, if any."""

    def check(value: str) -> str | None:
        try:
            parse(value)
        except ValueError as error:
            return str(error)
        return None

    return check
