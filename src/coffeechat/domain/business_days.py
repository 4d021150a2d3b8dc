"""Business-day arithmetic and the 3B7 routine.

3B7: after sending a letter, if there is no reply within 3 business days reach out to a
second person at the same organization; after 7 business days send one follow-up to
the first person. Weekends are skipped; public holidays are not known here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

SECOND_PERSON_AFTER = 3
FOLLOW_UP_AFTER = 7


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def add_business_days(start: date, days: int) -> date:
    """The business day *days* business days after *start* (before it when negative).

    Starting on a weekend counts from that weekend: Saturday + 1 is Monday.
    """
    if days == 0:
        return start
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


def business_days_between(start: date, end: date) -> int:
    """Business days after *start* up to and including *end* (negative if end < start)."""
    if end < start:
        return -business_days_between(end, start)
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
    sent_on: date, contact_name: str = "", organization: str = ""
) -> list[Suggestion]:
    """The two nudges of the 3B7 routine for a letter sent on *sent_on*."""
    where = f" at {organization}" if organization else ""
    who = contact_name or "them"
    return [
        Suggestion(
            "second_person",
            f"No reply yet? Reach a second person{where}",
            add_business_days(sent_on, SECOND_PERSON_AFTER),
        ),
        Suggestion(
            "follow_up",
            f"Follow up with {who}",
            add_business_days(sent_on, FOLLOW_UP_AFTER),
        ),
    ]
