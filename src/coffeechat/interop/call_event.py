"""A call as a calendar event: what ``export ics`` and the vdir's call item both say.

One builder, so the file a user imports once and the calendar kept in sync read alike:
who it is with (and "(held)" once it was), how to reach them (the phone number for a
phone call, the link for a video call), the questions planned, and where they are when
their time zone is not ours.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CallEvent:
    summary: str
    description: str
    location: str
    alarm: str
    """The reminder 15 minutes before ("" once the call was held)."""


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
        alarm="" if held else f"Coffee chat with {name} in 15 minutes",
    )
