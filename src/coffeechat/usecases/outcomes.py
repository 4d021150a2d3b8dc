"""Recording what came out of a call."""

from __future__ import annotations

from datetime import date

from ..domain.pipeline import Event
from ..models import Outcome
from ..store import Store
from ..store.outcomes import Saved
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
        advance(store, interview.contact_id, Event.CALL_HELD, today)
    return saved
