"""Business-day arithmetic and the 3B7 routine."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.business_days import (
    add_business_days,
    business_days_between,
    is_business_day,
    three_b_seven,
)

MONDAY = date(2026, 3, 16)
FRIDAY = date(2026, 3, 20)
SATURDAY = date(2026, 3, 21)


def _walk(start: date, days: int) -> date:
    """The obvious day-by-day definition, to check the fast one against."""
    current, step, left = start, (1 if days > 0 else -1), abs(days)
    while left:
        current += timedelta(days=step)
        if current.weekday() < 5:
            left -= 1
    return current


def test_weekends_are_skipped() -> None:
    assert add_business_days(FRIDAY, 1) == date(2026, 3, 23)  # Monday
    assert add_business_days(MONDAY, 3) == date(2026, 3, 19)  # Thursday
    assert add_business_days(MONDAY, 7) == date(2026, 3, 25)  # next Wednesday
    assert add_business_days(SATURDAY, 1) == date(2026, 3, 23)
    assert add_business_days(MONDAY, -1) == date(2026, 3, 13)  # the Friday before
    assert add_business_days(SATURDAY, 0) == SATURDAY


def test_business_days_between() -> None:
    assert business_days_between(FRIDAY, date(2026, 3, 23)) == 1
    assert business_days_between(MONDAY, date(2026, 3, 25)) == 7
    assert business_days_between(date(2026, 3, 25), MONDAY) == -7
    assert business_days_between(MONDAY, MONDAY) == 0


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=-400, max_value=400),
)
def test_add_matches_the_day_by_day_walk(start: date, days: int) -> None:
    result = add_business_days(start, days)
    if days == 0:
        assert result == start
    else:
        assert result == _walk(start, days)
        assert is_business_day(result)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=400),
)
def test_between_inverts_add(start: date, days: int) -> None:
    if is_business_day(start):
        assert business_days_between(start, add_business_days(start, days)) == days


def test_three_b_seven_from_a_thursday() -> None:
    second, follow = three_b_seven(date(2026, 3, 19), "Maria Okafor", "Northbridge")
    assert (second.kind, second.due) == ("second_person", date(2026, 3, 24))  # Tuesday
    assert "second person at Northbridge" in second.title
    assert (follow.kind, follow.due) == ("follow_up", date(2026, 3, 30))  # Monday
    assert follow.title == "Follow up with Maria Okafor"
