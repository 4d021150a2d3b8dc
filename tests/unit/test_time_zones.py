"""Time zones: their local time in planning, the brief and the agenda; calendars in UTC."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.timezones import as_utc, check_time_zone, their_clock, their_time
from coffeechat.models import Contact, Medium
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.exchange import export_text


@pytest.fixture
def in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The user's machine is in New York (times typed are New York times)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_their_clock(in_new_york: None) -> None:
    moment = datetime(2026, 3, 16, 9, 30)  # Monday 09:30 in New York (EDT, UTC-4)
    assert their_clock(moment, "Europe/Berlin") == "14:30 in Berlin"  # CET, UTC+1
    assert their_clock(moment, "Asia/Tokyo", with_day=True) == "Mon 22:30 in Tokyo"
    assert their_clock(moment, "America/Los_Angeles") == "06:30 in Los Angeles"
    assert their_clock(moment, "") == ""
    assert their_clock(moment, "Mars/Olympus_Mons") == ""
    assert their_time(moment, "UTC") == datetime.fromisoformat("2026-03-16T13:30+00:00")
    assert as_utc(moment).isoformat() == "2026-03-16T13:30:00+00:00"


def test_check_time_zone() -> None:
    assert check_time_zone("") is None
    assert check_time_zone("Europe/Berlin") is None
    assert check_time_zone("Berlin") is not None
    assert check_time_zone("../../etc/passwd") is not None


def test_agenda_and_ics_with_their_time(store: Store, in_new_york: None) -> None:
    anna = store.contacts.add(Contact(name="Anna Keller", time_zone="Europe/Zurich"))
    plan = Plan("2026-03-18T09:00", Medium.VIDEO, 30, ())
    save_plan(store, anna.id or 0, plan, datetime(2026, 3, 16, 9))
    agenda = build_agenda(store.followups, date(2026, 3, 16), datetime(2026, 3, 16, 8), 7)
    [call] = agenda.calls
    assert call.title == "Video call, 30 min · 14:00 in Zurich their time"
    ics = export_text(store, "ics", now=datetime(2026, 3, 16, 8))
    # Pinned to the moment, never floating: 09:00 in New York is 13:00 UTC.
    assert "DTSTART:20260318T130000Z" in ics
    assert "DTSTART:20260318T090000\r\n" not in ics
