"""What is wrong with an item file, in one line that never quotes the file."""

from __future__ import annotations

from datetime import date

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Dates outside these years are refused: no call or follow-up is planned in year 1,
and year 9999 overflows every conversion after it."""


class MalformedItem(ValueError):
    """An item file that is not the vCard or iCalendar it should be; one line."""


def check_year(value: date, what: str) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise MalformedItem(f"{what} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
