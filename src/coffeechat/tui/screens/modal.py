"""The base of every dialog: its own footer, with only the keys that act in it.

A modal screen is drawn over the screen it was opened from. Without a footer of its
own, the one showing at the bottom is that screen's (``n New  d Draft  a Agenda``),
though none of those keys reach it: Textual stops a modal's key chain at the modal.
Every dialog therefore docks its own footer, which lists the dialog's keys, and binds
``f1`` to help on the dialog's keys (the app's help key does not reach a modal either).
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer

from ..commands import BY_ACTION
from ..widgets.footer import CalmFooter

ResultType = TypeVar("ResultType")

_HELP = BY_ACTION["help"]


class Modal(ModalScreen[ResultType]):
    BINDINGS = [
        Binding(
            _HELP.key,
            "help",
            _HELP.footer_title or _HELP.title,
            id=_HELP.action,  # a keymap that rebinds help rebinds it in dialogs too
            tooltip=_HELP.help,
        )
    ]
    HELP_NAME = "Dialog"
    """The name the help screen gives this dialog's keys."""
    # The frame every dialog shares; a dialog's own rules (width, a warning border,
    # more padding) win over these.
    DEFAULT_CSS = """
    Modal { align: center middle; }
    Modal > Vertical { border: thick $primary; background: $panel; padding: 0 1; }
    """

    def on_mount(self) -> None:
        # Dispatched on every class that defines on_mount, so subclasses keep theirs.
        if not self.query(Footer):
            self.mount(CalmFooter())

    async def action_help(self) -> None:
        await self.app.run_action("app.help")
