"""The base of every dialog: its own footer, with only the keys that act in it.

A modal screen is drawn over the screen it was opened from. Without a footer of its
own, the one showing at the bottom is that screen's (``n New  d Draft  a Agenda``),
though none of those keys reach it: Textual stops a modal's key chain at the modal.
Every dialog therefore docks its own footer, which lists the dialog's keys, and binds
``f1`` to help on the dialog's keys (the app's help key does not reach a modal either).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer

from ..commands import BY_ACTION
from ..widgets.footer import CalmFooter

ResultType = TypeVar("ResultType")
Value = TypeVar("Value")


class Saving(Generic[Value]):
    """How a dialog saves what it edits: *save(value, base)* writes *value* edited
    from *base* (the record as the dialog loaded it) and returns what the dialog is
    dismissed with; *labels* name the fields for the question asked on a conflict."""

    def __init__(
        self,
        save: Callable[[Value, Value | None], Any],
        base: Value | None,
        labels: dict[str, str] | None = None,
    ) -> None:
        self.save = save
        self.base = base
        self.labels = labels or {}


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

    saving: Saving[Any] | None = None
    """Set by :meth:`saves_with`: the dialog saves itself before it closes."""

    def on_mount(self) -> None:
        # Dispatched on every class that defines on_mount, so subclasses keep theirs.
        if not self.query(Footer):
            self.mount(CalmFooter())

    def saves_with(self, saving: Saving[Any]):
        """Save through *saving* (against the revision it holds) before closing."""
        self.saving = saving
        return self

    def finish(self, value: Any) -> None:
        """Close with *value*, saved first when the dialog saves itself.

        One rule for every form: the save is made against the record as the form
        loaded it (usecases/revisions.py). Changes another window made meanwhile are
        merged in; a field both changed differently is asked about, never decided
        silently; a save that could not be written (a full disk, a lock held too long)
        leaves the form open with everything typed in it.
        """
        from ...store import NotWritten
        from ...usecases.revisions import EditConflict
        from ..saving import not_saved

        saving = self.saving
        if saving is None or value is None:
            self.dismiss(value)
            return
        try:
            result = saving.save(value, saving.base)
        except NotWritten as error:
            self.notify(not_saved(error), severity="error", timeout=10)
            return
        except EditConflict as conflict:
            self._ask_about(conflict, saving)
            return
        self.dismiss(result)

    def _ask_about(self, conflict: Any, saving: Saving[Any]) -> None:
        from .edit_conflict import TAKE_THEIRS, EditConflictScreen

        merged, current = conflict.merged, conflict.current
        rows = [
            (
                saving.labels.get(name, name.replace("_", " ").capitalize()),
                getattr(merged, name),
                getattr(current, name),
            )
            for name in conflict.fields
        ]

        def answered(answer: str | None) -> None:
            if answer is None:
                return  # back to the form, nothing saved
            value = merged
            if answer == TAKE_THEIRS:
                theirs = {name: getattr(current, name) for name in conflict.fields}
                value = dataclasses.replace(merged, **theirs)
            saving.base = current  # decided: save against what is stored now
            self.finish(value)

        self.app.push_screen(EditConflictScreen(rows), answered)

    async def action_help(self) -> None:
        await self.app.run_action("app.help")
