"""The call's calendar event says how to reach them and what to ask, alike in
``export ics`` and in the vdir the sync keeps (one builder: interop/call_event.py)."""

from __future__ import annotations

from datetime import datetime

import icalendar
import vobject

from coffeechat.interop import vdir
from coffeechat.interop.call_event import call_event
from coffeechat.models import Contact, Medium
from coffeechat.models_activity import Interview, Question
from coffeechat.store import Store
from coffeechat.usecases import exchange
from coffeechat.usecases.calls import Plan, save_plan

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
