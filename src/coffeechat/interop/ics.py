"""iCalendar (RFC 5545): follow-ups as VTODO and scheduled calls as VEVENT, with alarms.

Written by hand: the subset is small, and escaping and line folding are what matter.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from ..domain.followup_titles import followup_sentence
from ..models import Medium
from ..models_activity import Interview
from .call_event import call_event, call_time
from .vcard import escape, fold

PRODID = "-//coffeechat//coffeechat//EN"


def _date(value: str) -> str:
    return value[:10].replace("-", "")


def utc_stamp(now: datetime) -> str:
    """DTSTAMP must be UTC (RFC 5545 3.8.7.2); a naive *now* is the local time."""
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def alarm(description: str, trigger: str) -> list[str]:
    """A display alarm: ``RELATED=END:PT9H`` is 9:00 on a to-do's due day (relative to
    DUE, valid without a DTSTART), ``-PT15M`` is 15 minutes before an event starts."""
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(description)}",
        f"TRIGGER{trigger}",
        "END:VALARM",
    ]


def followup_uid(followup_id: int | None, contact_uid: str) -> str:
    """One UID per follow-up, the same in the vdir and in ``export ics``."""
    return f"followup-{followup_id}@{contact_uid}"


def call_uid(interview_id: int | None, contact_uid: str) -> str:
    """One UID per call, the same in the vdir and in ``export ics``."""
    return f"call-{interview_id}@{contact_uid}"


def write(document: dict, now: datetime) -> str:
    names = {c.get("id"): c.get("name", "") for c in document.get("contacts", [])}
    uids = defaultdict(
        str, {c.get("id"): str(c.get("uid") or "") for c in document.get("contacts", [])}
    )
    stamp = utc_stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for followup in document.get("followups", []):
        due = str(followup.get("due_date") or "")
        if len(due) < 10:
            continue
        who = names.get(followup.get("contact_id"), "")
        summary = followup_sentence(
            str(followup.get("kind") or ""), str(followup.get("title") or ""), str(who or "")
        )
        done = followup.get("state") == "done"
        lines += [
            "BEGIN:VTODO",
            f"UID:{escape(followup_uid(followup.get('id'), uids[followup.get('contact_id')]))}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(due)}",
            f"DUE;VALUE=DATE:{_date(due)}",
            f"SUMMARY:{escape(summary)}",
            f"STATUS:{'COMPLETED' if done else 'NEEDS-ACTION'}",
        ]
        if not done:
            lines += alarm(summary, ";RELATED=END:PT9H")
        lines.append("END:VTODO")
    contacts = {c.get("id"): c for c in document.get("contacts", [])}
    for row in document.get("interviews", []):
        interview = _interview(row)
        time = call_time(interview) if interview else None
        if interview is None or time is None:
            continue
        contact = contacts.get(interview.contact_id) or {}
        event = call_event(
            name=str(contact.get("name") or ""),
            medium=str(interview.medium),
            minutes=time.minutes,
            held=time.held,
            started=time.started,
            phone=str(contact.get("phone") or ""),
            link=str(contact.get("url") or ""),
            questions=_questions(row),
            their_zone=str(contact.get("time_zone") or ""),
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape(call_uid(interview.id, uids[interview.contact_id]))}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{time.start.strftime('%Y%m%dT%H%M%SZ')}",
            f"DURATION:PT{time.minutes}M",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape(event.location)}")
        if event.alarm:
            lines += alarm(event.alarm, ":-PT15M")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def _interview(row: dict) -> Interview | None:
    """The exported call as the record the vdir reads too, so both place it alike
    (:func:`call_time`); None when malformed. The call's time typed as the user's local
    time is pinned to that moment in UTC: a calendar in another zone shows the right hour."""
    try:
        return Interview(
            contact_id=int(row.get("contact_id") or 0),
            scheduled_at=str(row.get("scheduled_at") or ""),
            medium=Medium(str(row.get("medium") or "phone")),
            length_minutes=int(row.get("length_minutes") or 30),
            state=str(row.get("state") or "planned"),
            started_at=str(row.get("started_at") or ""),
            ended_at=str(row.get("ended_at") or ""),
            elapsed_seconds=float(row.get("elapsed_seconds") or 0),
            id=None if row.get("id") is None else int(row["id"]),
        )
    except (TypeError, ValueError):
        return None


def _questions(interview: dict) -> list[str]:
    """The call's checklist questions, in order."""
    items = interview.get("checklist")
    if not isinstance(items, list):
        return []
    ordered = sorted(
        (i for i in items if isinstance(i, dict) and i.get("text")),
        key=lambda i: (str(i.get("position") or 0).zfill(6), str(i.get("id") or 0).zfill(9)),
    )
    return [str(i.get("text")) for i in ordered]
