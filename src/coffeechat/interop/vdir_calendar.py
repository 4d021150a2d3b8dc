"""A follow-up (VTODO) or call (VEVENT) in the vdir, read, written and patched with the
``icalendar`` library: it knows the TZIDs an item defines in its own VTIMEZONE, Windows
zone names (``W. Europe Standard Time``), a leading BOM, folding, escaping and
recurrence overrides, which the hand-written line reader this replaces did not.

Patching edits the properties coffeechat owns on the item's main component and keeps
every other property and component (alarms added on a phone, LOCATION, X- properties),
then moves SEQUENCE, LAST-MODIFIED and DTSTAMP on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from ..domain.timezones import as_utc
from .ics import PRODID
from .vcard import escape, fold
from .vdir_errors import MalformedItem, check_year

if TYPE_CHECKING:
    import icalendar

_UTC_FORMAT = "%Y%m%dT%H%M%SZ"
_OURS = "X-COFFEECHAT"
"""Marks the alarm coffeechat added, so that it alone is taken away when done."""
_TEXT = {"summary": "SUMMARY", "description": "DESCRIPTION", "location": "LOCATION"}


def _calendar(data: bytes) -> icalendar.Calendar:
    body = data.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in body:
        raise MalformedItem("binary data, not an iCalendar item")
    # Imported when an item is first read: an idle sync reads none (~50 ms saved).
    import icalendar

    try:
        return icalendar.Calendar.from_ical(body)
    except Exception:  # the library raises many kinds; none may escape as a traceback
        raise MalformedItem("not a valid iCalendar item") from None


def _main(calendar: icalendar.Calendar, kind: str) -> icalendar.cal.Component:
    """The item's own component: the first *kind* that is not a recurrence override."""
    for component in calendar.walk(kind):
        if "RECURRENCE-ID" not in component:
            return component
    raise MalformedItem(f"no {kind} in the item")


def _decoded(component: icalendar.cal.Component, name: str) -> date | datetime | None:
    if name not in component:
        return None
    try:
        value = component.decoded(name)
    except Exception:
        raise MalformedItem(f"{name} is not a date") from None
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, date):
        raise MalformedItem(f"{name} is not a date")
    check_year(value, name)
    return value


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo is not None else as_utc(value)


