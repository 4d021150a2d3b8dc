"""Recording what came out of a call."""

from __future__ import annotations

from datetime import date

from ..domain.business_days import add_business_days
from ..domain.pipeline import INTRODUCTION, INTRODUCTION_CHECK_IN, Event
from ..models import FollowUp, Introduction, Outcome
from ..store import Store
from ..store.outcomes import Saved
from .calendar import load_calendar
from .revisions import save_against
from .steps import advance

OUTCOME_TEXTS = (
    "learned",
    "skills",
    "advice",
    "resources",
    "assignments",
    "went_well",
    "do_differently",
)
"""The outcome's free-text fields: merged line by line when two windows both edit one."""


def save_outcome(store: Store, outcome: Outcome, today: date, base: Outcome | None = None) -> Saved:
    """Save (or edit) the outcome of a call in one transaction: referrals become contacts,
    next steps and the thank-you go on the agenda, and the contact moves on as a held call
    moves them (the same rule as ending the call).

    The form's *outcome* was edited from *base* (None: no outcome when it opened); what
    another window saved meanwhile is merged in, or EditConflict raised (revisions.py).
    """
    interview = store.interviews.get(outcome.interview_id)
    if interview is None:
        raise KeyError(outcome.interview_id)

    def write(value: Outcome) -> Saved:
        saved = store.outcomes.save(value, today=today)
        _introductions_promised(store, interview.contact_id, saved.outcome, today)
        advance(store, interview.contact_id, Event.CALL_HELD, today)
        return saved

    with store.database.transaction():
        now = store.outcomes.for_interview(outcome.interview_id)
        if now is not None and base is None:
            # Both windows started a new outcome: the one saved first is the base of its
            # kind and rating; the texts, steps and referrals of both are kept.
            base = Outcome(interview_id=now.interview_id, kind=now.kind, confidence=now.confidence)
        return save_against(
            store, base, outcome, current=lambda: now, write=write, texts=OUTCOME_TEXTS
        )


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
