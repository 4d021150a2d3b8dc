"""A contact's history in one list: letters, calls, note lines, outcomes, follow-ups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .text import one_line


@dataclass(frozen=True, slots=True)
class Event:
    when: str
    """ISO date or datetime; events sort on it (a bare date after the times of its day)."""
    kind: str
    """letter, call, note, outcome, follow-up, reply, away (out of office), touch"""
    text: str
    ref: str = ""
    """What it is, for finding it again: ``letter:<draft id>`` for a letter sent."""


KIND_LABELS = {
    "letter": "Letter",
    "call": "Call",
    "note": "Note",
    "outcome": "Outcome",
    "follow-up": "Follow-up",
    "reply": "Replied:",
    "away": "Away",
    "touch": "Touch",
}


def in_order(events: Iterable[Event]) -> list[Event]:
    """Oldest first, as things happened; events without a date go last, in the order
    given. An event known only by its day (a follow-up an event closed, a due day)
    happened by that day's end, so it comes after that day's timed events (a follow-up
    closed by a letter comes after the letter)."""
    events = list(events)
    dated = [e for e in events if e.when]
    undated = [e for e in events if not e.when]
    return sorted(dated, key=_moment) + undated


def _moment(event: Event) -> str:
    return event.when if len(event.when) > 10 else event.when + "T99"


def format_when(when: str) -> str:
    """``2026-03-16 10:30`` or ``2026-03-16``; never longer than 16 characters."""
    return when.replace("T", " ")[:16]


def as_lines(events: Iterable[Event]) -> list[str]:
    """One plain, safe line per event (control characters defused)."""
    return [
        f"{format_when(e.when) or '(no date)':<16}  {KIND_LABELS.get(e.kind, e.kind):<9}  "
        f"{one_line(e.text)}"
        for e in events
    ]


AGO_WIDTH = 5
"""Cells the contact list gives a last interaction: ``today``, ``12d``, ``3w``, ``11mo``."""


def ago(day: str, today: date) -> str:
    """How long ago ISO *day* was, in at most AGO_WIDTH cells ("" for no day): days for
    two weeks, then weeks, months from two months on, years from two years on. A day
    after *today* (a clock set back) reads as today."""
    try:
        then = date.fromisoformat(day[:10])
    except ValueError:
        return ""
    days = max(0, (today - then).days)
    if days == 0:
        return "today"
    if days < 14:
        return f"{days}d"
    if days < 63:
        return f"{days // 7}w"
    if days < 730:
        return f"{days // 30}mo"
    return f"{min(days // 365, 99)}y"
