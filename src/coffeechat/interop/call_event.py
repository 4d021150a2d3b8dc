"""A call as a calendar event: what ``export ics`` and the vdir's call item both say.

One builder, so the file a user imports once and the calendar kept in sync read alike:
who it is with (and "(held)" once it was), how to reach them (the phone number for a
phone call, the link for a video call), the questions planned, and where they are when
their time zone is not ours. And when: one rule for the start, the length and whether
it was held (:func:`call_time`), so the two never place the same call differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.timezones import as_utc
from ..models_activity import Interview


@dataclass(frozen=True, slots=True)
class CallTime:
    start: datetime
    """In UTC: the real start once the call started (Interview.happened_at), else the
    planned one."""
    minutes: int
    """As held (rounded up to a minute) once held, else as planned."""
    held: bool
    started: bool
    """In progress or held: no reminder before a start that has passed."""


def call_time(interview: Interview) -> CallTime | None:
    """When the call is in the calendar, for every state (planned, in progress, held);
    None for a call with no time."""
    when = interview.happened_at
    if len(when) < 16:
        return None
    try:
        start = as_utc(datetime.fromisoformat(when))
    except ValueError:
        return None
    held = interview.state == "held"
    planned = interview.length_minutes if interview.length_minutes > 0 else 30
    elapsed = int(interview.elapsed_seconds) if interview.elapsed_seconds > 0 else 0
    minutes = max(1, -(-elapsed // 60)) if held and elapsed else planned
    return CallTime(start, minutes, held, interview.state != "planned")


@dataclass(frozen=True, slots=True)
class CallEvent:
    summary: str
    description: str
    location: str
    alarm: str
    """The reminder 15 minutes before ("" once the call started)."""


def reach(medium: str, phone: str, link: str) -> str:
    """How the call is made: "Phone: …" for a phone call, "Link: …" for a video call
    (a video call with no link falls back to the phone), "" in person."""
    if medium == "video" and link:
        return f"Link: {link}"
    if phone and medium != "in person":
        return f"Phone: {phone}"
    return ""


def call_event(
    *,
    name: str,
    medium: str,
    minutes: int,
    held: bool,
    started: bool = False,
    phone: str = "",
    link: str = "",
    questions: tuple[str, ...] | list[str] = (),
    their_zone: str = "",
) -> CallEvent:
    """The event's texts. *questions*: the checklist's, in order, as written."""
    how = reach(medium, phone, link)
    asked = [f"- {' '.join(q.split())}" for q in questions if q.strip()]
    description = "\n".join(
        part
        for part in (
            f"{minutes}-minute informational interview ({medium})",
            how,
            "Questions:" if asked else "",
            *asked,
        )
        if part
    )
    where = f"{name} is in {their_zone}" if their_zone else ""
    return CallEvent(
        summary=f"Coffee chat with {name}" + (" (held)" if held else ""),
        description=description,
        location="; ".join(part for part in (how.partition(": ")[2], where) if part),
        alarm="" if held or started else f"Coffee chat with {name} in 15 minutes",
    )
