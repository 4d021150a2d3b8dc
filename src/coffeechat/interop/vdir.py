"""A vdir: one vCard or iCalendar file per item, in three collections.

The format of vdirsyncer, khard, khal and todoman. Pure: each synced thing is a set of
*fields* (plain strings, compared by the three-way merge in
:mod:`coffeechat.domain.sync_merge`); this module says what the fields of a contact,
follow-up or call are, reads them from an item's bytes, writes a new item, and patches
an existing one (only the fields named; every other property and component stays).
The files themselves are read and written by :mod:`coffeechat.usecases.sync_run`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from ..domain.followup_titles import followup_sentence
from ..domain.timezones import as_utc
from ..models import Contact
from ..models_activity import FollowUp, Interview
from . import vdir_calendar, vdir_card
from .call_event import call_event, call_time
from .ics import call_uid, followup_uid
from .vdir_errors import MalformedItem

__all__ = ["MalformedItem"]

CONTACTS = "contacts"
FOLLOWUPS = "followups"
CALLS = "calls"
COLLECTIONS = (CONTACTS, FOLLOWUPS, CALLS)
EXTENSIONS = {CONTACTS: ".vcf", FOLLOWUPS: ".ics", CALLS: ".ics"}
KIND_OF = {CONTACTS: "contact", FOLLOWUPS: "followup", CALLS: "call"}

INCOMING = {
    "contact": frozenset({"name", "email", "phone", "organization", "title", "url", "note"}),
    "followup": frozenset({"due", "done"}),
    "call": frozenset({"start", "minutes", "location"}),
}
"""The fields a change made elsewhere brings into coffeechat, per kind of item."""
KEPT_AS_TEXT = frozenset({"note", "location"})
"""Incoming fields coffeechat keeps as a line in the contact's research note, not in
the field it writes (the card's note is the pipeline status; the call's location
names their time zone): the file keeps what was written there."""
FIELDS = frozenset(
    {"name", "n", "email", "phone", "organization", "title", "url", "categories", "note"}
    | {"summary", "alarm", "due", "done", "start", "minutes", "description", "location"}
    | {"cancelled"}
)
"""Every field an item has: what the sync state may hold (``cancelled`` marks an item an
older version kept so as not to empty its collection; the anchors do that now)."""

_SAFE_NAME = re.compile(r"[A-Za-z0-9@._+-]{1,160}")
UTC_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the app syncs: where it goes and its fields."""

    ref: str
    """``contact:12``, ``followup:3``, ``call:7``: the row it is."""
    collection: str
    uid: str
    fields: dict[str, str]
    contact_id: int = 0
    """The contact it belongs to (a contact's own card: itself)."""
    source: str = ""
    """What its derived fields are made from (see :func:`name_source`)."""

    @property
    def kind(self) -> str:
        return KIND_OF[self.collection]

    @property
    def file_name(self) -> str:
        return file_name(self.uid, EXTENSIONS[self.collection])


@dataclass(frozen=True, slots=True)
class Read:
    """What an item file says: its UID and fields."""

    uid: str
    fields: dict[str, str]


def file_name(uid: str, extension: str) -> str:
    """``<uid><ext>`` when the UID is safe as a file name, else a digest of it (as
    vdirsyncer does): no slash, no leading dot, nothing a file system could mangle."""
    if _SAFE_NAME.fullmatch(uid) and not uid.startswith("."):
        return uid + extension
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:40] + extension


def _note(contact: Contact) -> str:
    parts = [f"Status: {contact.status}"]
    if contact.next_action:
        when = f" ({contact.next_action_date})" if contact.next_action_date else ""
        parts.append(f"Next action: {contact.next_action}{when}")
    return "\n".join(parts)


def name_source(contact: Contact) -> str:
    """What a contact's N is made from: the same text, the same N."""
    return f"{contact.name}\x1f{contact.given_name}\x1f{contact.family_name}"


