"""Calls: plan one, start (or pick up) one, end one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from ..domain.business_days import add_business_days
from ..domain.outcome import THANK_YOU_TITLE, thank_you_due
from ..domain.pipeline import (
    TELL_REFERRER,
    TELL_REFERRER_AFTER,
    THANK_YOU,
    Event,
    tell_referrer_title,
)
from ..domain.preparation import Step, parse_done, steps_for, stored
from ..domain.three_way import merge_records
from ..models import Medium, Status
from ..models_activity import FollowUp, Interview, Question
from ..store import Store
from .calendar import load_calendar
from .revisions import EditConflict
from .steps import advance, settle
from .undo import NOTHING, Undo, from_text, recorded, to_text
from .undo import undo as reverse


@dataclass(frozen=True, slots=True)
class Plan:
    """An interview as planned: when, how, how long, and the ordered checklist."""

    scheduled_at: str
    medium: Medium
    length_minutes: int
    questions: tuple[Question, ...]


def stored_plan(store: Store, interview: Interview) -> Plan:
    """The plan of *interview* as it is stored (the base a re-plan is made from)."""
    checklist = store.interviews.checklist(interview.id) if interview.id is not None else []
    return Plan(
        scheduled_at=interview.scheduled_at,
        medium=interview.medium,
        length_minutes=interview.length_minutes,
        questions=tuple(Question(text=item.text, id=item.question_id) for item in checklist),
    )


def _same_questions(plan: Plan) -> Plan:
    """*plan* with its questions compared by what they ask (a bank question and the
    checklist's copy of it differ only in their group)."""
    return replace(plan, questions=tuple(Question(text=q.text, id=q.id) for q in plan.questions))


def _merged_checklist(
    base: tuple[Question, ...], mine: tuple[Question, ...], theirs: tuple[Question, ...]
) -> tuple[Question, ...]:
    """Both windows' checklist edits: mine in my order, less what the other window
    took out, then what it added."""

    def key(question: Question) -> str:
        return question.text.casefold()

    was, kept_there, here = {key(q) for q in base}, {key(q) for q in theirs}, set()
    merged = []
    for question in mine:
        if key(question) in kept_there or key(question) not in was:
            merged.append(question)
            here.add(key(question))
    merged += [q for q in theirs if key(q) not in was and key(q) not in here]
    return tuple(merged)


def _against_stored(base: Plan, mine: Plan, stored: Plan) -> Plan:
    """*mine*, re-planned from *base*, merged with what another window saved since:
    the checklists are merged, a field only one side changed takes that side, and a
    field both changed differently raises EditConflict (nothing written)."""
    base, mine, stored = _same_questions(base), _same_questions(mine), _same_questions(stored)
    if stored == base:
        return mine
    questions = _merged_checklist(base.questions, mine.questions, stored.questions)
    merged = merge_records(
        replace(base, questions=questions),
        replace(mine, questions=questions),
        replace(stored, questions=questions),
    )
    if merged.conflicts:
        raise EditConflict(merged.conflicts, merged.value, replace(stored, questions=questions))
    return merged.value


def save_plan(
    store: Store, contact_id: int, plan: Plan, now: datetime, base: Plan | None = None
) -> Interview:
    """Plan the contact's next interview (or re-plan the one already planned).

    A re-plan made from *base* (the plan as the dialog loaded it) is merged with one
    saved in another window meanwhile (see usecases/revisions.py for the rule).
    The contact becomes "scheduled" and the call becomes their next action; a call
    agreed means they answered, so the 3B7 nudges to reach someone else or chase them
    are closed, and a reply not yet recorded is recorded today.
    """
    interviews = store.interviews
    with store.database.transaction():
        planned = interviews.open_for(contact_id)
        if planned is not None and planned.state == "in progress":
            raise CallInProgress(contact_id)
        if planned is not None and planned.id is not None and base is not None:
            plan = _against_stored(base, plan, stored_plan(store, planned))
        if planned is not None and planned.id is not None:
            interviews.update_plan(
                planned.id,
                scheduled_at=plan.scheduled_at,
                medium=plan.medium,
                length_minutes=plan.length_minutes,
            )
            interviews.set_checklist(planned.id, plan.questions)
            interview_id = planned.id
        else:
            created = interviews.create(
                contact_id,
                scheduled_at=plan.scheduled_at,
                medium=plan.medium,
                length_minutes=plan.length_minutes,
                questions=plan.questions,
            )
            assert created.id is not None
            interview_id = created.id
        contact = store.contacts.get(contact_id)
        if contact is not None and not contact.replied_on:
            store.contacts.with_changes(contact_id, replied_on=now.date().isoformat())
        advance(store, contact_id, Event.CALL_PLANNED, now.date())
    saved = interviews.get(interview_id)
    assert saved is not None
    return saved


class CallInProgress(Exception):
    """The contact's call is running: it cannot be re-planned until it ends."""


@dataclass(frozen=True, slots=True)
class CallStarted:
    interview: Interview
    undo: Undo
    """Discarding the call: the planned call as it was, or no call at all."""


def start_call(store: Store, contact_id: int, now: datetime) -> CallStarted:
    """Pick up the call in progress or the planned one, else start a fresh one (30
    minutes by phone); a call with no prepared checklist gets the default questions.
    Returns how to discard it (a call started by mistake)."""
    interviews = store.interviews

    def work() -> Interview:
        with store.database.transaction():
            interview = interviews.open_for(contact_id) or interviews.create(
                contact_id, scheduled_at=now.isoformat(timespec="minutes")
            )
            assert interview.id is not None
            defaults = store.questions.defaults_for(interview.length_minutes)
            return interviews.start(interview.id, now, defaults)

    contact = store.contacts.get(contact_id)
    label = f"Call with {contact.name if contact else 'contact'} discarded"
    interview, undo = recorded(store, label, work)
    assert interview.id is not None
    kept = _discard_of(store, interview.id)
    if kept is None:
        # Its first start: how to discard it is kept with the file, so a call picked up
        # in a later session still goes back to before it began.
        store.call_discards.put(interview.id, to_text(undo))
        return CallStarted(interview, undo)
    # Picked up again: discarding undoes this start, then everything since the first.
    return CallStarted(interview, kept.then(undo, kept.label))


def _discard_of(store: Store, interview_id: int) -> Undo | None:
    text = store.call_discards.get(interview_id)
    return from_text(text) if text is not None else None


def discard_call(store: Store, interview_id: int) -> str | None:
    """Take back a call started by mistake, in this session or an earlier one: the call
    as its first start found it (gone, or planned again) with what was typed during it,
    the contact's status and follow-ups as before (its end undone too). The line to
    show, or None when there is no record of how it began (nothing is changed then)."""
    kept = _discard_of(store, interview_id)
    if kept is None:
        return None
    with store.database.transaction():
        reverse(store, kept, force=True)
        store.call_discards.forget(interview_id)
    return kept.label


@dataclass(frozen=True, slots=True)
class CallEnded:
    interview: Interview
    status: Status
    thank_you_due: str
    """ISO date the thank-you note is due (the day after the call)."""
    undo: Undo = NOTHING
    """Back to the call in progress: status and follow-ups as before it ended."""


def end_call(store: Store, interview_id: int, now: datetime) -> CallEnded:
    """Stop the timer and mark the call held; the contact is "interviewed", the follow-ups
    the call made pointless are closed and a thank-you note is due the next day."""

    def work() -> CallEnded:
        with store.database.transaction():
            interview = store.interviews.end(interview_id, now)
            contact_id = interview.contact_id
            due = thank_you_due(interview.ended_at, now.date())
            owed = [
                f
                for f in store.followups.for_contact(contact_id)
                if f.kind == THANK_YOU and f.due_date == due
            ]
            if not owed:
                store.followups.add(FollowUp(contact_id, THANK_YOU, due, title=THANK_YOU_TITLE))
            if not store.contacts.get_field(contact_id, "replied_on"):
                # A call held is an answer (stats count it as a reply), on the day it
                # started (Interview.happened_at): a call past midnight is the first day's.
                day = interview.happened_at[:10] or now.date().isoformat()
                store.contacts.with_changes(contact_id, replied_on=day)
            status = advance(store, contact_id, Event.CALL_HELD, now.date())
            _tell_the_referrer(store, contact_id, now.date())
        return CallEnded(interview, status, due)

    ended, undo = recorded(store, "Call ended", work)
    kept = _discard_of(store, interview_id)
    if kept is not None:  # discarding the call later undoes its end too
        store.call_discards.put(interview_id, to_text(kept.then(undo, kept.label)))
    return replace(ended, undo=undo)


def _tell_the_referrer(store: Store, contact_id: int, today: date) -> None:
    """Closing the loop: whoever led you to this person hears how it went, a couple of
    business days after the call (once the thank-you is out)."""
    contact = store.contacts.get(contact_id)
    if contact is None or contact.referred_by is None:
        return
    referrer = store.contacts.get(contact.referred_by)
    if referrer is None or referrer.id is None or referrer.archived:
        return
    title = tell_referrer_title(referrer.name, contact.name)
    if any(f.title == title for f in store.followups.for_contact(referrer.id)):
        return
    due = add_business_days(today, TELL_REFERRER_AFTER, load_calendar(store))
    store.followups.add(FollowUp(referrer.id, TELL_REFERRER, due.isoformat(), title=title))
    settle(store, referrer.id, today)


@dataclass(frozen=True, slots=True)
class Preparation:
    interview_id: int
    steps: tuple[Step, ...]
    done: frozenset[str]


def preparation(store: Store, contact_id: int) -> Preparation | None:
    """The preparation checklist of the contact's next call (None when none is open)."""
    interview = store.interviews.open_for(contact_id)
    if interview is None or interview.id is None:
        return None
    done = parse_done(store.interviews.prepared(interview.id))
    return Preparation(interview.id, steps_for(interview.medium), done)


@dataclass(frozen=True, slots=True)
class Prepared:
    done: frozenset[str]
    """The steps now done."""
    undo: Undo


def mark_prepared(store: Store, interview_id: int, key: str, done: bool) -> Prepared:
    """Tick (or untick) one preparation step."""

    def work() -> frozenset[str]:
        with store.database.transaction():
            current = set(parse_done(store.interviews.prepared(interview_id)))
            (current.add if done else current.discard)(key)
            keys = frozenset(current)
            store.interviews.set_prepared(interview_id, stored(keys))
        return keys

    keys, undo = recorded(store, f"{'Ticked' if done else 'Unticked'} {key}", work)
    return Prepared(keys, undo)
