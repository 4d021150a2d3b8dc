"""Time zones: the contact's local time, for a call across the world.

A contact's zone is an IANA name (``Europe/Berlin``). Times the user types are their own
local wall-clock times, which Python reads in the machine's zone (``TZ`` or the system's).
Unknown or missing zones show nothing: a wrong local time is worse than none.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name known here, sorted (for suggestions)."""
    return tuple(sorted(available_timezones()))


def zone(name: str) -> ZoneInfo | None:
    name = name.strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def check_time_zone(value: str) -> str | None:
    if not value.strip() or zone(value) is not None:
        return None
    return "Not a time zone: pick one like Europe/Berlin or America/New_York"


def their_time(moment: datetime, name: str) -> datetime | None:
    """*moment* (the user's local wall-clock time, or an aware time) in zone *name*."""
    target = zone(name)
    if target is None:
        return None
    try:
        aware = moment if moment.tzinfo is not None else moment.astimezone()
        return aware.astimezone(target)
    except (OverflowError, ValueError, OSError):
        # A moment at the edge of the calendar (year 1 or 9999, stored before dates
        # were held to sane years) shifted past it: no time is better than a crash.
        return None


def their_clock(moment: datetime, name: str, *, with_day: bool = False) -> str:
    """``"15:30 in Berlin"`` (``"Tue 15:30 in Berlin"``), or "" when the zone is not known."""
    shown = their_time(moment, name)
    if shown is None:
        return ""
    city = name.strip().rsplit("/", 1)[-1].replace("_", " ")
    fmt = "%a %H:%M" if with_day else "%H:%M"
    return f"{shown.strftime(fmt)} in {city}"


def as_utc(local: datetime) -> datetime:
    """The user's local wall-clock time *local* as UTC (for calendars: never floating)."""
    aware = local if local.tzinfo is not None else local.astimezone()
    return aware.astimezone(UTC)
