"""The live call's clock and its phase nudges. Pure: times come in, text goes out.

The timer is stored as seconds banked while paused plus the moment it last started
running, so a crash never loses time and nothing has to be written every second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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


def parse_when(value: str) -> datetime | None:
    """When an interview is planned, typed ``YYYY-MM-DD HH:MM`` (or just the date);
    None when empty. Raises ValueError otherwise."""
    value = value.strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise ValueError(value)


def check_when(value: str) -> str | None:
    try:
        parse_when(value)
    except ValueError:
        return "Use YYYY-MM-DD HH:MM, e.g. 2026-03-18 14:30"
    return None
