"""The shape every validated modal form shares.

A bordered box with a title line, the fields, and Save / Cancel. `enter` in any field
(a :class:`FormCheckbox` too) or `ctrl+s` saves, `escape` cancels. Saving validates
every :class:`FormField`, shows each reason under its field and focuses the first one
to fix; only a valid form reaches :meth:`FormModal.result`, whose value the screen is
dismissed with (saved first, against the revision the form loaded, when the form was
given a saver: see ``Modal.finish``).
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from ..fill_in import FillsIn
from ..widgets.form import FormCheckbox, FormField, check_all
from .modal import Modal, answer_buttons

ResultType = TypeVar("ResultType")


class FormModal(Modal[ResultType | None], FillsIn, Generic[ResultType]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    DEFAULT_CSS = """
    FormModal > .form-frame {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
    }
    FormModal .form-title { text-style: bold; width: 1fr; margin-bottom: 1; }
    FormModal .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    FormModal .buttons Button { margin-left: 2; }
    """

    title_text = "Form"
    """Shown at the top, followed by the keys that save and cancel."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-frame"):
            yield Label(
                f"{self.title_text}  ·  enter or ctrl+s saves · escape cancels",
                classes="form-title",
                markup=False,
            )
            yield from self._first_input_only(self.compose_fields())
            # The row is drawn (its height kept) with the labels; its buttons follow.
            row = Horizontal(classes="buttons")
            self.later(
                row, *answer_buttons(("save", "Save", "primary"), ("cancel", "Cancel", "default"))
            )
            yield row

    def _first_input_only(self, widgets: ComposeResult) -> ComposeResult:
        """The fields as composed, every label drawn in the first frame but only one
        input: the one focused first (``AUTO_FOCUS``, else the first field's), where
        typing goes at once. The other inputs are mounted right after that frame (see
        tui/fill_in.py)."""
        focused = self.AUTO_FOCUS or ""
        by_id = focused.startswith("#field-")
        held: list[FormField] = []
        kept = False
        for widget in widgets:
            if isinstance(widget, FormField):
                first = f"#field-{widget.field_name}" == focused if by_id else not kept
                if first and not kept:
                    kept = True
                else:
                    widget.input_later()
                    held.append(widget)
            yield widget
        self._held_inputs = held

    _held_inputs: list[FormField] = []  # replaced per form, never mutated

    def on_mount(self) -> None:
        if self._held_inputs or self._later:
            self.fill_in_after_paint(self._mount_held_inputs)

    async def _mount_held_inputs(self) -> None:
        with self.app.batch_update():
            for field in self._held_inputs:
                await field.fill_in()
            await self.mount_later()

    def compose_fields(self) -> ComposeResult:
        """The form's fields (FormField and any other widgets)."""
        raise NotImplementedError

    def result(self, fields: dict[str, FormField]) -> ResultType | None:
        """Build the value to return from valid fields; None keeps the form open (after
        showing why with ``FormField.show_error``)."""
        raise NotImplementedError

    def fields(self) -> dict[str, FormField]:
        return {field.field_name: field for field in self.query(FormField)}

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(FormCheckbox.Submitted)
    def _checkbox_submitted(self, event: FormCheckbox.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        fields = self.fields()
        if bad := check_all(fields.values()):
            bad.input.focus()
            self.notify(
                f"{bad.label.rstrip(' *')}: fix the field marked in red",
                severity="warning",
                markup=False,
            )
            return
        value = self.result(fields)
        if value is not None:
            self.finish(value)
