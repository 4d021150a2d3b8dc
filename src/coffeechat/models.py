"""Plain, frozen records passed between the store, the domain rules and the UI.

Dates are ISO strings (``YYYY-MM-DD``) and timestamps ISO datetimes, exactly as they
are stored, so a record round-trips through SQLite and JSON unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
class Interaction:
    """Something heard from or done with a contact, outside letters and calls."""

    contact_id: int
    kind: str
    """A :class:`ReplyKind` value, or "touch" (a coffee, a message, a like)."""
    day: str
    back_on: str = ""
    """For an out-of-office reply: the day they are back."""
    note: str = ""
    id: int | None = None


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


@dataclass(frozen=True, slots=True)
class Note:
    """Markdown research notes about a contact or an organization (or the "my story" card)."""

    kind: str  # "research", "self_assessment" or "story"
    body: str = ""
    contact_id: int | None = None
    organization_id: int | None = None
    id: int | None = None
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    contact_id: int
    title: str
    url: str = ""
    is_read: bool = False
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    group: str = "Insights"
    position: int = 0
    asks_for_job: bool = False
    is_default: bool = False
    """Part of the default set a call uses when no checklist was prepared."""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Interview:
    contact_id: int
    scheduled_at: str = ""
    medium: Medium = Medium.PHONE
    length_minutes: int = 30
    state: str = "planned"  # planned, in progress, held
    started_at: str = ""
    ended_at: str = ""
    elapsed_seconds: float = 0.0
    running_since: str = ""
    draft_note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    interview_id: int
    text: str
    position: int = 0
    asked: bool = False
    answer: str = ""
    question_id: int | None = None
    asked_at: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NoteLine:
    interview_id: int
    text: str
    minute: int = 0
    checklist_item_id: int | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NextStep:
    text: str
    due_date: str = ""


@dataclass(frozen=True, slots=True)
class Referral:
    name: str
    title: str = ""
    organization: str = ""
    email: str = ""
    url: str = ""
    how_to_reach: str = ""
    contact_id: int | None = None
    id: int | None = None
    introduction: str = ""
    """How you will reach them: an :class:`Introduction` value ("" not asked yet)."""


class Introduction(StrEnum):
    """The answer to "may I use your name?" when someone suggests a person to talk to."""

    USE_NAME = "use name"
    """I write to them myself and may say who suggested them."""
    NO_NAME = "no name"
    """I write to them myself without naming who suggested them."""
    BY_REFERRER = "by referrer"
    """They introduce me themselves (check in with them a week or so later)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    interview_id: int
    kind: OutcomeKind
    learned: str = ""
    skills: str = ""
    advice: str = ""
    resources: str = ""
    assignments: str = ""
    next_steps: tuple[NextStep, ...] = ()
    confidence: int = 3
    referrals: tuple[Referral, ...] = field(default_factory=tuple)
    id: int | None = None
    created_at: str = ""
    went_well: str = ""
    """How I did: what went well in the conversation."""
    do_differently: str = ""
    """How I did: what I would do differently next time."""


@dataclass(frozen=True, slots=True)
class Draft:
    contact_id: int
    template: str
    body: str = ""
    subject: str = ""
    sent_at: str = ""
    id: int | None = None
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    contact_id: int
    kind: str  # follow_up, second_person, thank_you, next_step, call
    due_date: str
    title: str = ""
    state: str = "open"  # open, done
    done_at: str = ""
    draft_id: int | None = None
    outcome_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """The user's own details, filled into letters (``${my_name}``, ``${my_background}``…)."""

    name: str = ""
    background: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match in anything written about a person, resolved to where it
    belongs."""

    source: str
    """The table it came from: note, article, call_note, answer, outcome, next_step,
    referral or letter."""
    ref_id: int
    kind: str
    """research, self_assessment, story (notes), or the source for the other tables."""
    label: str
    """Whose it is and what it is: "Maria Okafor · Call 2026-11-20 · note"."""
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    """(start, end) offsets of the matched words within ``snippet``."""
    contact_id: int | None = None
    organization_id: int | None = None
    interview_id: int | None = None
    """The call a call note, answer or outcome belongs to."""
    part: str = ""
    """The outcome field that matched (learned, advice…), else empty."""


@dataclass(frozen=True, slots=True)
class Brief:
    """What to glance at in the minute before a call with one contact."""

    contact: Contact
    research: str = ""
    organization_research: str = ""
    self_assessment: str = ""
    articles_read: tuple[Article, ...] = ()
    articles_unread: int = 0
    questions: tuple[str, ...] = ()
    """Prepared questions of the contact's next (planned or in progress) interview."""
