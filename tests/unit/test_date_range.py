"""Dates are held to the years 1900-2199 in every date field, and a time zone shift
at the calendar's edges leaves their time out instead of crashing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from coffeechat.domain import validation
from coffeechat.domain.agenda import resolve_new_date
from coffeechat.domain.timezones import their_clock

MONDAY = date(2026, 3, 16)
FAR_ZONES = ["Pacific/Kiritimati", "Etc/GMT+12", "UTC"]  # UTC+14, UTC-12


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_years_outside_1900_to_2199_are_refused(day: str) -> None:
    assert resolve_new_date(day, MONDAY) is None
    assert "1900" in (validation.check_date(day) or "")
    with pytest.raises(validation.OutOfRange):
        validation.parse_date(day)


def test_the_first_and_last_days_of_the_range_are_taken() -> None:
    assert resolve_new_date("1900-01-01", MONDAY) == "1900-01-01"
    assert resolve_new_date("2199-12-31", MONDAY) == "2199-12-31"
    assert resolve_new_date("+46000", MONDAY) is None, "business days past 2199"


@pytest.fixture(params=FAR_ZONES)
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The user's machine in a zone as far from UTC as there are."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", FAR_ZONES)
@pytest.mark.parametrize(
    "moment", [datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1), datetime.max, datetime.min]
)
def test_their_time_at_the_calendars_edges_is_left_out_not_a_crash(
    machine_zone: str, zone: str, moment: datetime
) -> None:
    assert isinstance(their_clock(moment, zone, with_day=True), str)


def test_imported_dates_outside_the_range_are_left_empty(tmp_path) -> None:
    from coffeechat.store import Store
    from coffeechat.usecases.exchange import export_text, import_bytes

    store = Store.open(tmp_path / "x.db")
    try:
        csv = (
            "Name,Next action date,Connected on\n"
            "Far Future,9999-12-31,0001-01-01\nIn Range,2199-12-31,1900-01-01\n"
        )
        import_bytes(store, "csv", csv.encode(), "people.csv")
        dates = {c.name: (c.next_action_date, c.connected_on) for c in store.contacts.all()}
        assert dates == {"Far Future": ("", ""), "In Range": ("2199-12-31", "1900-01-01")}
        for fmt in ("ics", "json", "vcard", "csv", "markdown"):
            export_text(store, fmt)
    finally:
        store.close()
