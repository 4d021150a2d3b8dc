"""The live call's clock and its phase nudges. Pure: times come in, text goes out.

The timer is stored as seconds banked while paused plus the moment it last started
running, so a crash never loses time and nothing has to be written every second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .agenda import resolve_new_date
from .validation import YEARS_HELP, parse_date


def elapsed(banked: float, running_since: str, now: datetime) -> float:
    """Seconds on the call timer: banked seconds plus the current running stretch."""
    if not running_since:
        return banked
    started = datetime.fromisoformat(running_since)
    return banked + max(0.0, (now - started).total_seconds())


def call_minute(seconds: float) -> int:
    """The minute of the call a note belongs to, counting from 0 like a stopwatch."""
    return int(seconds // 60)


def format_clock(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss`` past an hour)."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    """Small talk, Questions, Next steps, Wrap up or Over time."""
    nudge: str
    """What to do now, in a few words."""


def phase(seconds: float, length_minutes: int) -> Phase:
    """The phase of a call *seconds* in, against the promised *length_minutes*.

    Small talk takes the first tenth (at least a minute, at most three); questions
    run until the last fifth; then next steps (ask who else to talk to); in the last
    two minutes, thank them; past the promised length, offer to let them go.
    """
    length = max(1, length_minutes) * 60.0
    small_talk = min(180.0, max(60.0, length * 0.1))
    next_steps = length * 0.8
    wrap_up = length - min(120.0, length * 0.15)
    if seconds >= length:
        return Phase("Over time", "You promised them your time is up: thank them and offer to stop")
    if seconds >= wrap_up:
        return Phase("Wrap up", "Thank them for their time")
    if seconds >= next_steps:
        return Phase("Next steps", "Ask who else you should talk to")
    if seconds >= small_talk:
        return Phase("Questions", "Ask your questions, listen, take notes")
    return Phase("Small talk", "Thank them for their time; say why you reached out")


def time_left(seconds: float, length_minutes: int) -> str:
    """How long is left of the promised time, in words: ``12 min left``,
    ``under a minute left``, ``3 min over``."""
    left = max(1, length_minutes) * 60 - seconds
    if left <= 0:
        over = int(-left // 60)
        return "time is up" if over == 0 else f"{over} min over"
    if left < 60:
        return "under a minute left"
    return f"{int(-(-left // 60))} min left"


def phase_line(seconds: float, length_minutes: int) -> str:
    """The line under the timer: the phase, what to do now, and how long is left."""
    now = phase(seconds, length_minutes)
    return f"{now.name}: {now.nudge} · {time_left(seconds, length_minutes)}"


_DAY_AND_TIME = re.compile(
    r"(?P<day>.+?)(?:T|\s+(?:at\s+)?)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})", re.IGNORECASE
)

WHEN_HELP = (
    f"Use YYYY-MM-DD HH:MM, or a day and a time: tue 16:00, tomorrow 9:30, +2 14:00 ({YEARS_HELP})"
)


def resolve_when(value: str, today: date | None = None) -> str | None:
    """When an interview is planned, as typed: a day as every date field reads it
    (``2026-03-18``, ``tue``, ``tomorrow``, ``+2``), then optionally a time
    (``16:00``, ``at 9:30``). The ISO text (``2026-03-18T16:00``, or the day alone
    when no time is given); "" when empty; None when it is not a day and time.

    Without *today* only a written-out date is read (a weekday needs to know when now is).
    """
    value = value.strip()
    if not value:
        return ""
    day, time = value, ""
    if match := _DAY_AND_TIME.fullmatch(value):
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour > 23 or minute > 59:
            return None
        day, time = match["day"], f"T{hour:02d}:{minute:02d}"
    if today is not None:
        iso = resolve_new_date(day, today)
    else:
        try:
            parsed = parse_date(day)
        except ValueError:
            return None
        iso = parsed.isoformat() if parsed else None
    return None if iso is None else iso + time


def parse_when(value: str, today: date | None = None) -> datetime | None:
    """:func:`resolve_when` as a datetime (midnight when no time is given); None when
    empty. Raises ValueError otherwise."""
    resolved = resolve_when(value, today)
    if resolved is None:
        raise ValueError(value)
    return datetime.fromisoformat(resolved) if resolved else None


def check_when(value: str, today: date | None = None) -> str | None:
    return WHEN_HELP if resolve_when(value, today) is None else None


def describe_when(resolved: str) -> str:
    """``Tue 2026-12-08 16:00`` (or ``Tue 2026-12-08``) for :func:`resolve_when`'s text:
    what the field was read as, so ``tue`` shows which Tuesday."""
    when = datetime.fromisoformat(resolved)
    return f"{when:%a %Y-%m-%d %H:%M}" if "T" in resolved else f"{when:%a %Y-%m-%d}"
