"""The base of every dialog: its own footer, with only the keys that act in it.

A modal screen is drawn over the screen it was opened from. Without a footer of its
own, the one showing at the bottom is that screen's (``n New  d Draft  a Agenda``),
though none of those keys reach it: Textual stops a modal's key chain at the modal.
Every dialog therefore docks its own footer, which lists the dialog's keys, and binds
``f1`` to help on the dialog's keys (the app's help key does not reach a modal either).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from ...domain.text import one_line, visible
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
        if not self.query(CalmFooter):
            self.mount(CalmFooter())
        self._backdrop_after_first_frame()

    def _backdrop_after_first_frame(self) -> None:
        """The dialog's first frame is drawn on its plain background colour; the screen
        under it, dimmed, follows right after. Drawing that screen (which the push
        restyles: it lost the focus) and tinting every cell of it was a third of the
        time to a dialog's first frame, and the dialog is what the key was for."""
        backdrop = self.styles.background
        if backdrop.a >= 1:
            return  # an opaque dialog (the outcome form): nothing shows through
        self.styles.background = backdrop.with_alpha(1.0)
        self.call_after_refresh(self._backdrop_through)

    def _backdrop_through(self) -> None:
        if self.styles.clear_rule("background"):
            self.refresh()

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


# --- the edit-conflict question ---------------------------------------------------------
# Asked when a save meets a field another window changed differently meanwhile.
#
# Lists each such field with both values (shown literally) and lets the user keep
# theirs or take the other window's; every other change of both windows is kept either
# way (see usecases/revisions.py). `escape` goes back to the form, nothing saved.
# (Here, beside the Modal that asks it: a module of its own imported the Modal it was
# asked from, a cycle.)


def answers(*choices: tuple[str, str, ButtonVariant]) -> Horizontal:
    """A dialog's answers as its row of compact buttons: (id, label naming its key,
    variant) each, in order; the dialog's ``.buttons`` rules place the row."""
    return Horizontal(*answer_buttons(*choices), classes="buttons")


def answer_buttons(*choices: tuple[str, str, ButtonVariant]) -> list[Button]:
    """The buttons of :func:`answers`, for a row filled in later."""
    return [Button(label, variant=variant, id=id, compact=True) for id, label, variant in choices]


KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"


def _shown(value: object, limit: int = 60) -> str:
    text = one_line(str(value if value is not None else ""))
    return visible(text if len(text) <= limit else text[: limit - 1] + "…") or "(empty)"


class EditConflictScreen(Modal[str | None]):
    """m keeps mine, t takes theirs, escape goes back to editing."""

    BINDINGS = [
        Binding("m", "answer('mine')", "Keep mine"),
        Binding("t", "answer('theirs')", "Take theirs"),
        Binding("escape", "answer(None)", "Back to the form"),
    ]
    DEFAULT_CSS = """
    EditConflictScreen > Vertical {
        width: 80; max-width: 100%; height: auto; border: thick $warning;
        background: $panel; padding: 1 2;
    }
    EditConflictScreen .conflict-field { margin-top: 1; }
    EditConflictScreen .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    EditConflictScreen .buttons Button { margin-left: 2; }
    """

    def __init__(self, rows: Sequence[tuple[str, object, object]]) -> None:
        """*rows*: (field label, my value, the other window's value)."""
        super().__init__()
        self.rows = tuple(rows)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Saved in another window meanwhile; both changed these fields. "
                "Everything else from both windows is kept.",
                markup=False,
            )
            for label, mine, theirs in self.rows:
                yield Static(
                    f"{label}\n  mine:   {_shown(mine)}\n  theirs: {_shown(theirs)}",
                    classes="conflict-field",
                    markup=False,
                )
            yield answers(
                (KEEP_MINE, "Keep mine (m)", "primary"), (TAKE_THEIRS, "Take theirs (t)", "default")
            )

    def on_mount(self) -> None:
        self.query_one(f"#{KEEP_MINE}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
