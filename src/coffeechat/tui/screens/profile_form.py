"""My profile: the user's own name, background, email and phone for letters."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message

from ...domain import validation as v
from ...models_activity import Profile
from ..widgets.form import FormField
from .form_modal import FormModal


class ProfileSaved(Message):
    """Sent to every open screen once the profile is saved: an open letter fills the
    blanks the profile now has values for."""


class ProfileForm(FormModal[Profile]):
    AUTO_FOCUS = "#field-name"
    title_text = "My profile (used in letters)"

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def compose_fields(self) -> ComposeResult:
        p = self.profile
        yield FormField("Name", name="name", value=p.name)
        yield FormField(
            "Background",
            name="background",
            value=p.background,
            placeholder="a postdoc in cell biology moving toward translational research",
        )
        yield FormField("Email", name="email", value=p.email, checks=[v.check_email])
        yield FormField("Phone", name="phone", value=p.phone, checks=[v.check_phone])

    def result(self, fields: dict[str, FormField]) -> Profile:
        return Profile(**{name: field.value.strip() for name, field in fields.items()})
