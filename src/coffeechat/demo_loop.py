"""Demo data for closing the loop: advice acted on from a referred contact's call.

(Kept beside demo.py, which holds the rest of the sample set.)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from .domain.business_days import add_business_days
from .models import Contact, OutcomeKind
from .models_activity import Outcome
from .store import Store
from .usecases.advice import mark_advice_acted_on
from .usecases.calls import end_call, start_call
from .usecases.contacts import save_contact
from .usecases.followups import complete_followup
from .usecases.outcomes import save_outcome

YUSUF_ADVICE = (
    "- Take the RAPS course on regulatory fundamentals\n"
    "- Ask for a shadowing day with the submissions team"
)


def close_the_loop(store: Store, referrer: Contact, referred: Contact, now: datetime) -> None:
    """*referrer* led you to *referred*; the call with them three weeks ago gave two
    pieces of advice; the referrer heard how the call went, and today the first piece
    was acted on, so telling the referrer is on the agenda again."""
    assert referrer.id is not None and referred.id is not None
    current = store.contacts.get(referred.id)
    assert current is not None
    save_contact(store, replace(current, referred_by=referrer.id))
    started = now - timedelta(days=21)
    interview = start_call(store, referred.id, started).interview
    assert interview.id is not None
    end_call(store, interview.id, started + timedelta(minutes=24))
    saved = save_outcome(
        store,
        Outcome(
            interview.id,
            OutcomeKind.FOLLOW_UP_SCHEDULED,
            learned="Regulatory work is writing for a reader who checks every claim.",
            advice=YUSUF_ADVICE,
            confidence=4,
        ),
        started.date(),
    )
    told = datetime.combine(add_business_days(started.date(), 2), started.time())
    for item in store.followups.for_contact(referrer.id, open_only=True):
        if item.kind == "tell_referrer" and item.id is not None:
            complete_followup(store, item.id, told)
    assert saved.outcome.id is not None
    first = "Take the RAPS course on regulatory fundamentals"
    mark_advice_acted_on(store, saved.outcome.id, first, now)
