"""The agenda's actions: a follow-up done, snoozed or moved; the next action follows."""

from __future__ import annotations

from datetime import date, datetime

from ..domain.agenda import Agenda, build_agenda
from ..domain.pipeline import KEEP_IN_TOUCH
from ..models_activity import FollowUp, Interaction
from ..store import Store
from .steps import settle
from .undo import Undo, recorded


def _contact_of(store: Store, followup_id: int) -> int:
    followup = store.followups.get(followup_id)
    if followup is None:
        raise KeyError(followup_id)
    return followup.contact_id


def agenda(store: Store, now: datetime, days: int) -> Agenda:
    """What is overdue, due today and coming up in *days*, as the screen and the command
    line show it (the 3B7 nudge names who to write to next at the organization)."""
    return build_agenda(store.followups, now.date(), now, days, store.employers.write_next)


def add_followup(store: Store, followup: FollowUp, today: date) -> FollowUp:
    """Put a follow-up of the user's own on the agenda; it may be the next action now."""
    with store.database.transaction():
        added = store.followups.add(followup)
        settle(store, followup.contact_id, today)
    return added


def complete_followup(store: Store, followup_id: int, now: datetime) -> Undo:
    """Done. A keep-in-touch item done means you were in touch today: the next one is
    due an interval from now. Returns how to undo it."""
    followup = store.followups.get(followup_id)
    if followup is None:
        raise KeyError(followup_id)

    def work() -> None:
        with store.database.transaction():
            store.followups.done(followup_id, now.isoformat(timespec="seconds"))
            if followup.kind == KEEP_IN_TOUCH:
                store.interactions.add(
                    Interaction(followup.contact_id, "touch", now.date().isoformat())
                )
            settle(store, followup.contact_id, now.date())

    return recorded(store, f"Done: {followup.title}", work)[1]


def reopen_followup(store: Store, followup_id: int, today: date) -> Undo:
    def work() -> None:
        with store.database.transaction():
            store.followups.reopen(followup_id)
            settle(store, _contact_of(store, followup_id), today)

    return recorded(store, "Reopened", work)[1]


def reschedule_followup(store: Store, followup_id: int, due_date: str, today: date) -> Undo:
    """Move the follow-up to *due_date* (snoozing is moving to a later day); reopens it.
    Returns how to undo it."""
    followup = store.followups.get(followup_id)
    title = followup.title if followup else "follow-up"

    def work() -> None:
        with store.database.transaction():
            store.followups.reschedule(followup_id, due_date)
            settle(store, _contact_of(store, followup_id), today)

    return recorded(store, f"Moved to {due_date}: {title}", work)[1]
