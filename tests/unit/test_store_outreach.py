"""Drafts, follow-ups and the agenda on a real database, and `coffeechat agenda`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from click.testing import CliRunner

from coffeechat.__main__ import cli
from coffeechat.domain.agenda import as_text, build_agenda
from coffeechat.models import Status
from coffeechat.models_activity import Draft, FollowUp
from coffeechat.store import Store
from coffeechat.usecases.outreach import mark_sent
from tests.conftest import seed

MONDAY = date(2026, 3, 16)


def _send_intro(store: Store) -> int:
    maria = seed(store)[0]
    assert maria.id is not None
    draft = store.drafts.save(Draft(maria.id, "intro_letter", body="Hi?"))
    assert store.drafts.working(maria.id, "intro_letter") == draft
    draft = store.drafts.save(
        Draft(maria.id, "intro_letter", body="Hi? Call on March 25.", id=draft.id)
    )
    sent = mark_sent(store, draft, maria, datetime(2026, 3, 16, 10, 30)).draft
    assert sent.sent_at == "2026-03-16T10:30:00"
    assert store.drafts.working(maria.id, "intro_letter") is None
    assert store.drafts.last_sent(maria.id, "intro_letter") == sent
    return maria.id


def test_mark_sent_moves_the_contact_and_schedules_3b7(store: Store) -> None:
    maria_id = _send_intro(store)
    contact = store.contacts.get(maria_id)
    assert contact is not None
    assert contact.status is Status.LETTER_SENT
    # The soonest open nudge is the next action, as the agenda shows it.
    assert (contact.next_action, contact.next_action_date) == (
        "No reply from Maria Okafor yet? Reach a second person at Northbridge Biologics",
        "2026-03-19",
    )
    due = [(f.kind, f.due_date) for f in store.followups.for_contact(maria_id)]
    assert due == [("second_person", "2026-03-19"), ("follow_up", "2026-03-25")]


def test_agenda_on_the_right_business_days(store: Store) -> None:
    _send_intro(store)
    thursday = build_agenda(store.followups, date(2026, 3, 19), datetime(2026, 3, 19, 9), 7)
    assert [i.title for i in thursday.due_today] == [
        "No reply from Maria Okafor yet? Reach a second person at Northbridge Biologics"
    ]
    assert [i.when for i in thursday.coming_up] == ["2026-03-25"]
    later = build_agenda(store.followups, date(2026, 3, 26), datetime(2026, 3, 26, 9), 7)
    assert [i.when for i in later.overdue] == ["2026-03-19", "2026-03-25"]


def test_done_snooze_and_reschedule(store: Store) -> None:
    maria_id = _send_intro(store)
    first, second = store.followups.for_contact(maria_id)
    assert first.id is not None and second.id is not None
    store.followups.done(first.id, "2026-03-19T09:00:00")
    store.followups.reschedule(second.id, "2026-04-01")
    open_ = store.followups.for_contact(maria_id, open_only=True)
    assert [(f.id, f.due_date) for f in open_] == [(second.id, "2026-04-01")]
    store.followups.reopen(first.id)
    assert len(store.followups.for_contact(maria_id, open_only=True)) == 2


def test_calls_and_thank_yous_owed(store: Store) -> None:
    contacts = seed(store)
    tom, maria = contacts[1], contacts[0]
    conn = store.database.conn
    conn.execute(
        "INSERT INTO interviews(contact_id, scheduled_at, state) VALUES (?, ?, 'planned')",
        (tom.id, "2026-03-18T14:00"),
    )
    conn.execute(
        "INSERT INTO interviews(contact_id, scheduled_at, state, ended_at) "
        "VALUES (?, ?, 'held', ?)",
        (maria.id, "2026-03-13T10:00", "2026-03-13T10:31:00"),
    )
    agenda = build_agenda(store.followups, MONDAY, datetime(2026, 3, 16, 10, 30), 7)
    assert [(i.contact_name, i.when) for i in agenda.calls] == [
        ("Tom Lindqvist", "2026-03-18T14:00")
    ]
    assert [(i.contact_name, i.when) for i in agenda.thank_yous] == [("Maria Okafor", "2026-03-14")]
    text = as_text(agenda)
    assert "Calls scheduled:" in text and "Wed 2026-03-18 14:00 (in 2 days)" in text
    # A thank-you sent after the call settles it.
    draft = store.drafts.save(Draft(maria.id or 0, "thank_you", body="Thanks"))
    mark_sent(store, draft, maria, datetime(2026, 3, 13, 18, 0))
    assert store.followups.thank_yous_owed() == []


def test_agenda_text_flattens_hostile_names(store: Store) -> None:
    hostile = seed(store)[3]
    store.followups.add(FollowUp(hostile.id or 0, "follow_up", "2026-03-16", title="a\nb"))
    text = as_text(build_agenda(store.followups, MONDAY, datetime(2026, 3, 16), 7))
    assert "\x1b" not in text
    assert "Due today:" in text and "a b" in text


def test_agenda_command(store: Store, db_path: Path) -> None:
    maria = seed(store)[0]
    store.followups.add(FollowUp(maria.id or 0, "follow_up", "2000-01-03", title="Call Maria"))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "agenda", "--days", "3"])
    assert result.exit_code == 0, result.output
    assert "Overdue:" in result.output
    assert "Maria Okafor (maria@example.org) — Call Maria" in result.output
    bad = CliRunner().invoke(cli, ["--db", str(db_path), "agenda", "--days", "-1"])
    assert bad.exit_code == 2
