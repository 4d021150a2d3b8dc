"""The agenda's actions: a follow-up done, snoozed or moved; the next action follows."""

from __future__ import annotations

from datetime import date, datetime

from ..store import Store
from .steps import settle


def _contact_of(store: Store, followup_id: int) -> int:
    followup = store.followups.get(followup_id)
    if followup is None:
        raise KeyError(followup_id)
    return followup.contact_id


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
