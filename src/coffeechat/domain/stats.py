"""Looking back in numbers: letters, replies, calls, referrals, confidence, responsiveness.

Responsiveness (from the 3B7 routine): a reply within 3 business days of the letter
makes a "booster", a later reply an "obligate", and no reply after 7 business days a
"curmudgeon". Someone written to less than 7 business days ago without a reply is
still "waiting".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..models import OutcomeKind
from .business_days import (
    FOLLOW_UP_AFTER,
    SECOND_PERSON_AFTER,
    WEEKDAYS,
    Calendar,
    business_days_between,
)

BOOSTER = "booster"
OBLIGATE = "obligate"
CURMUDGEON = "curmudgeon"
WAITING = "waiting"


@dataclass(frozen=True, slots=True)
class Letter:
    """The first letter to one contact, and their reply (if any)."""

    contact_id: int
    name: str
    sent_on: date
    replied_on: date | None = None
    reply_kind: str = ""
    """The latest reply's kind (a ``ReplyKind`` value), "" when none was recorded."""
    back_on: date | None = None
    """When an out-of-office reply said they would be back."""
    how_found: str = ""
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class CallOutcome:
    """One held call: when, and (if recorded) its outcome kind, confidence, referrals."""

    day: date
    kind: OutcomeKind | None = None
    confidence: int | None = None
    referrals: int = 0


@dataclass(frozen=True, slots=True)
class Stats:
    letters_sent: int
    replies: int
    calls_held: int
    referrals: int
    outcomes_by_kind: dict[OutcomeKind, int]
    confidence: list[tuple[date, int]]
    labels: dict[str, list[str]] = field(default_factory=dict)
    """booster / obligate / curmudgeon / waiting → names."""
    replies_by_kind: dict[str, int] = field(default_factory=dict)
    by_how_found: list[tuple[str, int, int]] = field(default_factory=list)
    """(how found, letters, replies), most letters first."""
    by_purpose: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def reply_rate(self) -> float | None:
        return self.replies / self.letters_sent if self.letters_sent else None

    @property
    def referrals_per_call(self) -> float | None:
        return self.referrals / self.calls_held if self.calls_held else None


def responsiveness(letter: Letter, today: date, calendar: Calendar = WEEKDAYS) -> str:
    """An out-of-office answer is not a reply: the wait starts again on their return."""
    if letter.replied_on is not None:
        days = business_days_between(letter.sent_on, letter.replied_on, calendar)
        return BOOSTER if days <= SECOND_PERSON_AFTER else OBLIGATE
    waiting_since = max(letter.sent_on, letter.back_on or letter.sent_on)
    if business_days_between(waiting_since, today, calendar) >= FOLLOW_UP_AFTER:
        return CURMUDGEON
    return WAITING


def reply_rates(letters: Iterable[Letter], key: str) -> list[tuple[str, int, int]]:
    """(group, letters, replies) by the letter's *key* attribute, most letters first."""
    sent: Counter[str] = Counter()
    replied: Counter[str] = Counter()
    for letter in letters:
        group = getattr(letter, key).strip() or "(not set)"
        sent[group] += 1
        replied[group] += letter.replied_on is not None
    return [(group, count, replied[group]) for group, count in sent.most_common()]


def compute(
    letters: Iterable[Letter],
    calls: Iterable[CallOutcome],
    today: date,
    calendar: Calendar = WEEKDAYS,
) -> Stats:
    letters = list(letters)
    calls = sorted(calls, key=lambda c: c.day)
    labels: dict[str, list[str]] = {BOOSTER: [], OBLIGATE: [], CURMUDGEON: [], WAITING: []}
    for letter in sorted(letters, key=lambda item: (item.name.casefold(), item.contact_id)):
        labels[responsiveness(letter, today, calendar)].append(letter.name)
    kinds_of_reply = Counter(
        letter.reply_kind or "positive" for letter in letters if letter.replied_on is not None
    )
    kinds = Counter(c.kind for c in calls if c.kind is not None)
    return Stats(
        letters_sent=len(letters),
        replies=sum(1 for letter in letters if letter.replied_on is not None),
        calls_held=len(calls),
        referrals=sum(c.referrals for c in calls),
        outcomes_by_kind={kind: kinds.get(kind, 0) for kind in OutcomeKind},
        confidence=[(c.day, c.confidence) for c in calls if c.confidence is not None],
        labels=labels,
        replies_by_kind=dict(kinds_of_reply),
        by_how_found=reply_rates(letters, "how_found"),
        by_purpose=reply_rates(letters, "purpose"),
    )


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def spark(values: list[int], low: int = 1, high: int = 5) -> str:
    """A one-line text plot of *values* between *low* and *high* (for plain text output)."""
    bars = "▁▂▃▄▅▆▇█"
    span = max(high - low, 1)
    return "".join(
        bars[round((min(max(v, low), high) - low) / span * (len(bars) - 1))] for v in values
    )


def plot(values: list[int], low: int = 1, high: int = 5, most: int = 30) -> list[str]:
    """A small bar chart on a fixed *low*–*high* scale: one row per level, top first,
    one two-character column per value (the last *most* values)."""
    shown = values[-most:]
    rows = []
    for level in range(high, low - 1, -1):
        bars = "".join("█ " if value >= level else "  " for value in shown)
        rows.append(f"{level} │{bars.rstrip()}")
    rows.append("  └" + "─" * (2 * len(shown)))
    return rows
