"""Recording what came out of a call."""

from __future__ import annotations

from datetime import date

from ..domain.business_days import add_business_days
from ..domain.pipeline import INTRODUCTION, INTRODUCTION_CHECK_IN, Event
from ..models import FollowUp, Introduction, Outcome
from ..store import Store
from ..store.outcomes import Saved
from .calendar import load_calendar
from .steps import advance


def save_outcome(store: Store, outcome: Outcome, today: date) -> Saved:
    """Save (or edit) the outcome of a call in one transaction: referrals become contacts,
    next steps and the thank-you go on the agenda, and the contact moves on as a held call
    moves them (the same rule as ending the call)."""
    interview = store.interviews.get(outcome.interview_id)
    if interview is None:
        raise KeyError(outcome.interview_id)
    with store.database.transaction():
        saved = store.outcomes.save(outcome, today=today)
        _introductions_promised(store, interview.contact_id, saved.outcome, today)
        advance(store, interview.contact_id, Event.CALL_HELD, today)
    return saved


def _introductions_promised(store: Store, referrer_id: int, outcome: Outcome, today: date) -> None:
    """When they said they would make an introduction themselves, check in with them
    about it a week or so later (once per person)."""
    referrer = store.contacts.get(referrer_id)
    if referrer is None:
        return
    existing = {f.title for f in store.followups.for_contact(referrer_id)}
    due = add_business_days(today, INTRODUCTION_CHECK_IN, load_calendar(store)).isoformat()
    for referral in outcome.referrals:
        if referral.introduction != Introduction.BY_REFERRER:
            continue
        title = f"Check in with {referrer.name} about the introduction to {referral.name}"
        if title not in existing:
            store.followups.add(FollowUp(referrer_id, INTRODUCTION, due, title=title))
