"""Business-day arithmetic and the 3B7 routine.

3B7: after sending a letter, if there is no reply within 3 business days reach out to a
second person at the same organization; after 7 business days send one follow-up to
the first person. Weekends are skipped, and so are the public holidays of the user's
country when a :class:`Calendar` for it is given (the ``holidays`` library knows them).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, timedelta

SECOND_PERSON_AFTER = 3
FOLLOW_UP_AFTER = 7

HOLIDAY_HORIZON = 3660
"""Holidays are counted within this many days; beyond, only weekends (a date ten years
out is a typo or a test, not a follow-up)."""


@dataclass(frozen=True)
class Calendar:
    """Which days are business days: Monday to Friday, minus *holidays*."""

    country: str = ""
    """ISO 3166 code of the user's country ("" for weekends only)."""
    holidays: Container[date] = field(default_factory=frozenset)

    @classmethod
    def for_country(cls, country: str) -> Calendar:
        """The calendar of *country* (``US``, ``DE``, ``GB``…); ValueError if unknown."""
        import holidays  # imported here: start-up does not pay for 250 countries

        code = country.strip().upper()
        if not code:
            return WEEKDAYS
        try:
            return cls(code, holidays.country_holidays(code))
        except NotImplementedError:
            raise ValueError(f"no public holidays known for {country!r}") from None

    def holiday_name(self, day: date) -> str:
        get = getattr(self.holidays, "get", None)
        return str(get(day) or "") if get is not None else ""


WEEKDAYS = Calendar()


def is_business_day(day: date, calendar: Calendar = WEEKDAYS) -> bool:
    return day.weekday() < 5 and (calendar is WEEKDAYS or day not in calendar.holidays)


def add_business_days(start: date, days: int, calendar: Calendar = WEEKDAYS) -> date:
    """The business day *days* business days after *start* (before it when negative).

    Starting on a weekend counts from that weekend: Saturday + 1 is Monday.
    """
    if days == 0:
        return start
    if calendar is not WEEKDAYS and abs(days) <= HOLIDAY_HORIZON // 2:
        step = 1 if days > 0 else -1
        current, remaining = start, abs(days)
        while remaining:
            current += timedelta(days=step)
            if is_business_day(current, calendar):
                remaining -= 1
        return current
    step = 1 if days > 0 else -1
    current = start
    # From a weekend, counting forward starts as if from the Friday before (and
    # backward as if from the Monday after), so whole weeks are exactly 7 days.
    while not is_business_day(current):
        current -= timedelta(days=step)
    weeks, remaining = divmod(abs(days), 5)
    current += timedelta(weeks=weeks * step)
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current):
            remaining -= 1
    return current


def business_days_between(start: date, end: date, calendar: Calendar = WEEKDAYS) -> int:
    """Business days after *start* up to and including *end* (negative if end < start)."""
    if end < start:
        return -business_days_between(end, start, calendar)
    if calendar is not WEEKDAYS and (end - start).days <= HOLIDAY_HORIZON:
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if is_business_day(start + timedelta(days=offset), calendar)
        )
    total = (end - start).days
    weeks, extra = divmod(total, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if is_business_day(start + timedelta(days=offset + weeks * 7)):
            count += 1
    return count


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str
    """``second_person`` or ``follow_up`` (the FollowUp kinds)."""
    title: str
    due: date


def three_b_seven(
    sent_on: date,
    contact_name: str = "",
    organization: str = "",
    calendar: Calendar = WEEKDAYS,
) -> list[Suggestion]:
    """The two nudges of the 3B7 routine for a letter sent on *sent_on*."""
    where = f" at {organization}" if organization else ""
    who = contact_name or "them"
    return [
        Suggestion(
            "second_person",
            f"No reply from {who} yet? Reach a second person{where}",
            add_business_days(sent_on, SECOND_PERSON_AFTER, calendar),
        ),
        Suggestion(
            "follow_up",
            f"Follow up with {who}",
            add_business_days(sent_on, FOLLOW_UP_AFTER, calendar),
        ),
    ]
