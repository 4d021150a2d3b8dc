"""New / edit contact: a validated modal form that returns a Contact (or None)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import Suggester
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
from ..workers import background
from .form_modal import FormModal

if TYPE_CHECKING:
    from ...store import Store

HOW_FOUND = ("alumni list", "article", "conference", "referral", "LinkedIn", "colleague")


class ContactNames:
    """Every contact's name for the "Referred by" field: looked up and suggested as
    typed, case and accents ignored."""

    def __init__(self, ids_by_name: Mapping[str, int]) -> None:
        self.ids = {name.casefold(): id_ for name, id_ in ids_by_name.items()}
        self.folded_ids = {folded(name): id_ for name, id_ in ids_by_name.items()}
        # In list order; folded here, where the names are read: in the thread of LateNames.
        self.suggester = FoldedSuggestions(list(ids_by_name)).prepare()

    def find(self, name: str) -> int | None:
        """The contact called *name*: as written first (José and Jose may both exist),
        else with case and accents ignored (``nunez-garcia`` is Núñez-García)."""
        found = self.ids.get(name.casefold())
        return found if found is not None else self.folded_ids.get(folded(name))


NameReader = Callable[[], Mapping[str, int]]
"""Reads every contact's name and id (from a worker thread: its own connection)."""


def names_in(store: Store) -> NameReader:
    """The reader every screen hands the form, so "Referred by" knows every contact
    wherever the form is opened from."""

    def read() -> dict[str, int]:
        with store.reading() as own:
            return own.contacts.ids_by_name()

    return read


class LateNames:
    """:class:`ContactNames` built in a thread once the form is on screen.

    At 30,000 contacts reading and folding every name takes about 80 ms (ten times
    that at 300,000); the form no longer waits for it to appear. A suggestion waits
    for the names without blocking; a lookup (a check, a save) before they are ready
    waits for the thread, or builds them itself if no thread has started yet."""

    def __init__(self, read: NameReader) -> None:
        self.read = read
        self._built: Future[ContactNames] = Future()
        self._claim = threading.Lock()
        self._claimed = False
        self.suggester = _LateSuggestions(self)

    def build(self) -> None:
        """Read and prepare the names, unless that is done or under way. A failure
        leaves no names (and is raised, for the worker to report)."""
        with self._claim:
            if self._claimed:
                return
            self._claimed = True
        try:
            self._built.set_result(ContactNames(self.read()))
        except BaseException:
            self._built.set_result(ContactNames({}))
            raise

    def now(self) -> ContactNames:
        if not self._claimed:
            with contextlib.suppress(Exception):  # no names: "No contact called …"
                self.build()
        return self._built.result()

    async def ready(self) -> ContactNames:
        return await asyncio.wrap_future(self._built)

    def find(self, name: str) -> int | None:
        return self.now().find(name)


class _LateSuggestions(Suggester):
    def __init__(self, names: LateNames) -> None:
        super().__init__(use_cache=True, case_sensitive=True)  # folded by the names
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        names = await self._names.ready()
        return await names.suggester.get_suggestion(value)


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
        contact_names: Mapping[str, int] | ContactNames | NameReader | None = None,
        referred_by_name: str = "",
    ) -> None:
        super().__init__()
        self.original = contact
        self._organizations = list(organizations)
        # Display name -> id; looked up case-insensitively to link "Referred by".
        # A reader is called in a thread once the form is on screen (LateNames).
        names: ContactNames | LateNames
        if isinstance(contact_names, ContactNames):
            names = contact_names
        elif callable(contact_names):
            names = LateNames(contact_names)
        else:
            names = ContactNames(contact_names or {})
        self._names = names
        self._referrer_suggester = names.suggester
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
            with Horizontal(classes="status-row") as status_row:
                yield Label("Status")
            status = Select(
                [(str(status), status) for status in PIPELINE],
                value=c.status,
                allow_blank=False,
                compact=True,
                id="status",
            )
            self.later(status_row, status)  # after the first frame, as the inputs
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
                suggester=FoldedSuggestions(zone_names),
                placeholder="Europe/Berlin, America/New_York… (empty: same as mine)",
            )
            yield FormField(
                "Greeting",
                name="greeting",
                value=c.greeting,
                placeholder="how letters address them, e.g. Dr. Aas (empty: given name)",
            )
            yield FormField(
                "Keep in touch",
                name="keep_in_touch_days",
                value="" if c.keep_in_touch_days is None else str(c.keep_in_touch_days),
                checks=[check_interval],
                placeholder="every N days (empty: by status and tags)",
            )

    def on_mount(self) -> None:
        if isinstance(self._names, LateNames):
            self.call_after_refresh(self._build_names, self._names)

    @background(thread=True)
    def _build_names(self, names: LateNames) -> None:
        names.build()

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
