"""Contacts: saving the form, moving a contact in the pipeline by hand, archiving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.pipeline import EVENT_FOR_CHOSEN_STATUS, met_statuses, parse_tag_intervals
from ..models import Contact, Status
from ..store import Store
from .revisions import add_or_save
from .steps import TAG_INTERVALS, advance, settle
from .undo import Undo, recorded


def save_contact(store: Store, contact: Contact, base: Contact | None = None) -> Contact:
    """Add a new contact or save an edited one (as the form has it: a next action typed
    there is kept until the next pipeline event). An edit made from *base* (the contact
    as the form loaded it) is merged with changes made elsewhere meanwhile, or raises
    EditConflict (see usecases/revisions.py)."""
    return add_or_save(store, store.contacts, contact, base)


@dataclass(frozen=True, slots=True)
class StatusChanged:
    contact: Contact
    undo: Undo


def change_status(store: Store, contact_id: int, status: Status, today: date) -> StatusChanged:
    """Put the contact at *status* by hand.

    Choosing "thanked", "no reply" or "declined" means that happened outside the app, so
    it has the event's effect too (the thank-you leaves the agenda; a closed pipeline
    closes every open follow-up). The next action is recomputed from what stays open;
    with nothing open, a next action typed in the form is kept.
    """

    def work() -> Contact:
        with store.database.transaction():
            event = EVENT_FOR_CHOSEN_STATUS.get(status)
            if event is not None:
                advance(store, contact_id, event, today, chosen=status)
            else:
                settle(store, contact_id, today, status=status, keep_typed=True)
            contact = store.contacts.get(contact_id)
        assert contact is not None
        return contact

    contact, undo = recorded(store, f"Status “{status}”", work)
    return StatusChanged(contact, undo)


def _name(store: Store, contact_id: int) -> str:
    contact = store.contacts.get(contact_id)
    return contact.name if contact else "contact"


def set_archived(store: Store, contact_id: int, archived: bool) -> Undo:
    label = f"{'Archived' if archived else 'Restored'} {_name(store, contact_id)}"
    return recorded(store, label, lambda: store.contacts.set_archived(contact_id, archived))[1]


def delete_contact(store: Store, contact_id: int) -> Undo:
    """Forget the person and everything about them (see ``Contacts.forget``)."""
    label = f"Deleted {_name(store, contact_id)}"
    return recorded(store, label, lambda: store.contacts.forget(contact_id))[1]


def set_tag_intervals(store: Store, text: str, today: date) -> dict[str, int]:
    """Store keep-in-touch intervals by tag (``alumni=60, friend=30``); ValueError names a
    bad entry and stores nothing. Everyone you have met gets their rhythm updated."""
    intervals = parse_tag_intervals(text)
    with store.database.transaction():
        store.settings.set(TAG_INTERVALS, ", ".join(f"{t}={d}" for t, d in intervals.items()))
        for contact_id in store.contacts.ids_with_status(met_statuses()):
            settle(store, contact_id, today)
    return intervals
