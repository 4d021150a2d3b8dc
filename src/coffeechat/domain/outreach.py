"""What filling and sending a draft means: placeholder values and the sent-plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Contact
from ..models_activity import FollowUp, Outcome, Profile
from .business_days import (
    FOLLOW_UP_AFTER,
    WEEKDAYS,
    Calendar,
    add_business_days,
    three_b_seven,
)
from .dates_in_text import promised_date
from .letter_words import connection, quote_advice, quoted, with_article
from .names import greeting_name
from .pipeline import Event, info
from .templates import (
    FOLLOW_UP_CALL,
    INTRO,
    REFERRAL_REQUEST,
    REFERRER_UPDATE,
    THANK_YOU,
    first_name,
    format_day,
)
from .text import one_line


def in_words(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    names = [one_line(name).strip() for name in names if name.strip()]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def default_follow_up_date(today: date, calendar: Calendar = WEEKDAYS) -> date:
    """The day a fresh intro letter promises: one follow-up after 7 business days (3B7)."""
    return add_business_days(today, FOLLOW_UP_AFTER, calendar)


def placeholder_values(
    *,
    profile: Profile,
    contact: Contact,
    today: date,
    letter_date: date | None = None,
    call_date: date | None = None,
    calendar: Calendar = WEEKDAYS,
    talked_to: str = "",
    referred_by: str = "",
    outcome: Outcome | None = None,
    advice_acted_on: str | tuple[str, ...] = (),
    read_article: str = "",
) -> dict[str, str]:
    """Every placeholder's value for a letter to *contact*; "" where there is none yet.

    *referred_by* is the referrer's name only when they said it may be used;
    *advice_acted_on* is every piece acted on since the referrer's last update;
    *read_article* the title of an article of theirs the user has read.
    """
    acted = (advice_acted_on,) if isinstance(advice_acted_on, str) else advice_acted_on
    return {
        "contact_name": contact.name,
        "contact_first_name": greeting_name(contact.name, contact.given_name, contact.greeting),
        "contact_title": contact.title,
        "a_contact_title": with_article(contact.title),
        "organization": contact.organization,
        "my_name": profile.name,
        "my_first_name": first_name(profile.name),
        "my_background": profile.background,
        "my_email": profile.email,
        "my_phone": profile.phone,
        "referred_by": referred_by,
        "connection": connection(contact.how_found, read_article),
        "their_advice": quote_advice(outcome.advice) if outcome else "",
        "people_suggested": in_words([r.name for r in outcome.referrals]) if outcome else "",
        "follow_up_date": format_day(default_follow_up_date(today, calendar)),
        "letter_date": format_day(letter_date) if letter_date else "",
        "call_date": format_day(call_date) if call_date else "",
        "today": format_day(today),
        "talked_to": talked_to,
        "advice_acted_on": quoted(a for a in acted if a.strip()),
    }


@dataclass(frozen=True, slots=True)
class SentPlan:
    event: Event | None
    """What sending it means to the pipeline (None: nothing about this contact's stage)."""
    followups: tuple[FollowUp, ...]

    def summary(self) -> str:
        if not self.followups:
            return ""
        parts = [f"{f.title} on {f.due_date}" for f in self.followups]
        return "; ".join(parts)


SENT_EVENTS = {
    INTRO: Event.LETTER_SENT,
    THANK_YOU: Event.THANKED,
    FOLLOW_UP_CALL: Event.FOLLOW_UP_SENT,
    REFERRER_UPDATE: Event.REFERRER_TOLD,
}
"""What marking each template sent means to the pipeline."""


def template_for_stage(contact: Contact, *, owes_update: bool = False) -> str:
    """The letter a contact's stage calls for (the pipeline's table says which), except
    that an open "Tell them how it went" (*owes_update*) calls for the update to the
    referrer once no thank-you is owed."""
    letter = info(contact.status).letter
    if owes_update and letter != THANK_YOU:
        return REFERRER_UPDATE
    return letter


def plan_for_sent(
    template: str, body: str, contact: Contact, today: date, calendar: Calendar = WEEKDAYS
) -> SentPlan:
    """What marking a draft sent on *today* should change.

    An intro letter schedules the 3B7 nudges; the same-person follow-up goes on the day
    the letter promised, if it names one. A referral request schedules a check-in about
    the introduction. What each does to the status is the pipeline's rule.
    """
    contact_id = contact.id or 0
    event = SENT_EVENTS.get(template)
    if template == INTRO:
        nudges = three_b_seven(today, contact.name, contact.organization, calendar)
        promised = promised_date(body, today)
        followups = []
        for nudge in nudges:
            due = promised if nudge.kind == "follow_up" and promised else nudge.due
            followups.append(FollowUp(contact_id, nudge.kind, due.isoformat(), title=nudge.title))
        return SentPlan(event, tuple(followups))
    if template == REFERRAL_REQUEST:
        promised = promised_date(body, today) or add_business_days(today, FOLLOW_UP_AFTER, calendar)
        title = f"Check in with {contact.name} about the introduction"
        followup = FollowUp(contact_id, "follow_up", promised.isoformat(), title=title)
        return SentPlan(event, (followup,))
    return SentPlan(event, ())
