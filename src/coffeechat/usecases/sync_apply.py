"""Changes made elsewhere, taken into the database: what the three-way merge says came in.

:func:`take_in` applies one item's incoming fields in one transaction and returns one
line per change, for the report and the Sync view. Values were validated when the item
was read (dates in range, times parseable); a field coffeechat keeps only as text (a
note written on the phone, a call's location) becomes a line in the contact's
research note, where the user sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from ..interop.records import ImportedContact
from ..interop.vdir import UTC_FORMAT
from ..store import Store
from .followups import complete_followup, reopen_followup
from .importing import import_contacts
from .steps import settle

_CONTACT_COLUMNS = ("name", "email", "phone", "organization", "title", "url")


def note_line(store: Store, contact_id: int, line: str) -> None:
    """Add *line* to the contact's research note (once: a line already there is not
    added again), where the contact's details show it."""
    current = store.notes.research(contact_id)
    if line in current:
        return
    store.notes.save_research(contact_id, f"{current.rstrip()}\n\n{line}" if current else line)


def _local(stamp: str, now: datetime) -> datetime:
    """An iCalendar UTC time as the naive local time the database keeps."""
    if stamp in ("", "yes"):
        return now
    moment = datetime.strptime(stamp, UTC_FORMAT).replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


def take_in(
    store: Store, kind: str, row_id: int, incoming: dict[str, str], now: datetime
) -> list[str]:
    """*incoming* (the fields the merge says came in) written to the row ``kind:row_id``
    in one transaction; one line per change."""
    with store.database.transaction():
        return _TAKE_IN[kind](store, row_id, incoming, now)


def _contact(store: Store, contact_id: int, incoming: dict[str, str], _now: datetime) -> list[str]:
    contact = store.contacts.get(contact_id)
    if contact is None:
        return []
    lines: list[str] = []
    # A name cannot be emptied; any other field emptied elsewhere is emptied here.
    changes = {k: v for k, v in incoming.items() if k in _CONTACT_COLUMNS and (v or k != "name")}
    if changes:
        store.contacts.with_changes(contact_id, **changes)
        for name, value in changes.items():
            label = name.replace("_", " ")
            lines.append(f"{contact.name}: {label} " + (f"“{value}”" if value else "cleared"))
    note = incoming.get("note", "").strip()
    if note:
        note_line(store, contact_id, f"From your address book: {note}")
        lines.append(f"{contact.name}: note from your address book")
    return lines


def _followup(store: Store, followup_id: int, incoming: dict[str, str], now: datetime) -> list[str]:
    followup = store.followups.get(followup_id)
    if followup is None:
        return []
    title = followup.title or followup.kind.replace("_", " ")
    lines: list[str] = []
    due = incoming.get("due", "")
    if due and due != followup.due_date[:10]:
        store.database.conn.execute(
            "UPDATE followups SET due_date = ? WHERE id = ?", (due, followup_id)
        )
        settle(store, followup.contact_id, now.date())
        lines.append(f"{title}: due {due}")
    if "done" in incoming:
        if incoming["done"] and followup.state != "done":
            complete_followup(store, followup_id, _local(incoming["done"], now))
            lines.append(f"done: {title}")
        elif not incoming["done"] and followup.state == "done":
            reopen_followup(store, followup_id, now.date())
            lines.append(f"reopened: {title}")
    return lines


def _call(store: Store, interview_id: int, incoming: dict[str, str], now: datetime) -> list[str]:
    interview = store.interviews.get(interview_id)
    if interview is None:
        return []
    lines: list[str] = []
    start, minutes = incoming.get("start", ""), incoming.get("minutes", "")
    if interview.state == "planned" and (start or minutes):
        scheduled = interview.scheduled_at
        if start:
            scheduled = _local(start, now).isoformat(timespec="minutes")
        length = int(minutes) if minutes.isdigit() and 0 < int(minutes) <= 24 * 60 else 0
        store.interviews.update_plan(
            interview_id,
            scheduled_at=scheduled,
            medium=interview.medium,
            length_minutes=length or interview.length_minutes,
        )
        settle(store, interview.contact_id, now.date())
        if start:
            lines.append(f"call moved to {scheduled.replace('T', ' ')}")
        if length and length != interview.length_minutes:
            lines.append(f"call now {length} minutes")
    location = incoming.get("location", "").strip()
    if location:
        when = interview.scheduled_at.replace("T", " ")
        note_line(store, interview.contact_id, f"Call on {when}, where: {location}")
        lines.append(f"call location “{location}”")
    return lines


_TAKE_IN: dict[str, Callable[[Store, int, dict[str, str], datetime], list[str]]] = {
    "contact": _contact,
    "followup": _followup,
    "call": _call,
}


def new_contact(store: Store, record: ImportedContact) -> int | None:
    """A contact made elsewhere, added (or merged into the same person) by the import's
    identity rule; the id it now has, or None when it was merged into another card's."""
    import_contacts(store.database, [record])
    row = store.database.conn.execute(
        "SELECT id FROM contacts WHERE uid = ?", (record.contact.uid.strip(),)
    ).fetchone()
    return int(row[0]) if row else None


def archive(store: Store, contact_id: int) -> str:
    contact = store.contacts.get(contact_id)
    if contact is None:
        return ""
    store.contacts.set_archived(contact_id, True)
    return f"archived {contact.name} (deleted in your address book)"
