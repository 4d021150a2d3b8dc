"""The Profile pane: every field of the highlighted contact, shown literally."""

from __future__ import annotations

from datetime import datetime

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...domain.text import visible
from ...domain.timezones import their_clock
from ...models import Contact


class ProfileView(Static):
    DEFAULT_CSS = """
    /* A fixed height: updating the profile then needs no layout pass. */
    ProfileView { padding: 0 1; height: 1fr; }
    """

    def show(
        self,
        contact: Contact | None,
        referred_by: str = "",
        now: datetime | None = None,
        last_in_touch: str = "",
    ) -> None:
        if contact is None:
            self.update(Text("No contact highlighted.", style="italic"), layout=False)
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        # Text(...) never interprets markup; visible() defuses control characters.
        heading = Text(visible(contact.name), style="bold")
        if contact.archived:
            heading.append("  (archived)", style="italic")
        table.add_row(Text("Name"), heading)
        fields = (
            ("Title", contact.title),
            ("Organization", contact.organization),
            ("Email", contact.email),
            ("Phone", contact.phone),
            ("Profile URL", contact.url),
            ("Status", str(contact.status)),
            ("Next action", _next_action(contact)),
            ("How found", contact.how_found),
            ("Referred by", referred_by),
            ("Purpose", contact.purpose),
            ("Tags", contact.tags),
            ("Connected on", contact.connected_on),
            ("Time zone", _zone(contact, now or datetime.now())),
            ("Last in touch", last_in_touch),
            ("Keep in touch", _interval(contact)),
        )
        for label, value in fields:
            if value:
                table.add_row(Text(label), Text(visible(value)))
        self.update(table, layout=False)


def _zone(contact: Contact, now: datetime) -> str:
    if not contact.time_zone:
        return ""
    clock = their_clock(now, contact.time_zone, with_day=True)
    return f"{contact.time_zone} (now {clock})" if clock else contact.time_zone


def _interval(contact: Contact) -> str:
    days = contact.keep_in_touch_days
    return f"every {days} days" if days else ""


def _next_action(contact: Contact) -> str:
    parts = [part for part in (contact.next_action_date, contact.next_action) if part]
    return " — ".join(parts)
