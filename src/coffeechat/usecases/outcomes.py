"""Recording what came out of a call."""

from __future__ import annotations

import json
from datetime import date

from ..domain.business_days import add_business_days
from ..domain.pipeline import INTRODUCTION, INTRODUCTION_CHECK_IN, WRITE_REFERRAL, Event
from ..domain.referrals import WRITE_WITHIN, referral_action
from ..models import Introduction
from ..models_activity import FollowUp, Outcome
from ..store import Store
from ..store.outcomes import Saved
from .calendar import load_calendar
from .revisions import save_against
from .steps import advance, settle

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


def save_outcome(
    store: Store,
    outcome: Outcome,
    today: date,
    base: Outcome | None = None,
    *,
    from_form: bool = False,
) -> Saved:
    """Save (or edit) the outcome of a call in one transaction: referrals become contacts,
    next steps and the thank-you go on the agenda, and the contact moves on as a held call
    moves them (the same rule as ending the call).

    *from_form*: *outcome* was edited from *base* (None: no outcome when the form
    opened); what another window saved meanwhile is merged in, or EditConflict raised
    (revisions.py). Otherwise *outcome* is written as it is.
    """
    interview = store.interviews.get(outcome.interview_id)
    if interview is None:
        raise KeyError(outcome.interview_id)

    def write(value: Outcome) -> Saved:
        saved = store.outcomes.save(value, today=today)
        forget_typed_outcome(store, value.interview_id)
        _introductions_promised(store, interview.contact_id, saved.outcome, today)
        _referrals_to_write(store, interview.contact_id, saved.outcome, today)
        advance(store, interview.contact_id, Event.CALL_HELD, today)
        return saved

    with store.database.transaction():
        now = store.outcomes.for_interview(outcome.interview_id)
        if not from_form:
            return write(outcome)
        if now is not None and base is None:
            # Both windows started a new outcome: the one saved first is the base of its
            # kind and rating; the texts, steps and referrals of both are kept.
            base = Outcome(interview_id=now.interview_id, kind=now.kind, confidence=now.confidence)
        return save_against(
            store, base, outcome, current=lambda: now, write=write, texts=OUTCOME_TEXTS
        )


_TYPED = "outcome_typed."
"""Settings key prefix of the outcome form's text as typed, before it is saved."""


def typed_outcome(store: Store, interview_id: int) -> dict[str, str]:
    """The outcome form's texts as last typed and not saved (the app was closed or
    killed meanwhile); empty when there are none, or when what is stored is not ours."""
    raw = store.settings.get(_TYPED + str(interview_id))
    try:
        texts = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(texts, dict):
        return {}
    return {
        name: text
        for name, text in texts.items()
        if name in OUTCOME_TEXTS and isinstance(text, str)
    }


def keep_typed_outcome(store: Store, interview_id: int, texts: dict[str, str]) -> None:
    """Keep the outcome form's texts as typed so far (autosave; the outcome itself is
    only recorded when the form is saved)."""
    store.settings.set(_TYPED + str(interview_id), json.dumps(texts, ensure_ascii=False))


def forget_typed_outcome(store: Store, interview_id: int) -> None:
    """The form was saved or cancelled: what was typed in it is no longer kept apart."""
    store.settings.delete(_TYPED + str(interview_id))


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


def _referrals_to_write(store: Store, referrer_id: int, outcome: Outcome, today: date) -> None:
    """Each person suggested whom you write to yourself gets a dated next action: the
    intro letter within two business days, or asking the referrer first when the
    question "May I use your name?" was not asked. Once per person and call; the
    answer changed later rewrites the open item's words."""
    referrer = store.contacts.get(referrer_id)
    if referrer is None or outcome.id is None:
        return
    interview = store.interviews.get(outcome.interview_id)
    call_day = (interview.started_at or interview.scheduled_at)[:10] if interview else ""
    due = add_business_days(today, WRITE_WITHIN, load_calendar(store)).isoformat()
    for referral in outcome.referrals:
        if referral.contact_id is None or referral.introduction == Introduction.BY_REFERRER:
            continue
        title = referral_action(referral.name, referrer.name, call_day, referral.introduction)
        existing = [
            f
            for f in store.followups.for_contact(referral.contact_id)
            if f.kind == WRITE_REFERRAL and f.outcome_id == outcome.id
        ]
        if not existing:
            store.followups.add(
                FollowUp(referral.contact_id, WRITE_REFERRAL, due, title, outcome_id=outcome.id)
            )
        elif existing[0].state == "open" and existing[0].title != title and existing[0].id:
            store.followups.retitle(existing[0].id, title)
        settle(store, referral.contact_id, today)
