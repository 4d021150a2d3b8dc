"""Item files as real clients write them: read (inline VTIMEZONE, Windows zone names,
BOM, recurrence overrides), patched without losing what others added, alarms valid."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
import pytest

from coffeechat.interop import vdir
from coffeechat.models import Contact
from coffeechat.models_activity import FollowUp, Interview

NOW = datetime(2026, 3, 16, 10, 30, tzinfo=UTC)
MARIA = Contact(name="Maria Okafor", organization="Northbridge", email="m@x.org", uid="u-1", id=1)

VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:{tz}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
)


def _event(start_line: str, *, zone: str = "", extra: str = "") -> bytes:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        + (VTIMEZONE.format(tz=zone) if zone else "")
        + "BEGIN:VEVENT\r\nUID:call-3@u-1\r\nDTSTAMP:20260101T000000Z\r\n"
        + f"{start_line}\r\nDTEND:20300506T160000Z\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return text.encode("utf-8")


@pytest.mark.parametrize(
    "zone", ["Europe_Berlin", "W. Europe Standard Time", "Западная Европа", "New Zealand X"]
)
def test_a_tzid_defined_in_the_item_is_read(zone: str):
    read = vdir.read("calls", _event(f"DTSTART;TZID={zone}:20300506T150000", zone=zone))
    assert read.fields["start"] == "20300506T130000Z"  # its VTIMEZONE says +02:00 in May


@pytest.mark.parametrize(
    ("zone", "utc"),
    [
        ("W. Europe Standard Time", "20300506T130000Z"),
        ("New Zealand Standard Time", "20300506T030000Z"),
    ],
)
def test_a_windows_zone_name_is_known(zone: str, utc: str):
    read = vdir.read("calls", _event(f"DTSTART;TZID={zone}:20300506T150000"))
    assert read.fields["start"] == utc


def test_a_bom_is_no_malformed_item():
    data = b"\xef\xbb\xbf" + _event("DTSTART:20300506T150000Z")
    assert vdir.read("calls", data).fields["start"] == "20300506T150000Z"
    card = b"\xef\xbb\xbfBEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Maria\r\nEND:VCARD\r\n"
    assert vdir.read("contacts", card).fields["name"] == "Maria"


def test_an_override_is_not_the_calls_time():
    override = (
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:call-3@u-1\r\nDTSTAMP:20260101T000000Z\r\n"
        "RECURRENCE-ID:20300513T150000Z\r\nDTSTART:20300514T090000Z\r\n"
    )
    data = _event("DTSTART:20300506T150000Z", extra="RRULE:FREQ=WEEKLY;COUNT=3\r\n")
    data = data.replace(
        b"END:VEVENT\r\nEND:VCALENDAR", (override + "END:VEVENT\r\nEND:VCALENDAR").encode()
    )
    assert vdir.read("calls", data).fields["start"] == "20300506T150000Z"


def test_patching_keeps_what_others_added_and_moves_sequence_on():
    call = vdir.call_item(Interview(1, "2030-05-06T15:00", id=3), MARIA, ["Q?"])
    assert call is not None
    theirs = vdir.render(call, NOW).replace(
        b"END:VEVENT",
        b"LOCATION:https://meet.example/abc\r\nX-SERVER:1\r\nSEQUENCE:4\r\n"
        b"BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\nEND:VEVENT",
    )
    moved = vdir.call_item(Interview(1, "2030-05-07T09:00", id=3), MARIA, ["Q?"])
    assert moved is not None

    patched = vdir.patch(moved, theirs, {"start"}, NOW)

    event = icalendar.Calendar.from_ical(patched).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "https://meet.example/abc" and "X-SERVER" in event
    assert int(event["SEQUENCE"]) == 5 and "LAST-MODIFIED" in event
    assert vdir.read("calls", patched).fields["start"] == "20300507T090000Z"
    assert len(event.walk("VALARM")) == 2


def test_a_patched_card_keeps_its_photo_and_second_number():
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Maria Okafor\r\nN:Okafor;Maria;;;\r\n"
        b"TEL;TYPE=CELL:+1 555\r\nTEL;TYPE=HOME:+1 777\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n"
        b" BBBB\r\nX-ABC:keep\r\nEND:VCARD\r\n"
    )
    item = vdir.contact_item(Contact(name="Maria Okafor", title="VP", phone="+1 999", uid="u-1"))

    patched = vdir.patch(item, card, {"title", "phone"}, NOW).decode()

    assert "TEL;TYPE=CELL:+1 999" in patched and "TEL;TYPE=HOME:+1 777" in patched
    assert "PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n BBBB" in patched and "X-ABC:keep" in patched
    assert "TITLE:VP" in patched and "REV:20260316T103000Z" in patched


def test_every_alarm_is_valid_for_icalendar():
    open_one = FollowUp(1, "follow_up", "2026-03-20", title="Follow up", id=7)
    call = vdir.call_item(Interview(1, "2030-05-06T15:00", id=3), MARIA, [])
    assert call is not None
    for item in (vdir.followup_item(open_one, MARIA), call):
        component = icalendar.Calendar.from_ical(vdir.render(item, NOW)).walk(
            "VTODO" if item.collection == "followups" else "VEVENT"
        )[0]
        [alarm] = component.walk("VALARM")
        assert alarm.triggers, "icalendar can place the alarm in time"
    todo = icalendar.Calendar.from_ical(vdir.render(vdir.followup_item(open_one, MARIA), NOW))
    assert "TRIGGER;RELATED=END:PT9H" in todo.to_ical().decode()


def test_what_is_written_reads_back_the_same():
    """Fields round-trip through our own writer: an untouched item never looks changed."""
    contact = Contact(
        name="Dr. Ana Silva-Souza, Jr.",
        organization="Acme; Labs, Inc.",
        title="Lead\\Ops",
        email="ana@x.org",
        phone="+55 11 5555",
        url="https://linkedin.com/in/ana",
        tags="alumni, mentors",
        next_action="Write, then call",
        uid="u-2",
        id=2,
    )
    followup = FollowUp(
        2, "thank_you", "2026-03-20", state="done", done_at="2026-03-18T10:00:00", id=4
    )
    call = vdir.call_item(
        Interview(2, "2030-05-06T15:00", id=3), contact, ["Why; how?"], "Asia/Tokyo"
    )
    assert call is not None
    for item in (vdir.contact_item(contact), vdir.followup_item(followup, contact), call):
        read = vdir.read(item.collection, vdir.render(item, NOW))
        assert read.uid == item.uid and read.fields == item.fields, item.collection
        assert item.fields.keys() <= vdir.FIELDS
