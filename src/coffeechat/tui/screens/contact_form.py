"""New / edit contact: a validated modal form that returns a Contact (or None)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Select

from ...domain import validation as v
from ...domain.agenda import check_day, resolve_new_date, weekend_warning
from ...domain.pipeline import check_interval
from ...domain.purposes import PURPOSES
from ...domain.text import folded
from ...domain.timezones import check_time_zone, zone_names
from ...models import PIPELINE, Contact, Status
from ..widgets.form import FormField, chosen
from ..widgets.suggest import FoldedSuggestions
from .form_modal import FormModal

HOW_FOUND = ("alumni list", "article", "conference", "referral", "LinkedIn", "colleague")


class ContactNames:
    """Every contact's name for the "Referred by" field: looked up and suggested as
    typed, case and accents ignored. At 30,000 contacts building this takes tens of
    milliseconds, so the main screen builds it in a thread before opening the form."""

    def __init__(self, ids_by_name: Mapping[str, int]) -> None:
        self.ids = {name.casefold(): id_ for name, id_ in ids_by_name.items()}
        self.folded_ids = {folded(name): id_ for name, id_ in ids_by_name.items()}
        shown = sorted(ids_by_name, key=str.casefold)
        self.suggester = FoldedSuggestions(shown)

    def find(self, name: str) -> int | None:
        """The contact called *name*: as written first (José and Jose may both exist),
        else with case and accents ignored (``nunez-garcia`` is Núñez-García)."""
        found = self.ids.get(name.casefold())
        return found if found is not None else self.folded_ids.get(folded(name))


class ContactForm(FormModal[Contact]):
    """New or edit contact: every field validated where it is typed."""

    AUTO_FOCUS = "#field-name"
    DEFAULT_CSS = """
    ContactForm > .form-frame { width: 90; }
    ContactForm VerticalScroll { height: auto; max-height: 1fr; }
    ContactForm .status-row { height: 1; }
    ContactForm .status-row Label { width: 16; color: $text-muted; }
    ContactForm Select { width: 1fr; }
    """

    def __init__(
        self,
        contact: Contact | None = None,
        *,
        organizations: Sequence[str] = (),
        contact_names: Mapping[str, int] | ContactNames | None = None,
        referred_by_name: str = "",
    ) -> None:
        super().__init__()
        self.original = contact
        self._organizations = list(organizations)
        # Display name -> id; looked up case-insensitively to link "Referred by".
        if not isinstance(contact_names, ContactNames):
            contact_names = ContactNames(contact_names or {})
        self._names = contact_names
        self._referrer_suggester = contact_names.suggester
        self._referred_by_name = referred_by_name
        self.title_text = "Edit contact" if contact else "New contact"

    def compose_fields(self) -> ComposeResult:
        c = self.original or Contact(name="")
        with VerticalScroll():
            yield FormField("Name *", name="name", value=c.name, checks=[v.check_name])
            yield FormField("Title", name="title", value=c.title)
            yield FormField(
                "Organization",
                name="organization",
                value=c.organization,
                suggester=FoldedSuggestions(self._organizations),
            )
            yield FormField(
                "Email",
                name="email",
                value=c.email,
                checks=[v.check_email],
                placeholder="name@example.org",
            )
            yield FormField("Phone", name="phone", value=c.phone, checks=[v.check_phone])
            yield FormField(
                "Profile URL",
                name="url",
                value=c.url,
                checks=[v.check_url],
                placeholder="https://…",
            )
            yield FormField(
                "How found",
                name="how_found",
                value=c.how_found,
                suggester=FoldedSuggestions(HOW_FOUND),
                placeholder="alumni list, article, conference, referral…",
            )
            yield FormField(
                "Referred by",
                name="referred_by",
                value=self._referred_by_name,
                checks=[self._check_referrer],
                suggester=self._referrer_suggester,
                placeholder="name of another contact",
            )
            yield FormField(
                "Purpose",
                name="purpose",
                value=c.purpose,
                suggester=FoldedSuggestions(PURPOSES),
                placeholder="networking, career away from the bench…",
            )
            with Horizontal(classes="status-row"):
                yield Label("Status")
                yield Select(
                    [(str(status), status) for status in PIPELINE],
                    value=c.status,
                    allow_blank=False,
                    compact=True,
                    id="status",
                )
            yield FormField("Next action", name="next_action", value=c.next_action)
            yield FormField(
                "Next date",
                name="next_action_date",
                value=c.next_action_date,
                checks=[lambda value: check_day(value, self._today())],
                placeholder="YYYY-MM-DD, +N, tomorrow, fri…",
            )
            yield FormField("Tags", name="tags", value=c.tags, placeholder="comma separated")
            yield FormField(
                "Time zone",
                name="time_zone",
                value=c.time_zone,
                checks=[check_time_zone],
                suggester=FoldedSuggestions(zone_names()),
                placeholder="Europe/Berlin, America/New_York… (empty: same as mine)",
            )
            yield FormField(
                "Keep in touch",
                name="keep_in_touch_days",
                value="" if c.keep_in_touch_days is None else str(c.keep_in_touch_days),
                checks=[check_interval],
                placeholder="every N days (empty: by status and tags)",
            )

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)  # the app's (frozen in tests)
        return clock.today() if clock is not None else date.today()

    def _check_referrer(self, value: str) -> str | None:
        value = value.strip()
        if value and self._names.find(value) is None:
            return f"No contact called “{value}”: add them first or leave this empty"
        return None

    def result(self, fields: dict[str, FormField]) -> Contact | None:
        # Field names are Contact's text fields (replace() cannot check a dict's keys).
        values: dict[str, Any] = {name: field.value.strip() for name, field in fields.items()}
        referrer = values.pop("referred_by")
        interval = values.pop("keep_in_touch_days")
        typed_day = values["next_action_date"]
        values["next_action_date"] = resolve_new_date(typed_day, self._today()) or ""
        if warning := weekend_warning(values["next_action_date"]):
            self.notify(warning, severity="warning")
        values["url"] = v.normalize_url(values["url"])
        base = self.original or Contact(name="")
        contact = replace(
            base,
            **values,
            referred_by=self._names.find(referrer) if referrer else None,
            keep_in_touch_days=int(interval) if interval else None,
            status=Status(chosen(self.query_one("#status", Select))),
        )
        if contact.referred_by is not None and contact.referred_by == base.id:
            fields["referred_by"].show_error("A contact cannot be referred by themselves")
            return None
        return contact
