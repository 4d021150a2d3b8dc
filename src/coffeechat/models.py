"""Plain, frozen records passed between the store, the domain rules and the UI.

Dates are ISO strings (``YYYY-MM-DD``) and timestamps ISO datetimes, exactly as they
are stored, so a record round-trips through SQLite and JSON unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar


class Status(StrEnum):
    """Where a contact is in the outreach pipeline."""

    TO_CONTACT = "to contact"
    LETTER_SENT = "letter sent"
    FOLLOW_UP_DUE = "follow-up due"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    THANKED = "thanked"
    KEEP_IN_TOUCH = "keep in touch"
    NO_REPLY = "no reply"
    DECLINED = "declined"


PIPELINE: tuple[Status, ...] = tuple(Status)

Choice = TypeVar("Choice", bound=StrEnum)


def known_value(choices: type[Choice], value: str) -> Choice | None:
    """*value* as a member of *choices*, or None when it is not one of them (a stored
    value an older or newer version wrote)."""
    try:
        return choices(value)
    except ValueError:
        return None


class Medium(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    IN_PERSON = "in person"


class OutcomeKind(StrEnum):
    REFERRAL_OFFERED = "referral offered"
    NO_REFERRAL = "no referral"
    FOLLOW_UP_SCHEDULED = "follow-up scheduled"
    DEAD_END = "dead end"


class TargetStatus(StrEnum):
    ACTIVE = "active"
    ON_HOLD = "on hold"
    RULED_OUT = "ruled out"


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    notes: str = ""
    id: int | None = None
    motivation: int | None = None
    """How much I want to work there, 0–3 (None: not rated yet)."""
    posting: int | None = None
    """Do they post roles like the one I want: 1 (no) to 3 (yes); None: not checked."""
    advocacy: bool | None = None
    """Do I know someone there; None: derived from contacts tagged alumni/friend/affinity."""
    target_status: TargetStatus = TargetStatus.ACTIVE


class ReplyKind(StrEnum):
    """What a reply to a letter said."""

    POSITIVE = "positive"
    REFERRAL_ONLY = "referral only"
    DECLINED = "declined"
    OUT_OF_OFFICE = "out of office"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    title: str = ""
    organization: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    how_found: str = ""
    referred_by: int | None = None
    purpose: str = ""
    status: Status = Status.TO_CONTACT
    next_action: str = ""
    next_action_date: str = ""
    tags: str = ""
    archived: bool = False
    connected_on: str = ""
    replied_on: str = ""
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    time_zone: str = ""
    """IANA name (``Europe/Berlin``), or "" when not known."""
    keep_in_touch_days: int | None = None
    """Their own keep-in-touch interval; None for the default of their status or tags."""
    given_name: str = ""
    """Given and family names as the source gave them (LinkedIn, vCard N); empty when
    only the full name is known. Exports use them rather than splitting the name."""
    family_name: str = ""
    uid: str = ""
    """Stable and unique: the vCard UID, and the file name in a vdir."""
    greeting: str = ""
    """How letters address them ("Dr. Aas"); empty: by their given name."""


class Introduction(StrEnum):
    """The answer to "may I use your name?" when someone suggests a person to talk to."""

    USE_NAME = "use name"
    """I write to them myself and may say who suggested them."""
    NO_NAME = "no name"
    """I write to them myself without naming who suggested them."""
    BY_REFERRER = "by referrer"
    """They introduce me themselves (check in with them a week or so later)."""


# The records of the work around a contact (notes, interviews, outcomes, drafts...) are
# in models_activity, imported from there: creating those fifteen frozen dataclasses is
# a good part of the contact list's start-up, which needs only the contact and its
# organization. (That module imports this one; this one never imports it.)

__all__ = [
    "PIPELINE",
    "Contact",
    "Introduction",
    "Medium",
    "Organization",
    "OutcomeKind",
    "ReplyKind",
    "Status",
    "TargetStatus",
    "known_value",
]
