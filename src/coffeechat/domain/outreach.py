"""What filling and sending a draft means: placeholder values and the sent-plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..models import Contact, FollowUp, Status
from .business_days import FOLLOW_UP_AFTER, add_business_days, three_b_seven
from .dates_in_text import promised_date
from .templates import FOLLOW_UP_CALL, INTRO, REFERRAL_REQUEST, THANK_YOU, first_name, format_day

PROFILE_KEYS = ("name", "background", "email", "phone")
"""The user's profile lives in settings as ``profile.<key>``."""


def default_follow_up_date(today: date) -> date:
    """The day a fresh intro letter promises: one follow-up after 7 business days (3B7)."""
    return add_business_days(today, FOLLOW_UP_AFTER)


def placeholder_values(
    *,
    profile: Mapping[str, str],
    contact: Contact,
    today: date,
    letter_date: date | None = None,
    call_date: date | None = None,
) -> dict[str, str]:
    return {
        "contact_name": contact.name,
        "contact_first_name": first_name(contact.name),
        "contact_title": contact.title,
        "organization": contact.organization,
        "my_name": profile.get("name", ""),
        "my_first_name": first_name(profile.get("name", "")),
        "my_background": profile.get("background", ""),
        "my_email": profile.get("email", ""),
        "my_phone": profile.get("phone", ""),
        "follow_up_date": format_day(default_follow_up_date(today)),
        "letter_date": format_day(letter_date) if letter_date else "",
        "call_date": format_day(call_date) if call_date else "",
        "today": format_day(today),
    }


@dataclass(frozen=True, slots=True)
class SentPlan:
    status: Status | None
    followups: tuple[FollowUp, ...]
    next_action: tuple[str, str] | None
    """(next action, ISO date) for the contact, or None to leave it alone."""

    def summary(self) -> str:
        if not self.followups:
            return ""
        parts = [f"{f.title} on {f.due_date}" for f in self.followups]
        return "; ".join(parts)


def plan_for_sent(template: str, body: str, contact: Contact, today: date) -> SentPlan:
    """What marking a draft sent on *today* should change.

    An intro letter sets the contact to "letter sent" and schedules the 3B7 nudges; the
    same-person follow-up goes on the day the letter promised, if it names one.
    """
    contact_id = contact.id or 0
    if template == INTRO:
        nudges = three_b_seven(today, contact.name, contact.organization)
        promised = promised_date(body, today)
        followups = []
        for nudge in nudges:
            due = promised if nudge.kind == "follow_up" and promised else nudge.due
            followups.append(FollowUp(contact_id, nudge.kind, due.isoformat(), title=nudge.title))
        follow_up = followups[-1]
        return SentPlan(Status.LETTER_SENT, tuple(followups), (follow_up.title, follow_up.due_date))
    if template == THANK_YOU:
        return SentPlan(Status.THANKED, (), None)
    if template == REFERRAL_REQUEST:
        promised = promised_date(body, today) or add_business_days(today, FOLLOW_UP_AFTER)
        title = f"Check in with {contact.name} about the introduction"
        followup = FollowUp(contact_id, "follow_up", promised.isoformat(), title=title)
        return SentPlan(None, (followup,), (title, followup.due_date))
    if template == FOLLOW_UP_CALL:
        return SentPlan(Status.FOLLOW_UP_DUE, (), None)
    return SentPlan(None, (), None)
