"""Find the dates a letter names ("on Wednesday, March 25", "on 2026-03-25", "25 March").

Used to schedule the follow-up a letter promised and by the checker to see that one is
named. A date without a year is the next one on or after *today*.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE
)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)


def _make(year: int | None, month: int, day: int, today: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def find_dates(text: str, today: date) -> list[date]:
    """Dates named in *text*, in the order they appear."""
    hits: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        if found := _make(int(m[1]), int(m[2]), int(m[3]), today):
            hits.append((m.start(), found))
    for m in _MONTH_DAY.finditer(text):
        year = int(m[3]) if m[3] else None
        if found := _make(year, _MONTHS[m[1].casefold()], int(m[2]), today):
            hits.append((m.start(), found))
    for m in _DAY_MONTH.finditer(text):
        year = int(m[3]) if m[3] else None
        if found := _make(year, _MONTHS[m[2].casefold()], int(m[1]), today):
            hits.append((m.start(), found))
    return [found for _, found in sorted(hits, key=lambda hit: hit[0])]


def promised_date(text: str, today: date) -> date | None:
    """The last date on or after *today* that the letter names (the promise comes late)."""
    future = [d for d in find_dates(text, today) if d >= today]
    return future[-1] if future else None
