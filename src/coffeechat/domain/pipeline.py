"""The pipeline: its statuses, their order, and what each event does to a contact.

This is the one place a status rule lives. Screens, the store and the exports ask here:
which statuses are still on the active agenda, which mean a call was held, what a sent
letter, a reply, a planned or held call, a thank-you, a decline does to the status, which
open follow-ups it makes pointless, and what the contact's next action becomes. A new
status is a new :class:`Status` member and one row in :data:`STATUSES`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ..models import ReplyKind, Status
from .business_days import (
    FOLLOW_UP_AFTER,
    SECOND_PERSON_AFTER,
    WEEKDAYS,
    Calendar,
    add_business_days,
)
from .letter_names import (
    CALL_CONFIRMATION,
    FOLLOW_UP_CALL,
    INTRO,
    KEEP_IN_TOUCH_NOTE,
)
from .letter_names import THANK_YOU as THANK_YOU_NOTE


@dataclass(frozen=True, slots=True)
class StatusInfo:
    short: str
    """The label in a narrow contact list."""
    stage: int
    """How far along the relationship is; statuses that close it have no stage (-1)."""
    active: bool
    """Whether the contact's follow-ups and calls belong on the agenda."""
    default_next: str
    """The next action when nothing is open and no event suggested one."""
    letter: str
    """The letter this stage calls for (a template name): what ``d`` opens."""
    keep_in_touch_days: int | None = None
    """How often to get back in touch by default at this status (None: not by default)."""


KEEP_IN_TOUCH_DAYS = 91
"""After the thank-you: check in again in about three months."""

STATUSES: dict[Status, StatusInfo] = {
    Status.TO_CONTACT: StatusInfo("new", 0, True, "Write an intro letter", INTRO),
    # Sent and no answer yet: the next word is the follow-up call the letter promised.
    Status.LETTER_SENT: StatusInfo("sent", 1, True, "Wait for a reply", FOLLOW_UP_CALL),
    Status.FOLLOW_UP_DUE: StatusInfo("f/up due", 2, True, "Follow up", FOLLOW_UP_CALL),
    Status.SCHEDULED: StatusInfo("sched.", 3, True, "Hold the call", CALL_CONFIRMATION),
    Status.INTERVIEWED: StatusInfo("met", 4, True, "Send a thank-you note", THANK_YOU_NOTE),
    Status.THANKED: StatusInfo(
        "thanked", 5, True, "Keep in touch", KEEP_IN_TOUCH_NOTE, KEEP_IN_TOUCH_DAYS
    ),
    Status.KEEP_IN_TOUCH: StatusInfo(
        "in touch", 6, True, "Keep in touch", KEEP_IN_TOUCH_NOTE, KEEP_IN_TOUCH_DAYS
    ),
    # A closed pipeline reopens, if ever, with a first letter.
    Status.NO_REPLY: StatusInfo("no reply", -1, False, "", INTRO),
    Status.DECLINED: StatusInfo("declined", -1, False, "", INTRO),
}

ORDER: tuple[Status, ...] = tuple(Status)
"""Statuses in pipeline order (the open stages first, then the ones that close it)."""


def info(status: Status) -> StatusInfo:
    return STATUSES[status]


_BY_VALUE = {status.value: status for status in Status}


def parse_status(value: str) -> Status:
    """A stored status string as a :class:`Status`; an unknown one reads as "to contact".
    A dictionary look-up: reading 30,000 contacts asks 30,000 times, and the enum's own
    look-up costs twenty times as much."""
    return _BY_VALUE.get(value, Status.TO_CONTACT)


def short_label(value: str) -> str:
    """The narrow list's label for a stored status string (unknown ones as they are)."""
    try:
        return STATUSES[Status(value)].short
    except ValueError:
        return value


def inactive_statuses() -> tuple[str, ...]:
    """Statuses whose contacts are off the active agenda (no reply, declined)."""
    return tuple(str(s) for s, i in STATUSES.items() if not i.active)


def thanked_statuses() -> tuple[str, ...]:
    """Statuses that mean no thank-you note is owed any more."""
    return tuple(str(s) for s, i in STATUSES.items() if i.stage >= info(Status.THANKED).stage)


def met_statuses() -> tuple[Status, ...]:
    """Statuses of contacts you have held a call with."""
    return tuple(s for s in ORDER if has_met(s))


def has_met(status: Status) -> bool:
    """Whether a call has been held with a contact at *status*."""
    return info(status).stage >= info(Status.INTERVIEWED).stage


class Event(StrEnum):
    """What happened, as the pipeline sees it."""

    LETTER_SENT = "intro letter sent"
    FOLLOW_UP_SENT = "follow-up sent"
    REPLY = "reply received"
    REFERRAL_ONLY = "referred elsewhere"
    """They will not talk themselves but named someone to talk to instead."""
    OUT_OF_OFFICE = "out of office"
    REFERRER_TOLD = "referrer told how it went"
    CALL_PLANNED = "call planned"
    CALL_HELD = "call held"
    THANKED = "thank-you sent"
    DECLINED = "declined"
    NO_REPLY = "no reply"


