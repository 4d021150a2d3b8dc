"""Letters: which one a contact's stage calls for, and the values that fill it."""

from __future__ import annotations

from datetime import date

from ..domain.outreach import placeholder_values, template_for_stage
from ..domain.pipeline import TELL_REFERRER
from ..domain.templates import INTRO
from ..models import Contact
from ..store import Store
from .calendar import load_calendar
from .profile import load_profile


def stage_letter(store: Store, contact: Contact) -> str:
    """The template ``d`` opens for *contact*: the one their stage calls for."""
    owes_update = any(
        f.kind == TELL_REFERRER
        for f in store.followups.for_contact(contact.id or 0, open_only=True)
    )
    return template_for_stage(contact, owes_update=owes_update)


def referrer_to_name(store: Store, contact: Contact) -> str:
    """Who suggested *contact*, for the letter; "" unless the referrer said yes."""
    if contact.referred_by is None or not store.outcomes.may_name_referrer(contact.id or 0):
        return ""
    referrer = store.contacts.get(contact.referred_by)
    return referrer.name if referrer else ""


def letter_values(store: Store, contact: Contact, today: date) -> dict[str, str]:
    """Every placeholder's value for a letter to *contact* today, read fresh (the
    profile saved a moment ago included)."""
    contact_id = contact.id or 0
    letter = store.drafts.last_sent(contact_id, INTRO)
    call = store.followups.last_call_date(contact_id)
    outcomes = store.outcomes.for_contact(contact_id)
    to_tell = store.advice.to_tell(contact_id)
    read = [a.title for a in store.articles.for_contact(contact_id) if a.is_read and a.title]
    return placeholder_values(
        referred_by=referrer_to_name(store, contact),
        outcome=outcomes[-1] if outcomes else None,
        profile=load_profile(store),
        contact=contact,
        today=today,
        letter_date=date.fromisoformat(letter.sent_at[:10]) if letter else None,
        call_date=date.fromisoformat(call) if call else None,
        calendar=load_calendar(store),
        talked_to=to_tell.talked_to if to_tell else store.history.latest_referred_call(contact_id),
        advice_acted_on=to_tell.every_piece if to_tell else (),
        read_article=read[-1] if read else "",
    )
