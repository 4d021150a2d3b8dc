"""The pipeline step every action ends with: status, pointless follow-ups, next action.

Runs inside the caller's transaction, so an action and its effect on the pipeline are
written together or not at all.
"""

from __future__ import annotations

from datetime import date

from ..domain import pipeline
from ..domain.pipeline import Event
from ..models import Status
from ..store import Store


def advance(
    store: Store,
    contact_id: int,
    event: Event,
    today: date,
    *,
    chosen: Status | None = None,
) -> Status:
    """Apply *event* to the contact; *chosen* overrides the status (a hand-picked one).

    Returns the contact's new status.
    """
    current = store.contacts.status_of(contact_id)
    status = chosen if chosen is not None else pipeline.status_after(event, current)
    store.followups.close_kinds(contact_id, pipeline.RULES[event].closes, today.isoformat())
    settle(store, contact_id, today, status=status, event=event)
    return status


def settle(
    store: Store,
    contact_id: int,
    today: date,
    *,
    status: Status | None = None,
    event: Event | None = None,
) -> None:
    """Write the contact's status and recompute its next action from what is open."""
    if status is None:
        status = store.contacts.status_of(contact_id)
    action, due = pipeline.next_action(
        event, status, store.followups.pending_for(contact_id), today
    )
    store.contacts.set_pipeline(contact_id, status, action, due)
