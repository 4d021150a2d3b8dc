"""The pipeline rules: every status classified, and each event doing what happened, with
the list, the agenda and the exports agreeing after every step."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time

import pytest

from coffeechat.domain import pipeline
from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.pipeline import Event
from coffeechat.models import Contact, Medium, OutcomeKind, Status
from coffeechat.models_activity import Draft, NextStep, Outcome
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, end_call, save_plan, start_call
from coffeechat.usecases.contacts import change_status
from coffeechat.usecases.exchange import export_text
from coffeechat.usecases.followups import complete_followup
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import mark_sent, record_reply

MONDAY = datetime(2026, 3, 16, 10, 30)


# --- the table ----------------------------------------------------------------------------


def test_every_status_is_classified() -> None:
    assert set(pipeline.STATUSES) == set(Status)
    assert tuple(Status) == pipeline.ORDER
    shorts = [info.short for info in pipeline.STATUSES.values()]
    assert len(set(shorts)) == len(shorts), "two statuses share a short label"
    open_stages = [pipeline.info(s).stage for s in pipeline.ORDER if pipeline.info(s).active]
    assert open_stages == sorted(open_stages), "active statuses are listed in pipeline order"
    for status in Status:
        info = pipeline.info(status)
        assert info.active == (info.stage >= 0), status
        assert bool(info.default_next) == info.active, status


def test_every_event_has_a_rule() -> None:
    assert set(pipeline.RULES) == set(Event)
    for rule in pipeline.RULES.values():
        assert rule.closes <= pipeline.ALL_KINDS


def test_events_move_forward_and_reopen_a_closed_pipeline() -> None:
    assert pipeline.status_after(Event.CALL_HELD, Status.SCHEDULED) is Status.INTERVIEWED
    assert pipeline.status_after(Event.CALL_HELD, Status.DECLINED) is Status.INTERVIEWED
    assert pipeline.status_after(Event.CALL_HELD, Status.THANKED) is Status.THANKED
    assert pipeline.status_after(Event.REPLY, Status.KEEP_IN_TOUCH) is Status.KEEP_IN_TOUCH
    assert pipeline.status_after(Event.REPLY, Status.NO_REPLY) is Status.LETTER_SENT
    # A new call can be planned with someone already met.
    assert pipeline.status_after(Event.CALL_PLANNED, Status.THANKED) is Status.SCHEDULED
    assert pipeline.status_after(Event.DECLINED, Status.SCHEDULED) is Status.DECLINED


def test_next_action_is_the_soonest_open_item() -> None:
    today = date(2026, 3, 16)
    pending = [pipeline.Pending("B", "2026-03-20"), pipeline.Pending("A", "2026-03-18")]
    assert pipeline.next_action(None, Status.LETTER_SENT, pending, today) == ("A", "2026-03-18")
    # An event's suggestion competes on its date.
    assert pipeline.next_action(Event.REPLY, Status.LETTER_SENT, pending, today) == (
        "Schedule the call",
        "2026-03-16",
    )
    assert pipeline.next_action(None, Status.TO_CONTACT, [], today) == (
        "Write an intro letter",
        "",
    )
    assert pipeline.next_action(Event.DECLINED, Status.DECLINED, pending, today) == ("", "")


# --- the journey through a real database ------------------------------------------------


def _contact(store: Store, name: str = "Maria Okafor") -> Contact:
    return store.contacts.add(
        Contact(name=name, organization="Northbridge Biologics", email=f"{name[0]}@nb.example")
    )


def _send(store: Store, contact_id: int, template: str, when: datetime) -> None:
    contact = store.contacts.get(contact_id)
    assert contact is not None
    draft = store.drafts.save(Draft(contact_id, template, body="Would you have 20 minutes?"))
    mark_sent(store, draft, contact, when)


def _open(store: Store, contact_id: int) -> list[tuple[str, str]]:
    return [(f.kind, f.due_date) for f in store.followups.for_contact(contact_id, open_only=True)]


def assert_everything_agrees(store: Store, contact_id: int, today: date) -> Contact:
    """The list row, the agenda and every export tell the same story about the contact."""
    contact = store.contacts.get(contact_id)
    assert contact is not None
    row = next(r for r in store.contacts.rows(include_archived=True) if r.id == contact_id)
    assert (row.status, row.next_action_date) == (str(contact.status), contact.next_action_date)

    now = datetime.combine(today, time(0, 0))
    agenda = build_agenda(store.followups, today, now, days=400)
    items = [i for _, section in agenda.sections() for i in section if i.contact_id == contact_id]
    if not pipeline.info(contact.status).active:
        assert items == [], "a closed pipeline is off the agenda"
        assert (contact.next_action, contact.next_action_date) == ("", "")
    for item in items:
        assert item.when[:10] >= contact.next_action_date, (item, contact.next_action_date)
        if item.title == contact.next_action:
            assert item.when[:10] == contact.next_action_date

    exported = next(
        r
        for r in csv.DictReader(io.StringIO(export_text(store, "csv")))
        if r["Name"] == contact.name
    )
    assert (exported["Status"], exported["Next action"], exported["Next action date"]) == (
        str(contact.status),
        contact.next_action,
        contact.next_action_date,
    )
    document = json.loads(export_text(store, "json"))
    backup = next(c for c in document["contacts"] if c["id"] == contact_id)
    assert (backup["status"], backup["next_action_date"]) == (
        str(contact.status),
        contact.next_action_date,
    )
    ics = export_text(store, "ics", now=now)
    for followup in store.followups.for_contact(contact_id):
        uid = f"followup-{followup.id}@{contact.uid}"  # the same UID as in the vdir
        block = ics.split(f"UID:{uid}", 1)[1].split("END:VTODO")[0]
        assert ("STATUS:COMPLETED" in block) == (followup.state == "done"), followup
    return contact


def test_the_whole_pipeline_step_by_step(store: Store) -> None:
    maria = _contact(store)
    assert maria.id is not None
    mid = maria.id

    # Letter sent: the 3B7 nudges, the soonest one next.
    _send(store, mid, "intro_letter", MONDAY)
    contact = assert_everything_agrees(store, mid, MONDAY.date())
    assert contact.status is Status.LETTER_SENT
    assert _open(store, mid) == [("second_person", "2026-03-19"), ("follow_up", "2026-03-25")]
    assert contact.next_action_date == "2026-03-19"

    # A reply: nobody to reach instead, nobody to chase; schedule the call.
    tuesday = date(2026, 3, 17)
    recorded = record_reply(store, mid, tuesday)
    assert recorded.closed == 2
    contact = assert_everything_agrees(store, mid, tuesday)
    assert _open(store, mid) == []
    assert contact.replied_on == "2026-03-17"
    assert (contact.next_action, contact.next_action_date) == ("Schedule the call", "2026-03-17")

    # The call planned: scheduled, the call is the next action.
    plan = Plan("2026-03-20T14:00", Medium.PHONE, 30, tuple(store.questions.defaults()[:3]))
    save_plan(store, mid, plan, datetime(2026, 3, 18, 9, 0))
    contact = assert_everything_agrees(store, mid, date(2026, 3, 18))
    assert contact.status is Status.SCHEDULED
    assert (contact.next_action, contact.next_action_date) == ("Phone call, 30 min", "2026-03-20")

    # The call held: interviewed, a thank-you due the next day.
    start_call(store, mid, datetime(2026, 3, 20, 14, 0))
    ended = end_call(store, store.interviews.open_for(mid).id, datetime(2026, 3, 20, 14, 28))  # type: ignore[union-attr]
    assert (ended.status, ended.thank_you_due) == (Status.INTERVIEWED, "2026-03-21")
    contact = assert_everything_agrees(store, mid, date(2026, 3, 20))
    assert _open(store, mid) == [("thank_you", "2026-03-21")]
    assert contact.next_action_date == "2026-03-21"

    # The outcome: still interviewed, still one thank-you, the next step on the agenda.
    outcome = Outcome(
        interview_id=ended.interview.id or 0,
        kind=OutcomeKind.NO_REFERRAL,
        next_steps=(NextStep("Read the FDA guidance", "2026-04-01"),),
    )
    save_outcome(store, outcome, date(2026, 3, 20))
    save_outcome(store, outcome, date(2026, 3, 20))  # saving again changes nothing
    contact = assert_everything_agrees(store, mid, date(2026, 3, 20))
    assert contact.status is Status.INTERVIEWED
    assert _open(store, mid) == [("thank_you", "2026-03-21"), ("next_step", "2026-04-01")]

    # The thank-you sent: thanked, the thank-you off the agenda; keeping in touch starts
    # (about three months after this last letter), and the next step is next.
    _send(store, mid, "thank_you", datetime(2026, 3, 20, 18, 0))
    contact = assert_everything_agrees(store, mid, date(2026, 3, 20))
    assert contact.status is Status.THANKED
    assert _open(store, mid) == [("next_step", "2026-04-01"), ("keep_in_touch", "2026-06-19")]
    assert contact.next_action_date == "2026-04-01"

    # With the next step done, keeping in touch is what is left.
    step = store.followups.for_contact(mid, open_only=True)[0]
    complete_followup(store, step.id or 0, datetime(2026, 3, 30, 9, 0))
    contact = assert_everything_agrees(store, mid, date(2026, 3, 30))
    assert (contact.next_action, contact.next_action_date) == (
        "Keep in touch (last: letter, 2026-03-20)",
        "2026-06-19",
    )


def test_a_call_held_closes_the_nudges_a_reply_never_closed(store: Store) -> None:
    maria = _contact(store)
    mid = maria.id or 0
    _send(store, mid, "intro_letter", MONDAY)
    interview = start_call(store, mid, datetime(2026, 3, 18, 11, 0)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 18, 11, 20))
    contact = assert_everything_agrees(store, mid, date(2026, 3, 18))
    assert contact.status is Status.INTERVIEWED
    assert _open(store, mid) == [("thank_you", "2026-03-19")]


def test_a_referral_check_in_survives_the_call(store: Store) -> None:
    """A check-in about an introduction is about a third person: the call leaves it."""
    maria = _contact(store)
    mid = maria.id or 0
    _send(store, mid, "referral_request", MONDAY)
    interview = start_call(store, mid, datetime(2026, 3, 18, 11, 0)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 18, 11, 20))
    assert [kind for kind, _ in _open(store, mid)] == ["thank_you", "follow_up"]


@pytest.mark.parametrize("status", [Status.DECLINED, Status.NO_REPLY])
def test_declined_or_no_reply_closes_everything_and_leaves_the_agenda(
    store: Store, status: Status
) -> None:
    maria = _contact(store)
    mid = maria.id or 0
    _send(store, mid, "intro_letter", MONDAY)
    save_plan(store, mid, Plan("2026-03-24T10:00", Medium.VIDEO, 15, ()), MONDAY)
    change_status(store, mid, status, MONDAY.date())
    contact = assert_everything_agrees(store, mid, MONDAY.date())
    assert contact.status is status
    assert _open(store, mid) == []
    # The list's date column is empty too.
    row = next(r for r in store.contacts.rows() if r.id == mid)
    assert row.next_action_date == ""


def test_a_thank_you_picked_by_hand_takes_the_thank_you_off_the_agenda(store: Store) -> None:
    maria = _contact(store)
    mid = maria.id or 0
    interview = start_call(store, mid, MONDAY).interview
    end_call(store, interview.id or 0, MONDAY.replace(hour=11))
    change_status(store, mid, Status.THANKED, MONDAY.date())
    contact = assert_everything_agrees(store, mid, MONDAY.date())
    assert contact.status is Status.THANKED
    assert _open(store, mid) == [("keep_in_touch", "2026-06-15")]  # 91 days after the call


def test_sending_a_follow_up_closes_the_follow_up_reminder(store: Store) -> None:
    maria = _contact(store)
    mid = maria.id or 0
    _send(store, mid, "intro_letter", MONDAY)
    _send(store, mid, "follow_up_call", datetime(2026, 3, 25, 9, 0))
    contact = assert_everything_agrees(store, mid, date(2026, 3, 25))
    assert contact.status is Status.FOLLOW_UP_DUE
    assert _open(store, mid) == [("second_person", "2026-03-19")]


def test_an_event_and_its_pipeline_step_are_one_transaction(store: Store) -> None:
    """A failure half way through an action leaves nothing of it behind."""
    maria = _contact(store)
    mid = maria.id or 0
    _send(store, mid, "intro_letter", MONDAY)
    before = (store.contacts.get(mid), _open(store, mid))
    with pytest.raises(KeyError):
        # An interview that does not exist: the outcome cannot be saved, nothing moves.
        save_outcome(store, Outcome(interview_id=999, kind=OutcomeKind.DEAD_END), MONDAY.date())
    assert (store.contacts.get(mid), _open(store, mid)) == before