def _text(component: icalendar.cal.Component, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    if name == "CATEGORIES":
        return ", ".join(str(c) for c in getattr(value, "cats", [value]))
    return str(value).strip()


def _our_alarm(component: icalendar.cal.Component) -> str:
    for alarm in component.walk("VALARM"):
        if str(alarm.get(_OURS, "")) == "alarm":
            return str(alarm.get("DESCRIPTION", "")).strip()
    return ""


def read(data: bytes, kind: str) -> tuple[str, dict[str, str]]:
    """(UID, fields) of a VTODO or VEVENT item."""
    main = _main(_calendar(data), kind)
    uid = str(main.get("UID", "")).strip()
    if not uid:
        raise MalformedItem(f"the {kind} has no UID")
    try:
        fields = {"summary": _text(main, "SUMMARY"), "alarm": _our_alarm(main)}
        if kind == "VTODO":
            fields.update(_todo_fields(main))
        else:
            fields.update(_event_fields(main))
    except MalformedItem:
        raise
    except Exception:
        raise MalformedItem(f"the {kind} has a value that cannot be read") from None
    return uid, fields


def _todo_fields(todo: icalendar.cal.Component) -> dict[str, str]:
    due = _decoded(todo, "DUE")
    if isinstance(due, datetime):
        due = _utc(due).astimezone().date()
    completed = _decoded(todo, "COMPLETED")
    done = ""
    if _text(todo, "STATUS").upper() == "COMPLETED":
        done = "yes"
        if isinstance(completed, datetime):
            done = _utc(completed).strftime(_UTC_FORMAT)
    return {
        "due": due.isoformat() if due else "",
        "done": done,
        "categories": _text(todo, "CATEGORIES"),
    }


def _event_fields(event: icalendar.cal.Component) -> dict[str, str]:
    start = _decoded(event, "DTSTART")
    end = _decoded(event, "DTEND")
    minutes = ""
    if isinstance(start, datetime):
        if isinstance(end, datetime):
            minutes = str(int((_utc(end) - _utc(start)).total_seconds() // 60))
        elif "DURATION" in event:
            duration = event.decoded("DURATION")
            if isinstance(duration, timedelta):
                minutes = str(int(duration.total_seconds() // 60))
    return {
        "start": _utc(start).strftime(_UTC_FORMAT) if isinstance(start, datetime) else "",
        "minutes": minutes,
        "description": _text(event, "DESCRIPTION"),
        "location": _text(event, "LOCATION"),
    }


def render(kind: str, uid: str, fields: dict[str, str], now: datetime) -> bytes:
    """A new item, written as text: a first sync writes thousands, and building each
    through the library's objects would cost a second a thousand. What it writes reads
    back field for field (a test holds that)."""
    stamp = now.astimezone(UTC).strftime(_UTC_FORMAT)
    lines = [f"BEGIN:{kind}", f"UID:{escape(uid)}", f"DTSTAMP:{stamp}"]
    for name, prop in (("summary", "SUMMARY"), ("categories", "CATEGORIES")):
        if fields.get(name):
            lines.append(f"{prop}:{escape(fields[name])}")
    if kind == "VTODO":
        if fields.get("due"):
            lines.append(f"DUE;VALUE=DATE:{fields['due'].replace('-', '')}")
        done = fields.get("done", "")
        if done:
            lines += [
                "STATUS:COMPLETED",
                f"COMPLETED:{stamp if done == 'yes' else done}",
                "PERCENT-COMPLETE:100",
            ]
        else:
            lines.append("STATUS:NEEDS-ACTION")
        trigger = "TRIGGER;RELATED=END:PT9H"
    else:
        start = datetime.strptime(fields["start"], _UTC_FORMAT).replace(tzinfo=UTC)
        end = start + timedelta(minutes=int(fields.get("minutes") or 30))
        lines += [f"DTSTART:{fields['start']}", f"DTEND:{end.strftime(_UTC_FORMAT)}"]
        for name, prop in (("description", "DESCRIPTION"), ("location", "LOCATION")):
            if fields.get(name):
                lines.append(f"{prop}:{escape(fields[name])}")
        trigger = "TRIGGER:-PT15M"
    if fields.get("alarm") and not fields.get("done"):
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(fields['alarm'])}",
            trigger,
            f"{_OURS}:alarm",
            "END:VALARM",
        ]
    wrapped = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", *lines, f"END:{kind}"]
    return "".join(fold(line) for line in [*wrapped, "END:VCALENDAR"]).encode("utf-8")


def patch(data: bytes, kind: str, fields: dict[str, str], names: set[str], now: datetime) -> bytes:
    calendar = _calendar(data)
    main = _main(calendar, kind)
    _apply(main, kind, fields, names, now)
    try:
        sequence = int(str(main.get("SEQUENCE", "0")).strip() or 0)
    except ValueError:
        sequence = 0
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for name, value in (("SEQUENCE", sequence + 1), ("LAST-MODIFIED", stamp), ("DTSTAMP", stamp)):
        main.pop(name, None)
        main.add(name, value)
    return calendar.to_ical()


def _set(component: icalendar.cal.Component, name: str, value: object) -> None:
    component.pop(name, None)
    if value not in ("", None):
        component.add(name, value)


def _apply(
    component: icalendar.cal.Component,
    kind: str,
    fields: dict[str, str],
    names: set[str],
    now: datetime,
) -> None:
    for name in names & _TEXT.keys():
        _set(component, _TEXT[name], fields.get(name, ""))
    if "categories" in names:
        _set(component, "CATEGORIES", fields.get("categories", ""))
    if kind == "VTODO":
        _apply_todo(component, fields, names, now)
    elif names & {"start", "minutes"} and fields.get("start"):
        start = datetime.strptime(fields["start"], _UTC_FORMAT).replace(tzinfo=UTC)
        _set(component, "DTSTART", start)
        component.pop("DURATION", None)
        _set(component, "DTEND", start + timedelta(minutes=int(fields.get("minutes") or 30)))
    if names & {"alarm", "done"}:
        wanted = "" if fields.get("done") else fields.get("alarm", "")
        _set_alarm(component, kind, wanted)


def _apply_todo(
    todo: icalendar.cal.Component, fields: dict[str, str], names: set[str], now: datetime
) -> None:
    if "due" in names and fields.get("due"):
        _set(todo, "DUE", date.fromisoformat(fields["due"]))
    if "done" not in names:
        return
    done = fields.get("done", "")
    for name in ("STATUS", "COMPLETED", "PERCENT-COMPLETE"):
        todo.pop(name, None)
    if done:
        moment = now.astimezone(UTC).replace(microsecond=0)
        if done != "yes":
            moment = datetime.strptime(done, _UTC_FORMAT).replace(tzinfo=UTC)
        todo.add("STATUS", "COMPLETED")
        todo.add("COMPLETED", moment)
        todo.add("PERCENT-COMPLETE", 100)
    else:
        todo.add("STATUS", "NEEDS-ACTION")


def _set_alarm(component: icalendar.cal.Component, kind: str, description: str) -> None:
    """Our alarm, present with *description* or gone; alarms added elsewhere stay."""
    component.subcomponents = [
        c
        for c in component.subcomponents
        if not (c.name == "VALARM" and str(c.get(_OURS, "")) == "alarm")
    ]
    if not description:
        return
    import icalendar

    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", description)
    if kind == "VTODO":
        # 9:00 on the due day: relative to DUE (RFC 5545 3.8.6.3), so the to-do
        # needs no DTSTART for the alarm to be valid.
        alarm.add("TRIGGER", timedelta(hours=9), parameters={"RELATED": "END"})
    else:
        alarm.add("TRIGGER", timedelta(minutes=-15))
    alarm.add(_OURS, "alarm")
    component.add_component(alarm)
