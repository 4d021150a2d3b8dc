"""A yes/no question in a modal: `y` / enter confirms, `n` / escape declines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from ...domain.text import visible
from .modal import Modal, answers


class ConfirmScreen(Modal[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: thick $error; background: $panel;
        padding: 1 2;
    }
    ConfirmScreen .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    """

    def __init__(self, question: str, *, confirm_label: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical():
            # The question may quote a contact's name or a note: shown literally, with
            # control characters as symbols, never as markup or terminal sequences.
            yield Static(visible(self.question), markup=False)
            yield answers(
                ("yes", f"{self.confirm_label} (y)", "error"), ("no", "No (n)", "default")
            )

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
