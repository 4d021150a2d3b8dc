"""A contact's history in one list: letters, calls, note lines, outcomes, follow-ups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import one_line


@dataclass(frozen=True, slots=True)
class Event:
    when: str
    """ISO date or datetime; events sort on it (dates before times of the same day)."""
    kind: str
    """letter, call, note, outcome, follow-up"""
    text: str
    ref: str = ""
    """What it is, for finding it again: ``letter:<draft id>`` for a letter sent."""


KIND_LABELS = {
    "letter": "Letter",
    "call": "Call",
    "note": "Note",
    "outcome": "Outcome",
    "follow-up": "Follow-up",
}


def in_order(events: Iterable[Event]) -> list[Event]:
    """Oldest first; events without a date go last, in the order given."""
    dated = [e for e in events if e.when]
    undated = [e for e in events if not e.when]
    return sorted(dated, key=lambda e: e.when) + undated


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
