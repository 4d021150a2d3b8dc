"""A vdir: one vCard or iCalendar file per item, named by its UID, in three collections.

The format of vdirsyncer, khard, khal and todoman. Pure: models in, item texts out;
item texts in, the few facts coffeechat takes back (a to-do completed, a call moved).
The files themselves are read and written by :mod:`coffeechat.usecases.sync`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..domain.timezones import as_utc, zone
from ..models import Contact, FollowUp, Interview
from .ics import PRODID, alarm, escape, with_name
from .vcard import card, fold
from .vcard_lines import logical_lines, parse_property, physical_lines

CONTACTS = "contacts"
FOLLOWUPS = "followups"
CALLS = "calls"
COLLECTIONS = (CONTACTS, FOLLOWUPS, CALLS)

_SAFE_NAME = re.compile(r"[A-Za-z0-9@._+-]{1,160}")
_UTC_FORMAT = "%Y%m%dT%H%M%SZ"


class MalformedItem(ValueError):
    """An item file that is not the vCard or iCalendar it should be; one line."""


@dataclass(frozen=True, slots=True)
class Item:
    collection: str
    uid: str
    text: str

    @property
    def file_name(self) -> str:
        return file_name(self.uid, ".vcf" if self.collection == CONTACTS else ".ics")


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """What coffeechat reads back from an item: its kind, UID, STATUS and DTSTART."""

    component: str
    uid: str
    status: str = ""
    start: datetime | None = None
    """DTSTART as an aware UTC datetime (None when absent or a date)."""


def file_name(uid: str, extension: str) -> str:
    """``<uid><ext>`` when the UID is safe as a file name, else a digest of it (as
    vdirsyncer does): no slash, no leading dot, nothing a file system could mangle."""
    if _SAFE_NAME.fullmatch(uid) and not uid.startswith("."):
        return uid + extension
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:40] + extension


def followup_uid(followup: FollowUp, contact: Contact) -> str:
    return f"followup-{followup.id}@{contact.uid}"


def call_uid(interview: Interview, contact: Contact) -> str:
    return f"call-{interview.id}@{contact.uid}"


def id_from_uid(uid: str, prefix: str) -> int | None:
    """The follow-up or interview id a UID of ours names (None: not one of ours)."""
    match = re.fullmatch(rf"{prefix}-(\d+)@.+", uid)
    return int(match.group(1)) if match else None


def _calendar(lines: list[str]) -> str:
    wrapped = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", *lines, "END:VCALENDAR"]
    return "".join(fold(line) for line in wrapped)


def _note(contact: Contact) -> str:
    parts = [f"Status: {contact.status}"]
    if contact.next_action:
        when = f" ({contact.next_action_date})" if contact.next_action_date else ""
        parts.append(f"Next action: {contact.next_action}{when}")
    return "\n".join(parts)


def contact_item(contact: Contact) -> Item:
    """vCard 3.0 with FN, N, ORG, TITLE, EMAIL, TEL, URL, UID and a NOTE saying where
    the contact is in the pipeline."""
    return Item(CONTACTS, contact.uid, card(contact, _note(contact)))


def _stamp_from(day: str) -> str:
    """DTSTAMP is required; it is derived from the item so that an unchanged item is
    byte for byte the same text (a changed file is one vdirsyncer must carry)."""
    try:
        return datetime.fromisoformat(day[:10]).strftime("%Y%m%dT000000Z")
    except ValueError:
        return "19700101T000000Z"


def _utc(moment: str) -> str:
    try:
        return as_utc(datetime.fromisoformat(moment)).strftime(_UTC_FORMAT)
    except ValueError:
        return "19700101T000000Z"


def followup_item(followup: FollowUp, contact: Contact) -> Item:
    """VTODO due on the follow-up's day, with an alarm at 9:00 that day; a follow-up
    done is a completed to-do."""
    uid = followup_uid(followup, contact)
    summary = followup.title or followup.kind.replace("_", " ")
    due = followup.due_date[:10].replace("-", "")
    lines = [
        "BEGIN:VTODO",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{_stamp_from(followup.due_date)}",
        f"DUE;VALUE=DATE:{due}",
        f"SUMMARY:{escape(with_name(summary, contact.name))}",
        f"CATEGORIES:{escape(followup.kind.replace('_', ' '))}",
    ]
    if followup.state == "done":
        lines += ["STATUS:COMPLETED", f"COMPLETED:{_utc(followup.done_at)}"]
    else:
        lines += ["STATUS:NEEDS-ACTION", *alarm(summary, "PT9H")]
    lines.append("END:VTODO")
    return Item(FOLLOWUPS, uid, _calendar(lines))


def call_start(interview: Interview) -> datetime | None:
    """When the call starts (planned) or started (held), in UTC; None if unknown."""
    value = interview.scheduled_at if interview.state != "held" else ""
    value = value or interview.started_at or interview.scheduled_at
    if len(value) < 16:
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def call_item(
    interview: Interview, contact: Contact, questions: list[str], their_zone: str = ""
) -> Item | None:
    """VEVENT pinned in UTC (so every calendar shows the right hour), the contact's
    time zone named in the location, an alarm 15 minutes before, and the checklist's
    questions in the description. None for a call with no time."""
    start = call_start(interview)
    if start is None:
        return None
    uid = call_uid(interview, contact)
    minutes = int(interview.length_minutes or 30)
    about = f"{minutes}-minute informational interview ({interview.medium})"
    if interview.state == "held":
        about += ", held"
    description = "\n".join([about, *(f"- {q}" for q in questions)])
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{start.strftime(_UTC_FORMAT)}",
        f"DTSTART:{start.strftime(_UTC_FORMAT)}",
        f"DTEND:{(start + timedelta(minutes=minutes)).strftime(_UTC_FORMAT)}",
        f"SUMMARY:{escape(f'Coffee chat with {contact.name}')}",
        f"DESCRIPTION:{escape(description)}",
    ]
    if their_zone:
        lines.append(f"LOCATION:{escape(f'{contact.name} is in {their_zone}')}")
    if interview.state != "held":
        lines += alarm(f"Coffee chat with {contact.name} in 15 minutes", "-PT15M")
    lines.append("END:VEVENT")
    return Item(CALLS, uid, _calendar(lines))


def _when(params: list[list[str]], value: str) -> datetime | None:
    """DTSTART as UTC: ``...Z``, ``TZID=Zone`` or floating (taken as local time)."""
    value = value.strip()
    if "T" not in value:
        return None
    try:
        moment = datetime.strptime(value.rstrip("Z")[:15], "%Y%m%dT%H%M%S")
    except ValueError:
        raise MalformedItem(f"DTSTART {value[:30]!r} is not a date and time") from None
    if value.endswith("Z"):
        return moment.replace(tzinfo=UTC)
    zone_name = next((p[1] for p in params if p[0].upper() == "TZID" and len(p) > 1), "")
    if zone_name:
        found = zone(zone_name)
        if found is None:
            raise MalformedItem(f"unknown time zone {zone_name[:40]!r}")
        return moment.replace(tzinfo=found).astimezone(UTC)
    return as_utc(moment)


def parse_item(text: str) -> ParsedItem:
    """The component (VCARD, VTODO, VEVENT), UID, STATUS and DTSTART of one item;
    MalformedItem (one line) when it is not a complete vCard or calendar item."""
    component = ""
    uid = status = ""
    start: datetime | None = None
    depth: list[str] = []
    for number, line in logical_lines(physical_lines(text)):
        prop = parse_property(number, line)
        if prop is None:
            raise MalformedItem(f"line {number} is not a property: {line[:40]!r}")
        value = prop.value.strip()
        if prop.name == "BEGIN":
            depth.append(value.upper())
            if value.upper() in ("VCARD", "VTODO", "VEVENT") and not component:
                component = value.upper()
        elif prop.name == "END":
            if not depth or depth.pop() != value.upper():
                raise MalformedItem(f"line {number}: END:{value[:20]} without its BEGIN")
        elif len(depth) == 1 + (component != "VCARD") and depth[-1] == component:
            if prop.name == "UID":
                uid = value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
            elif prop.name == "STATUS":
                status = value.upper()
            elif prop.name == "DTSTART":
                start = _when(prop.params, value)
    if depth:
        raise MalformedItem(f"BEGIN:{depth[-1]} has no END (file cut short?)")
    if not component:
        raise MalformedItem("neither a vCard nor a to-do nor an event")
    if not uid:
        raise MalformedItem(f"the {component} has no UID")
    return ParsedItem(component, uid, status, start)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
