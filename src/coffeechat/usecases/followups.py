"""The agenda's actions: a follow-up done, snoozed or moved; the next action follows."""

from __future__ import annotations

from datetime import date, datetime

from ..models import FollowUp
from ..store import Store
from .steps import settle


def _contact_of(store: Store, followup_id: int) -> int:
    followup = store.followups.get(followup_id)
    if followup is None:
        raise KeyError(followup_id)
    return followup.contact_id


def add_followup(store: Store, followup: FollowUp, today: date) -> FollowUp:
    """Put a follow-up of the user's own on the agenda; it may be the next action now."""
    with store.database.transaction():
        added = store.followups.add(followup)
        settle(store, followup.contact_id, today)
    return added


def complete_followup(store: Store, followup_id: int, now: datetime) -> None:
    with store.database.transaction():
        store.followups.done(followup_id, now.isoformat(timespec="seconds"))
        settle(store, _contact_of(store, followup_id), now.date())


def reopen_followup(store: Store, followup_id: int, today: date) -> None:
    with store.database.transaction():
        store.followups.reopen(followup_id)
        settle(store, _contact_of(store, followup_id), today)


def reschedule_followup(store: Store, followup_id: int, due_date: str, today: date) -> None:
    """Move the follow-up to *due_date* (snoozing is moving to a later day); reopens it."""
    with store.database.transaction():
        store.followups.reschedule(followup_id, due_date)
        settle(store, _contact_of(store, followup_id), today)
