"""Letters and replies: marking a draft sent, recording that someone answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain.outreach import SentPlan, plan_for_sent
from ..domain.pipeline import Event
from ..models import Contact, Draft, Status
from ..store import Store
from .steps import advance, settle


@dataclass(frozen=True, slots=True)
class Sent:
    draft: Draft
    plan: SentPlan
    status: Status


def mark_sent(store: Store, draft: Draft, contact: Contact, now: datetime) -> Sent:
    """Log *draft* as sent now, exactly as written; schedule what it promised and move
    the contact along (an intro letter: "letter sent" and the 3B7 nudges; a thank-you:
    "thanked", the thank-you off the agenda; a follow-up: "follow-up due")."""
    assert contact.id is not None
    today = now.date()
    plan = plan_for_sent(draft.template, draft.body, contact, today)
    with store.database.transaction():
        sent = store.drafts.mark_sent(
            draft, sent_at=now.isoformat(timespec="seconds"), followups=plan.followups
        )
        if plan.event is not None:
            status = advance(store, contact.id, plan.event, today)
        else:
            settle(store, contact.id, today)
            status = store.contacts.status_of(contact.id)
    return Sent(sent, plan, status)


@dataclass(frozen=True, slots=True)
class ReplyRecorded:
    contact: Contact
    closed: int
    """Follow-ups the reply made pointless (reach a second person, chase them)."""


def record_reply(store: Store, contact_id: int, today: date) -> ReplyRecorded:
    """The person answered today: stats count the reply, the 3B7 nudges are closed and
    scheduling the call becomes the next action."""
    with store.database.transaction():
        open_before = len(store.followups.for_contact(contact_id, open_only=True))
        store.contacts.with_changes(contact_id, replied_on=today.isoformat())
        advance(store, contact_id, Event.REPLY, today)
        closed = open_before - len(store.followups.for_contact(contact_id, open_only=True))
        contact = store.contacts.get(contact_id)
    assert contact is not None
    return ReplyRecorded(contact, closed)
