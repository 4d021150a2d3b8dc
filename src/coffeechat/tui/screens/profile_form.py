"""My profile: the user's own name, background, email and phone for letters."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ...domain import validation as v
from ..widgets.form import FormField, check_all


class ProfileForm(ModalScreen[dict[str, str] | None]):
    AUTO_FOCUS = "#field-name"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    DEFAULT_CSS = """
    ProfileForm { align: center middle; }
    ProfileForm > Vertical {
        width: 80; max-width: 100%; height: auto; border: thick $primary;
        background: $panel; padding: 0 1;
    }
    ProfileForm .form-title { text-style: bold; margin-bottom: 1; }
    ProfileForm .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    """

    def __init__(self, profile: dict[str, str]) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        p = self.profile
        with Vertical():
            yield Label("My profile  ·  used in letters · enter saves", classes="form-title")
            yield FormField("Name", name="name", value=p.get("name", ""))
            yield FormField(
                "Background",
                name="background",
                value=p.get("background", ""),
                placeholder="a postdoc in cell biology moving toward translational research",
            )
            yield FormField("Email", name="email", value=p.get("email", ""), checks=[v.check_email])
            yield FormField("Phone", name="phone", value=p.get("phone", ""), checks=[v.check_phone])
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        fields = list(self.query(FormField))
        if bad := check_all(fields):
            bad.input.focus()
            return
        self.dismiss({field.field_name: field.value.strip() for field in fields})

    def action_cancel(self) -> None:
        self.dismiss(None)
