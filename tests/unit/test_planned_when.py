"""When an interview is planned: a day as every date field reads it, then a time, in
the years 1900-2199."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.call import check_when, describe_when, parse_when, resolve_when

MONDAY = date(2026, 3, 16)
EDGES = ["9999-12-31 23:59", "0001-01-01 00:00", "1899-12-31 23:59", "2200-01-01 00:00"]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("tue 16:00", "2026-03-17T16:00"),
        ("Tue at 9:30", "2026-03-17T09:30"),
        ("next monday 08:05", "2026-03-23T08:05"),
        ("tomorrow 14:00", "2026-03-17T14:00"),
        ("+2 14:00", "2026-03-18T14:00"),
        ("tomorrow", "2026-03-17"),
        ("2026-03-18 14:30", "2026-03-18T14:30"),
        ("2026-03-18T14:30", "2026-03-18T14:30"),
        ("2026-03-18", "2026-03-18"),
        ("", ""),
    ],
)
def test_a_day_then_a_time(typed: str, read: str) -> None:
    assert resolve_when(typed, MONDAY) == read
    assert check_when(typed, MONDAY) is None


@pytest.mark.parametrize("typed", ["soon", "tomorrow at 3", "tue 24:00", "tue 9:60", "2026-02-30"])
def test_not_a_day_and_time_is_refused_with_the_forms_it_takes(typed: str) -> None:
    assert resolve_when(typed, MONDAY) is None
    assert "YYYY-MM-DD HH:MM" in (check_when(typed, MONDAY) or "")


def test_a_weekday_needs_to_know_today() -> None:
    assert resolve_when("tue 16:00") is None
    assert resolve_when("2026-03-18 14:30") == "2026-03-18T14:30"


def test_what_the_field_was_read_as() -> None:
    assert describe_when("2026-12-08T16:00") == "Tue 2026-12-08 16:00"
    assert describe_when("2026-12-08") == "Tue 2026-12-08"


@pytest.mark.parametrize("typed", EDGES)
def test_years_outside_1900_to_2199_are_refused(typed: str) -> None:
    assert resolve_when(typed, MONDAY) is None
    assert "1900" in (check_when(typed, MONDAY) or "")
    with pytest.raises(ValueError):
        parse_when(typed)


def test_the_first_and_last_days_of_the_range_are_taken() -> None:
    assert resolve_when("1900-01-01 00:00", MONDAY) == "1900-01-01T00:00"
    assert resolve_when("2199-12-31 23:59", MONDAY) == "2199-12-31T23:59"


@settings(max_examples=300, deadline=None)
@given(typed=st.text(max_size=30) | st.sampled_from(EDGES))
def test_whatever_is_typed_is_read_or_refused(typed: str) -> None:
    resolved = resolve_when(typed, MONDAY)
    if resolved:
        assert 1900 <= datetime.fromisoformat(resolved).year <= 2199
        assert describe_when(resolved)
