"""The call's calendar event says how to reach them and what to ask, alike in
``export ics`` and in the vdir the sync keeps (one builder: interop/call_event.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import icalendar
import vobject

from coffeechat.interop import vdir
from coffeechat.interop.call_event import call_event
from coffeechat.models import Contact, Medium
from coffeechat.models_activity import Interview, Question
from coffeechat.store import Store
from coffeechat.usecases import exchange
from coffeechat.usecases.calls import Plan, discard_call, end_call, save_plan, start_call

NOW = datetime(2026, 3, 16, 10, 30)


def _vdir_event(interview: Interview, contact: Contact, questions: list[str]):
    item = vdir.call_item(interview, contact, questions, contact.time_zone)
    assert item is not None
    calendar = icalendar.Calendar.from_ical(vdir.render(item, NOW))
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_vdir_call_event_carries_the_phone_and_the_questions() -> None:
    tom = Contact(name="Tom Lindqvist", phone="+47 22 00 00 00", uid="u1", id=1)
    call = Interview(1, "2026-03-18T14:00", id=3)
    event = _vdir_event(call, tom, ["How did you start?", "What would you do again?"])
    assert str(event["DESCRIPTION"]) == (
        "30-minute informational interview (phone)\nPhone: +47 22 00 00 00\n"
        "Questions:\n- How did you start?\n- What would you do again?"
    )
    assert str(event["LOCATION"]) == "+47 22 00 00 00"


def test_a_video_call_carries_the_link_and_the_zone_stays_in_the_location() -> None:
    ana = Contact(
        name="Ana Silva",
        phone="+55 11 0000 0000",
        url="https://meet.example.org/ana",
        time_zone="America/Sao_Paulo",
        uid="u2",
        id=2,
    )
    call = Interview(2, "2026-03-18T14:00", medium=Medium.VIDEO, id=4)
    event = _vdir_event(call, ana, [])
    assert "Link: https://meet.example.org/ana" in str(event["DESCRIPTION"])
    assert "Questions:" not in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == (
        "https://meet.example.org/ana; Ana Silva is in America/Sao_Paulo"
    )


def test_in_person_names_no_number() -> None:
    event = call_event(name="Kim", medium="in person", minutes=30, held=False, phone="+1 555 0100")
    assert "Phone" not in event.description and event.location == ""


def test_ics_and_vdir_say_the_same(store: Store) -> None:
    tom = store.contacts.add(
        Contact(name="Tom Lindqvist", phone="+47 22 00 00 00", time_zone="Europe/Oslo")
    )
    plan = Plan("2026-03-18T14:00", Medium.PHONE, 30, (Question("How did you start?"),))
    save_plan(store, tom.id or 0, plan, NOW)
    exported = vobject.readOne(exchange.export_text(store, "ics", NOW)).contents["vevent"][0]
    (interview,) = store.interviews.for_contact(tom.id or 0)
    questions = [item.text for item in store.interviews.checklist(interview.id or 0)]
    synced = _vdir_event(interview, tom, questions)
    assert exported.summary.value == str(synced["SUMMARY"])
    assert exported.description.value == str(synced["DESCRIPTION"])
    assert exported.location.value == str(synced["LOCATION"])


def _states(store: Store) -> list[str]:
    """Every state a call can be in, as the database allows them."""
    (sql,) = store.database.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'interviews'"
    ).fetchone()
    found = re.search(r"CHECK \(state IN \(([^)]*)\)\)", sql)
    assert found is not None
    return re.findall(r"'([^']*)'", found.group(1))


def _both(store: Store, contact: Contact, interview_id: int):
    """The call's event as ``export ics`` writes it and as the vdir holds it (None for
    each when there is no such event)."""
    exported = icalendar.Calendar.from_ical(exchange.export_text(store, "ics", NOW))
    (ics_event,) = exported.walk("VEVENT") or [None]
    interview = store.interviews.get(interview_id)
    item = vdir.call_item(interview, contact, ["How did you start?"]) if interview else None
    if item is None:
        return ics_event, None
    (vdir_event,) = icalendar.Calendar.from_ical(vdir.render(item, NOW)).walk("VEVENT")
    return ics_event, vdir_event


def _seen(event) -> dict[str, object]:
    """What a calendar shows of an event: start, end, state, texts, reminder."""
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND") if "DTEND" in event else start + event.decoded("DURATION")
    return {
        "start": start,
        "end": end,
        "status": str(event.get("STATUS", "")),
        "summary": str(event["SUMMARY"]),
        "description": str(event["DESCRIPTION"]),
        "location": str(event.get("LOCATION", "")),
        "alarm": [str(a["DESCRIPTION"]) for a in event.walk("VALARM")],
    }


def test_every_call_state_is_the_same_event_in_ics_and_in_the_vdir(store: Store) -> None:
    """Planned for the 18th at 14:00; started early, on the 16th at 10:05; held 42
    minutes; then the call is discarded. At each step both outputs agree, and agree
    with the call's real start (Interview.happened_at) and length."""
    tom = store.contacts.add(Contact(name="Tom Lindqvist", phone="+47 22 00 00 00"))
    plan = Plan("2026-03-18T14:00", Medium.PHONE, 30, (Question("How did you start?"),))
    call = save_plan(store, tom.id or 0, plan, NOW)
    assert call.id is not None
    expected = {
        "planned": (datetime(2026, 3, 18, 14, 0), 30, "Coffee chat with Tom Lindqvist", 1),
        "in progress": (datetime(2026, 3, 16, 10, 5), 30, "Coffee chat with Tom Lindqvist", 0),
        "held": (datetime(2026, 3, 16, 10, 5), 42, "Coffee chat with Tom Lindqvist (held)", 0),
    }
    assert sorted(expected) == sorted(_states(store))
    for state in ("planned", "in progress", "held"):
        if state == "in progress":
            start_call(store, tom.id or 0, datetime(2026, 3, 16, 10, 5))
        if state == "held":
            end_call(store, call.id, datetime(2026, 3, 16, 10, 47))
        interview = store.interviews.get(call.id)
        assert interview is not None and interview.state == state
        ics_event, vdir_event = _both(store, tom, call.id)
        assert ics_event is not None and vdir_event is not None
        assert _seen(ics_event) == _seen(vdir_event), state
        start, minutes, summary, alarms = expected[state]
        seen = _seen(vdir_event)
        assert seen["start"] == start.replace(tzinfo=UTC), state
        assert seen["end"] == seen["start"] + timedelta(minutes=minutes), state
        assert (seen["summary"], len(seen["alarm"])) == (summary, alarms), state
    # Discarded: the call is gone, from both.
    assert discard_call(store, call.id) is not None
    ics_event, vdir_event = _both(store, tom, call.id)
    if store.interviews.get(call.id) is None:
        assert ics_event is None and vdir_event is None
    else:  # back to planned, as its first start found it
        assert ics_event is not None and vdir_event is not None
        assert _seen(ics_event) == _seen(vdir_event)
