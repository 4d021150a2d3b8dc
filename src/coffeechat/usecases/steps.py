"""The pipeline step every action ends with: status, pointless follow-ups, next action.

Runs inside the caller's transaction, so an action and its effect on the pipeline are
written together or not at all.
"""

from __future__ import annotations

from datetime import date, timedelta

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
    keep_typed: bool = False,
) -> None:
    """Write the contact's status, keep their keep-in-touch follow-up current, and
    recompute the next action from what is open.

    *keep_typed*: with nothing open, a next action the user typed stays as it is (a
    status picked by hand says nothing about what to do next).
    """
    if status is None:
        status = store.contacts.status_of(contact_id)
    _keep_in_touch(store, contact_id, status, today)
    pending = store.followups.pending_for(contact_id)
    if keep_typed and not pending:
        current = store.contacts.get(contact_id)
        if current is not None and (current.next_action or current.next_action_date):
            store.contacts.set_pipeline(
                contact_id, status, current.next_action, current.next_action_date
            )
            return
    action, due = pipeline.next_action(event, status, pending, today)
    store.contacts.set_pipeline(contact_id, status, action, due)


TAG_INTERVALS = "keep_in_touch.tags"
"""Settings key: keep-in-touch days per tag, ``alumni=60, friend=30``."""


def tag_intervals(store: Store) -> dict[str, int]:
    try:
        return pipeline.parse_tag_intervals(store.settings.get(TAG_INTERVALS))
    except ValueError:
        return {}


def _keep_in_touch(store: Store, contact_id: int, status: Status, today: date) -> None:
    """One open "keep in touch" follow-up, due an interval after the last interaction."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return
    days = pipeline.keep_in_touch_interval(
        status, contact.keep_in_touch_days, contact.tags, tag_intervals(store)
    )
    if days is None:
        store.followups.set_keep_in_touch(contact_id, None)
        return
    last_day, what = store.history.last_interaction(contact_id)
    start = date.fromisoformat(last_day) if last_day else today
    due = (start + timedelta(days=days)).isoformat()
    store.followups.set_keep_in_touch(contact_id, due, pipeline.keep_in_touch_title(what, last_day))
