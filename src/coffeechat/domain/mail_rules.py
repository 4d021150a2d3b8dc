"""The rules for reading mail: which subject is which letter's, and when someone is back."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates_in_text import find_dates

_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|r)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)

AWAY_DEFAULT_DAYS = 7
"""An auto-reply that names no readable return date: back a week after it was sent."""


def same_subject(one: str, other: str) -> bool:
    """Whether two subjects are the same letter's: case, spacing and "Re:" / "Fwd:"
    prefixes aside."""
    return _plain(one) == _plain(other) and bool(_plain(one))


def _plain(subject: str) -> str:
    return " ".join(_PREFIX.sub("", subject).split()).casefold()


def back_on(text: str, sent: date) -> date:
    """The first date after *sent* that an auto-reply names ("back on 25 March",
    "until 2026-03-25"); else a week after it was sent."""
    for found in find_dates(text, sent):
        if found > sent:
            return found
    return sent + timedelta(days=AWAY_DEFAULT_DAYS)