def contact_item(contact: Contact, n: str | None = None, sort_name: str = "") -> Item:
    """A vCard 3.0: FN, N, ORG, TITLE, EMAIL, TEL, URL, CATEGORIES, UID and a NOTE saying
    where the contact is in the pipeline. *n* is the N worked out earlier from the same
    :func:`name_source`; without it, the N is cut where the contact's stored sort key
    *sort_name* says (parsing the name is the dearest part of a card)."""
    tags = ", ".join(t.strip() for t in contact.tags.split(",") if t.strip())
    fields = {
        "name": contact.name.strip(),
        "n": vdir_card.n_value(contact, sort_name) if n is None else n,
        "email": contact.email.strip(),
        "phone": contact.phone.strip(),
        "organization": contact.organization.strip(),
        "title": contact.title.strip(),
        "url": contact.url.strip(),
        "categories": tags,
        "note": _note(contact).strip(),
    }
    source = name_source(contact)
    return Item(f"contact:{contact.id}", CONTACTS, contact.uid, fields, contact.id or 0, source)


def utc_text(moment: str) -> str:
    """A stored local ISO time as iCalendar UTC text ("" when it is not a time)."""
    try:
        return as_utc(datetime.fromisoformat(moment)).strftime(UTC_FORMAT)
    except ValueError:
        return ""


def followup_item(followup: FollowUp, contact: Contact) -> Item:
    """A to-do due on the follow-up's day with an alarm at 9:00 that day; a follow-up
    done is a completed to-do with its completion time and no alarm."""
    summary = followup_sentence(followup.kind, followup.title, contact.name)
    done = ""
    if followup.state == "done":
        done = utc_text(followup.done_at) or "yes"
    fields = {
        "summary": summary,
        "alarm": "" if done else summary,
        "due": followup.due_date[:10],
        "done": done,
        "categories": followup.kind.replace("_", " "),
    }
    uid = followup_uid(followup.id, contact.uid)
    return Item(f"followup:{followup.id}", FOLLOWUPS, uid, fields, followup.contact_id)


def call_item(
    interview: Interview, contact: Contact, questions: list[str], their_zone: str = ""
) -> Item | None:
    """An event pinned in UTC (so every calendar shows the right hour), placed, timed
    and worded as ``export ics`` writes it (interop/call_event.py), an alarm 15 minutes
    before until it starts: the phone number or link and the questions in the
    description, the number or link and the contact's time zone in the location. None
    for a call with no time."""
    time = call_time(interview)
    if time is None:
        return None
    event = call_event(
        name=contact.name,
        medium=str(interview.medium),
        minutes=time.minutes,
        held=time.held,
        started=time.started,
        phone=contact.phone,
        link=contact.url,
        questions=questions,
        their_zone=their_zone,
    )
    fields = {
        "summary": event.summary,
        "start": time.start.strftime(UTC_FORMAT),
        "minutes": str(time.minutes),
        "description": event.description,
        "location": event.location,
        "alarm": event.alarm,
    }
    uid = call_uid(interview.id, contact.uid)
    return Item(f"call:{interview.id}", CALLS, uid, fields, interview.contact_id)


def read(collection: str, data: bytes) -> Read:
    """The UID and fields of an item file; MalformedItem (one line, never quoting the
    file) when it is not a complete item of that collection."""
    if collection == CONTACTS:
        uid, fields = vdir_card.read(data)
    else:
        kind = "VTODO" if collection == FOLLOWUPS else "VEVENT"
        uid, fields = vdir_calendar.read(data, kind)
    return Read(uid, fields)


def render(item: Item, now: datetime) -> bytes:
    """A new item file holding *item*'s fields."""
    if item.collection == CONTACTS:
        return vdir_card.render(item.uid, item.fields)
    kind = "VTODO" if item.collection == FOLLOWUPS else "VEVENT"
    return vdir_calendar.render(kind, item.uid, item.fields, now)


def patch(item: Item, data: bytes, names: set[str], now: datetime) -> bytes:
    """*data* with the fields *names* set to *item*'s values; everything else kept,
    SEQUENCE and LAST-MODIFIED (REV for a vCard) moved on."""
    if item.collection == CONTACTS:
        return vdir_card.patch(data, item.fields, names, now)
    kind = "VTODO" if item.collection == FOLLOWUPS else "VEVENT"
    return vdir_calendar.patch(data, kind, item.fields, names, now)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
