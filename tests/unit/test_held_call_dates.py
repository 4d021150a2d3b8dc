"""A call held earlier than planned carries its real start in every view: the contact
list, the detail's "last in touch", the timeline, the interviews list and outcome title
(Interview.happened_at), the letters' ${call_date}, and the Markdown, calendar and
vdir exports. Planned for Friday 20 March at 14:00; held on Monday 16 March at 10:30."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import vobject

from coffeechat.interop import vdir
from coffeechat.models import Contact, Medium
from coffeechat.models_activity import Question
from coffeechat.store import Store
from coffeechat.store.schema_last_interaction import last_interaction_by_start
from coffeechat.usecases import exchange
from coffeechat.usecases.calls import Plan, end_call, save_plan, start_call
from coffeechat.usecases.letters import letter_values
from tests.conftest import open_as_made_before

PLANNED = datetime(2026, 3, 20, 14, 0)
HELD = datetime(2026, 3, 16, 10, 30)


def _held_early(store: Store) -> tuple[int, int]:
    tom = store.contacts.add(Contact(name="Tom Lindqvist", phone="+47 22 00 00 00"))
    plan = Plan(PLANNED.isoformat(timespec="minutes"), Medium.PHONE, 30, (Question("Why?"),))
    save_plan(store, tom.id or 0, plan, HELD.replace(day=10))
    started = start_call(store, tom.id or 0, HELD)
    end_call(store, started.interview.id or 0, HELD.replace(minute=55))
    return tom.id or 0, started.interview.id or 0


def test_every_view_dates_the_call_by_when_it_was_held(store: Store) -> None:
    tom, call = _held_early(store)
    held_day = "2026-03-16"
    interview = store.interviews.get(call)
    assert interview is not None and interview.state == "held"
    assert interview.happened_at.startswith("2026-03-16T10:30")  # interviews list, outcome
    # The contact list and the detail's "last in touch".
    (row,) = [r for r in store.contacts.rows() if r.id == tom]
    assert row.last_interaction == held_day
    assert store.history.last_interaction(tom)[0] == held_day
    # The timeline.
    calls = [e for e in store.history.timeline(tom) if e.kind == "call"]
    assert calls and all(e.when.startswith(held_day) for e in calls)
    # The letters' ${call_date}.
    assert store.followups.last_call_date(tom) == held_day
    contact = store.contacts.get(tom)
    assert contact is not None
    values = letter_values(store, contact, HELD.date())
    assert "20 March" not in str(values) and "2026-03-20" not in str(values)
    # Markdown, calendar, vdir.
    report = exchange.export_text(store, "markdown")
    assert "### Interview 2026-03-16T10:30:00 (phone, held)" in report
    assert "2026-03-20" not in report
    event = vobject.readOne(exchange.export_text(store, "ics", HELD)).contents["vevent"][0]
    assert event.dtstart.value == datetime(2026, 3, 16, 10, 30, tzinfo=UTC)
    item = vdir.call_item(interview, contact, ["Why?"])
    assert item is not None
    (synced,) = icalendar.Calendar.from_ical(vdir.render(item, HELD)).walk("VEVENT")
    assert synced.decoded("DTSTART") == datetime(2026, 3, 16, 10, 30, tzinfo=UTC)


def test_a_call_picked_up_but_not_ended_is_dated_by_its_start(store: Store) -> None:
    tom = store.contacts.add(Contact(name="Tom Lindqvist"))
    plan = Plan(PLANNED.isoformat(timespec="minutes"), Medium.PHONE, 30, ())
    save_plan(store, tom.id or 0, plan, HELD.replace(day=10))
    started = start_call(store, tom.id or 0, HELD)
    assert started.interview.happened_at.startswith("2026-03-16T10:30")
    assert store.followups.last_call_date(tom.id or 0) == "2026-03-16"


def test_a_call_past_midnight_is_the_day_it_started_in_every_view(store: Store) -> None:
    """From 23:50 on Monday 16 March to 00:20 on Tuesday: Monday's, in the contact
    list's last interaction (a trigger), "last in touch", the stats, the letters and
    both calendars, as Interview.happened_at dates it."""
    night = datetime(2026, 3, 16, 23, 50)
    tom = store.contacts.add(Contact(name="Tom Lindqvist")).id or 0
    started = start_call(store, tom, night)
    end_call(store, started.interview.id or 0, datetime(2026, 3, 17, 0, 20))
    interview = store.interviews.get(started.interview.id or 0)
    contact = store.contacts.get(tom)
    assert interview is not None and contact is not None
    assert interview.ended_at.startswith("2026-03-17")
    monday = "2026-03-16"
    assert interview.happened_at[:10] == monday
    (row,) = [r for r in store.contacts.rows() if r.id == tom]
    assert row.last_interaction == monday
    assert store.history.last_interaction(tom) == (monday, "call")
    assert [c.day for c in store.history.calls()] == [date(2026, 3, 16)]
    assert store.followups.last_call_date(tom) == monday
    event = vobject.readOne(exchange.export_text(store, "ics", night)).contents["vevent"][0]
    assert event.dtstart.value == night.replace(tzinfo=UTC)
    item = vdir.call_item(interview, contact, [])
    assert item is not None and item.fields["start"] == "20260316T235000Z"


def test_a_file_from_before_is_recomputed_and_its_triggers_read_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written before the rule: its value, kept as the day the call ended, is
    recomputed on opening, and the triggers made again follow a call's start."""
    path = tmp_path / "older.db"
    open_as_made_before(monkeypatch, last_interaction_by_start)
    older = Store.open(path)
    tom = older.contacts.add(Contact(name="Tom Lindqvist")).id or 0
    call = older.interviews.create(tom, scheduled_at="2026-03-16T23:50")
    older.interviews.start(call.id or 0, datetime(2026, 3, 16, 23, 50), [])
    older.interviews.end(call.id or 0, datetime(2026, 3, 17, 0, 20))
    # As the triggers then kept it: the day the call ended.
    older.database.conn.execute("UPDATE contacts SET last_interaction = '2026-03-17'")
    older.close()
    monkeypatch.undo()
    store = Store.open(path)
    try:
        assert [r.last_interaction for r in store.contacts.rows()] == ["2026-03-16"]
        with store.database.transaction():
            store.database.conn.execute(
                "UPDATE interviews SET started_at = '2026-03-15T23:50' WHERE id = ?", (call.id,)
            )
        assert [r.last_interaction for r in store.contacts.rows()] == ["2026-03-15"]
    finally:
        store.close()