#: Follow-up kinds (see ``FollowUp.kind``).
SECOND_PERSON = "second_person"
FOLLOW_UP = "follow_up"
THANK_YOU = "thank_you"
NEXT_STEP = "next_step"
TELL_REFERRER = "tell_referrer"
KEEP_IN_TOUCH = "keep_in_touch"
INTRODUCTION = "introduction"
"""A check-in with someone who said they would introduce you themselves."""
WRITE_REFERRAL = "write_referral"
"""Someone suggested on a call: write the intro letter (or ask first)."""
ALL_KINDS = frozenset(
    {
        SECOND_PERSON,
        FOLLOW_UP,
        THANK_YOU,
        NEXT_STEP,
        TELL_REFERRER,
        KEEP_IN_TOUCH,
        INTRODUCTION,
        WRITE_REFERRAL,
        "call",
    }
)

INTRODUCTION_CHECK_IN = 7
"""Business days after the call to check in on an introduction the referrer promised
(the method says 7 to 10 days)."""


@dataclass(frozen=True, slots=True)
class Rule:
    target: Status | None
    """None: the event leaves the status alone."""
    forward_only: bool
    """Leave a contact that is already further along where it is."""
    closes: frozenset[str]
    """Open follow-up kinds the event makes pointless."""
    suggestion: str = ""
    """Next action the event suggests ("" for none); open items due sooner come first."""
    suggestion_days: int | None = None
    """Days from today for the suggestion's date; None for no date."""


RULES: dict[Event, Rule] = {
    Event.LETTER_SENT: Rule(Status.LETTER_SENT, True, frozenset({WRITE_REFERRAL})),
    Event.FOLLOW_UP_SENT: Rule(Status.FOLLOW_UP_DUE, True, frozenset({FOLLOW_UP})),
    # The person answered: nobody needs reaching instead, nobody needs chasing.
    Event.REPLY: Rule(
        Status.LETTER_SENT, True, frozenset({SECOND_PERSON, FOLLOW_UP}), "Schedule the call", 0
    ),
    Event.REFERRAL_ONLY: Rule(Status.LETTER_SENT, True, frozenset({SECOND_PERSON, FOLLOW_UP})),
    # An automatic answer is no answer: the nudges stay, moved past their return.
    Event.OUT_OF_OFFICE: Rule(None, True, frozenset()),
    Event.REFERRER_TOLD: Rule(None, True, frozenset({TELL_REFERRER})),
    Event.CALL_PLANNED: Rule(Status.SCHEDULED, False, frozenset({SECOND_PERSON, FOLLOW_UP})),
    Event.CALL_HELD: Rule(Status.INTERVIEWED, True, frozenset({SECOND_PERSON, FOLLOW_UP, "call"})),
    # What comes after the thank-you is keeping in touch: a follow-up of its own.
    Event.THANKED: Rule(Status.THANKED, True, frozenset({THANK_YOU})),
    Event.DECLINED: Rule(Status.DECLINED, False, ALL_KINDS),
    Event.NO_REPLY: Rule(Status.NO_REPLY, False, ALL_KINDS),
}

EVENT_FOR_CHOSEN_STATUS: dict[Status, Event] = {
    Status.THANKED: Event.THANKED,
    Status.NO_REPLY: Event.NO_REPLY,
    Status.DECLINED: Event.DECLINED,
}
"""Picking one of these statuses by hand means the event happened (outside the app)."""


def status_after(event: Event, current: Status) -> Status:
    """The status a contact at *current* moves to when *event* happens.

    Events move a contact forward, never back: a thanked contact who replies again stays
    thanked. A contact whose pipeline was closed (no reply, declined) is reopened by any
    event that shows the person is in touch after all.
    """
    rule = RULES[event]
    if rule.target is None:
        return current
    if rule.forward_only and info(current).stage >= info(rule.target).stage:
        return current
    return rule.target


REPLY_EVENTS: dict[ReplyKind, Event] = {
    ReplyKind.POSITIVE: Event.REPLY,
    ReplyKind.REFERRAL_ONLY: Event.REFERRAL_ONLY,
    ReplyKind.DECLINED: Event.DECLINED,
    ReplyKind.OUT_OF_OFFICE: Event.OUT_OF_OFFICE,
}
"""What each kind of reply means to the pipeline."""

#: After an out-of-office reply the 3B7 clock starts again on the day they are back.
RESTART_AFTER_RETURN = {SECOND_PERSON: SECOND_PERSON_AFTER, FOLLOW_UP: FOLLOW_UP_AFTER}


