"""Letters and replies: marking a draft sent, recording that someone answered."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from ..domain.business_days import add_business_days
from ..domain.outreach import SentPlan, plan_for_sent
from ..domain.pipeline import REPLY_EVENTS, THANK_YOU, due_after_return
from ..domain.templates import NOTE_LIMITS, blank_problem
from ..domain.three_way import merge_text
from ..models import Contact, ReplyKind, Status
from ..models_activity import Draft, FollowUp, Interaction, Referral
from ..store import Store
from .calendar import load_calendar
from .steps import advance, settle
from .undo import NOTHING, Undo, recorded


class Unfilled(ValueError):
    """The letter still has a placeholder with no value: it cannot go out as it is. The
    message is one line naming the value and where it is filled."""


def unfilled(draft: Draft) -> str | None:
    """Why *draft* cannot be copied or sent yet (one line), or None when it can."""
    return blank_problem(draft.subject + "\n" + draft.body)


@dataclass(frozen=True, slots=True)
class Sent:
    draft: Draft
    plan: SentPlan
    status: Status
    undo: Undo = NOTHING


@dataclass(frozen=True)
class DraftSaved:
    """A letter saved; *merged* when another window's changes were merged in (the
    editor then shows the saved text), *clashed* naming what both changed differently
    (the body keeps both passages; the subject keeps mine, *their_subject* theirs)."""

    draft: Draft
    merged: bool = False
    clashed: tuple[str, ...] = ()
    their_subject: str = ""


def save_draft(store: Store, draft: Draft, base: Draft | None) -> DraftSaved:
    """Save the working letter typed from *base* (the draft as the editor loaded or last
    saved it; None: none existed), merged with what another window saved meanwhile."""
    with store.database.transaction():
        if draft.id is not None:
            now = store.drafts.get(draft.id)
        else:
            now = store.drafts.working(draft.contact_id, draft.template)
        if now is None or now.sent_at:
            return DraftSaved(store.drafts.save(replace(draft, id=None)))
        was = base or Draft(contact_id=draft.contact_id, template=draft.template)
        if (now.subject, now.body) == (was.subject, was.body):
            return DraftSaved(store.drafts.save(replace(draft, id=now.id)))
        body, body_clash = merge_text(was.body, draft.body, now.body)
        subject, subject_clash = draft.subject, False
        if draft.subject == was.subject:
            subject = now.subject
        elif now.subject not in (was.subject, draft.subject):
            subject_clash = True
        saved = store.drafts.save(replace(draft, id=now.id, subject=subject, body=body))
        clashed = (("body",) if body_clash else ()) + (("subject",) if subject_clash else ())
        return DraftSaved(saved, True, clashed, now.subject if subject_clash else "")


def mark_sent(store: Store, draft: Draft, contact: Contact, now: datetime) -> Sent:
    """Log *draft* as sent now, exactly as written; schedule what it promised and move
    the contact along (an intro letter: "letter sent" and the 3B7 nudges; a thank-you:
    "thanked", the thank-you off the agenda; a follow-up: "follow-up due")."""
    assert contact.id is not None
    problem = unfilled(draft)
    if problem is not None:
        raise Unfilled(problem)
    today = now.date()
    plan = plan_for_sent(draft.template, draft.body, contact, today, load_calendar(store))

    def work() -> Sent:
        with store.database.transaction():
            sent = store.drafts.mark_sent(
                draft, sent_at=now.isoformat(timespec="seconds"), followups=plan.followups
            )
            if plan.event is not None:
                status = advance(store, contact.id or 0, plan.event, today)
            else:
                settle(store, contact.id or 0, today)
                status = store.contacts.status_of(contact.id or 0)
        return Sent(sent, plan, status)

    done, undo = recorded(store, f"Marked sent: {draft.template.replace('_', ' ')}", work)
    return replace(done, undo=undo)


@dataclass(frozen=True, slots=True)
class ReplyRecorded:
    contact: Contact
    kind: ReplyKind
    closed: int
    """Follow-ups the reply made pointless (reach a second person, chase them…)."""
    moved: int = 0
    """Follow-ups moved past an out-of-office return date."""
    referral: Contact | None = None
    """The person a referral-only reply pointed to (new, or already known)."""
    interaction_id: int | None = None
    """The reply as logged."""


def record_reply(
    store: Store,
    contact_id: int,
    today: date,
    kind: ReplyKind = ReplyKind.POSITIVE,
    *,
    back_on: date | None = None,
    referral: Referral | None = None,
    note: str = "",
) -> ReplyRecorded:
    """The person answered today, in one of four ways.

    - positive: the 3B7 nudges close and scheduling the call is the next action;
    - referral only ("talk to X instead"): the nudges close, X becomes a contact referred
      by them, and a thank-you for the pointer is due the next business day;
    - declined: every follow-up closes and they leave the agenda;
    - out of office until *back_on*: not a reply; the nudges move past the return date.

    *note* is what the timeline says of it (the subject of a reply noticed in the mail).
    """
    calendar = load_calendar(store)
    if kind is ReplyKind.OUT_OF_OFFICE and back_on is None:
        raise ValueError("an out-of-office reply needs the day they are back")
    if kind is ReplyKind.REFERRAL_ONLY and (referral is None or not referral.name.strip()):
        raise ValueError("a referral-only reply needs the name of the person to talk to")
    with store.database.transaction():
        open_before = store.followups.for_contact(contact_id, open_only=True)
        logged = store.interactions.add(
            Interaction(
                contact_id,
                str(kind),
                today.isoformat(),
                back_on=back_on.isoformat() if back_on else "",
                note=note,
            )
        )
        moved = 0
        if kind is ReplyKind.OUT_OF_OFFICE:
            assert back_on is not None
            for followup in open_before:
                due = date.fromisoformat(followup.due_date)
                new_due = due_after_return(followup.kind, due, back_on, calendar)
                if new_due != due and followup.id is not None:
                    store.followups.reschedule(followup.id, new_due.isoformat())
                    moved += 1
        elif not store.contacts.get_field(contact_id, "replied_on"):
            store.contacts.with_changes(contact_id, replied_on=today.isoformat())
        pointed_to = None
        if kind is ReplyKind.REFERRAL_ONLY and referral is not None:
            pointed_to = _referred_contact(store, contact_id, referral)
            store.followups.add(
                FollowUp(
                    contact_id,
                    THANK_YOU,
                    add_business_days(today, 1, calendar).isoformat(),
                    title=f"Thank them for pointing you to {pointed_to.name}",
                )
            )
        advance(store, contact_id, REPLY_EVENTS[kind], today)
        closed = len(open_before) - len(store.followups.for_contact(contact_id, open_only=True))
        contact = store.contacts.get(contact_id)
    assert contact is not None
    return ReplyRecorded(contact, kind, max(closed, 0), moved, pointed_to, logged.id)


def noticed_reply(store: Store, contact_id: int) -> Interaction | None:
    """The contact's latest reply, when it was noticed in the mail rather than typed in
    (its kind is then the user's to change)."""
    replies = [i for i in store.interactions.for_contact(contact_id) if i.kind != "touch"]
    if not replies or replies[-1].id is None or not store.mail.from_mail(replies[-1].id):
        return None
    return replies[-1]


def change_noticed_reply(
    store: Store,
    contact_id: int,
    kind: ReplyKind,
    *,
    back_on: date | None = None,
    referral: Referral | None = None,
) -> ReplyRecorded | None:
    """Record the reply noticed in the mail again as *kind* (the same day and subject),
    in place of the positive or out-of-office one the scan took it for; None when the
    latest reply was not noticed in the mail."""
    old = noticed_reply(store, contact_id)
    if old is None or old.id is None:
        return None
    with store.database.transaction():
        store.interactions.delete(old.id)
        recorded = record_reply(
            store,
            contact_id,
            date.fromisoformat(old.day),
            kind,
            back_on=back_on,
            referral=referral,
            note=old.note,
        )
        if recorded.interaction_id is not None:
            store.mail.retake(old.id, recorded.interaction_id)
    return recorded


def _referred_contact(store: Store, referrer_id: int, referral: Referral) -> Contact:
    """The contact a referral names: someone already known, else a new contact."""
    known = store.contacts.find_match(
        email=referral.email,
        url=referral.url,
        name=referral.name,
        organization=referral.organization,
    )
    if known is not None:
        found = store.contacts.get(known)
        assert found is not None
        return found
    return store.contacts.add(
        Contact(
            name=referral.name.strip(),
            organization=referral.organization.strip(),
            email=referral.email.strip(),
            url=referral.url.strip(),
            how_found="referral",
            referred_by=referrer_id,
            next_action="Write an intro letter (referral)",
        )
    )


def log_touch(store: Store, contact_id: int, today: date, note: str = "") -> Contact:
    """A coffee, a message, a congratulation: keeping in touch counts from today."""
    with store.database.transaction():
        store.interactions.add(Interaction(contact_id, "touch", today.isoformat(), note=note))
        settle(store, contact_id, today)
        contact = store.contacts.get(contact_id)
    assert contact is not None
    return contact


NOTE_LIMIT = "linkedin.note_limit"
"""Settings key: 200 or 300, the characters a LinkedIn connection note may have."""


def note_limit(store: Store) -> int:
    """The user's connection-note limit (200 unless they chose 300)."""
    value = store.settings.get(NOTE_LIMIT)
    return int(value) if value in {str(n) for n in NOTE_LIMITS} else NOTE_LIMITS[0]


def set_note_limit(store: Store, limit: int) -> None:
    if limit not in NOTE_LIMITS:
        raise ValueError(
            f"a connection note allows {NOTE_LIMITS[0]} or {NOTE_LIMITS[1]} characters"
        )
    store.settings.set(NOTE_LIMIT, str(limit))