def due_after_return(kind: str, due: date, back_on: date, calendar: Calendar = WEEKDAYS) -> date:
    """When a follow-up due on *due* falls, for someone away until *back_on*.

    The nudges of the 3B7 routine count their business days again from the return; any
    other follow-up due while they are away moves to their first business day back.
    """
    if kind in RESTART_AFTER_RETURN:
        return max(due, add_business_days(back_on, RESTART_AFTER_RETURN[kind], calendar))
    if due > back_on:
        return due
    return add_business_days(back_on, 1, calendar)


@dataclass(frozen=True, slots=True)
class Pending:
    """Something open for a contact: a follow-up or a planned call."""

    title: str
    due: str
    """ISO date ("" when it has none)."""


def parse_tag_intervals(text: str) -> dict[str, int]:
    """``alumni=60, friend=30`` → {"alumni": 60, "friend": 30}; ValueError names a bad
    entry (days are whole numbers from 1 to 3660)."""
    intervals: dict[str, int] = {}
    for entry in text.replace(";", ",").replace("\n", ",").split(","):
        if not entry.strip():
            continue
        tag, sep, days = entry.partition("=")
        tag, days = tag.strip().casefold(), days.strip()
        if not sep or not tag or not (days.isascii() and days.isdigit()):
            raise ValueError(f"{entry.strip()!r}: write tag=days, e.g. alumni=60")
        if not 1 <= int(days) <= 3660:
            raise ValueError(f"{entry.strip()!r}: days from 1 to 3660")
        intervals[tag] = int(days)
    return intervals


def check_interval(value: str) -> str | None:
    """A keep-in-touch interval typed in a form: empty, or whole days from 1 to 3660."""
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 3660:
        return "Days between touches: a whole number from 1 to 3660 (or empty)"
    return None


def keep_in_touch_interval(
    status: Status, own_days: int | None, tags: str, tag_intervals: dict[str, int]
) -> int | None:
    """Days between touches for a contact: their own interval, else the shortest of their
    tags' (once you have met), else their status's default; None when not kept in touch.

    A closed pipeline (declined, no reply) is not kept in touch.
    """
    if not info(status).active:
        return None
    if own_days:
        return own_days
    if has_met(status):
        own_tags = {t.strip().casefold() for t in tags.split(",") if t.strip()}
        by_tag = [days for tag, days in tag_intervals.items() if tag in own_tags]
        if by_tag:
            return min(by_tag)
    return info(status).keep_in_touch_days


def keep_in_touch_title(last_what: str, last_day: str) -> str:
    if not last_day:
        return "Keep in touch"
    return f"Keep in touch (last: {last_what}, {last_day})"


TELL_REFERRER_AFTER = 2
"""Business days after a call with someone referred to you: tell the referrer how it went."""


def tell_referrer_title(referrer: str, talked_to: str) -> str:
    return f"Tell {referrer} how it went with {talked_to}"


def tell_referrer_after_advice(
    referrer: str, talked_to: str, open_titles: Iterable[str], today: date
) -> tuple[str, date] | None:
    """(title, due day) of the "Tell <referrer> how it went" item that advice acted on
    calls for: advice from the call with someone *referrer* led you to was acted on
    *today*, which is news worth telling them today. None when that item is already
    open (*open_titles*: the referrer's open follow-ups), so it is never on the agenda
    twice; one done earlier (after the call) does not stop the news."""
    title = tell_referrer_title(referrer, talked_to)
    if title in set(open_titles):
        return None
    return title, today


def call_title(medium: str, length_minutes: int) -> str:
    """How a planned call reads as an agenda item and as a next action."""
    return f"{medium.capitalize()} call, {length_minutes} min"


def next_action(
    event: Event | None,
    status: Status,
    pending: Iterable[Pending],
    today: date,
) -> tuple[str, str]:
    """(next action, ISO date) after *event* for a contact now at *status*.

    The soonest open item wins (an overdue follow-up comes before anything new); the
    event's suggestion competes on its date; with neither, the status's own default,
    undated. A closed pipeline (no reply, declined) has no next action.
    """
    if not info(status).active:
        return ("", "")
    pending = list(pending)
    candidates = [p for p in pending if p.due]
    rule = RULES[event] if event is not None else None
    if rule is not None and rule.suggestion:
        due = ""
        if rule.suggestion_days is not None:
            due = (today + timedelta(days=rule.suggestion_days)).isoformat()
        candidates.append(Pending(rule.suggestion, due))
    dated = [c for c in candidates if c.due]
    if dated:
        soonest = min(dated, key=lambda c: c.due)
        return (soonest.title, soonest.due[:10])
    if candidates:
        return (candidates[0].title, "")
    undated = [p for p in pending if not p.due]
    if undated:
        return (undated[0].title, "")
    return (info(status).default_next, "")
