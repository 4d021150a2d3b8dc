"""The agenda: what is overdue, due today and coming up, as sections and as text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from . import validation
from .business_days import WEEKDAYS, Calendar, add_business_days
from .followup_titles import followup_sentence
from .pipeline import KEEP_IN_TOUCH, SECOND_PERSON, THANK_YOU, call_title
from .text import one_line
from .timezones import their_clock


@dataclass(frozen=True, slots=True)
class Item:
    when: str
    """ISO date (or datetime for calls)."""
    contact_name: str
    title: str
    contact_id: int
    followup_id: int | None = None
    reach: str = ""
    """The contact's phone number, else their email: what to dial or write to."""


@dataclass(frozen=True, slots=True)
class Agenda:
    today: date
    days: int
    overdue: list[Item] = field(default_factory=list)
    due_today: list[Item] = field(default_factory=list)
    coming_up: list[Item] = field(default_factory=list)
    thank_yous: list[Item] = field(default_factory=list)
    calls: list[Item] = field(default_factory=list)
    losing_touch: list[Item] = field(default_factory=list)
    """Keep-in-touch items due (or overdue): people you have not been in touch with."""

    def sections(self) -> list[tuple[str, list[Item]]]:
        return [
            ("Overdue", self.overdue),
            ("Due today", self.due_today),
            (f"Coming up (next {self.days} days)", self.coming_up),
            ("Thank-you notes owed", self.thank_yous),
            ("Calls scheduled", self.calls),
            ("Losing touch", self.losing_touch),
        ]

    def is_empty(self) -> bool:
        return not any(items for _, items in self.sections())


class AgendaSource(Protocol):
    """What the agenda reads (``Store.followups`` provides it)."""

    def open_until(self, last_day: str) -> Iterable[Any]: ...
    def thank_yous_owed(self) -> Iterable[Any]: ...
    def scheduled_calls(self, after: str) -> Iterable[Any]: ...


def second_person_title(title: str, write_next: str | None) -> str:
    """The 3B7 "reach a second person" nudge, naming who (or saying there is nobody)."""
    if write_next is None:
        return title
    if write_next:
        return f"{title}: write to {write_next}"
    return f"{title}: nobody else there yet (n adds a contact)"


def build_agenda(
    source: AgendaSource,
    today: date,
    now: datetime,
    days: int = 7,
    write_next: Callable[[int], str | None] | None = None,
) -> Agenda:
    """The agenda for *today*, looking *days* ahead. *write_next* names the colleague to
    write to next for a contact (``Store.employers.write_next``)."""
    last = (today + timedelta(days=days)).isoformat()
    agenda = Agenda(today, days)
    iso_today = today.isoformat()
    for row in source.open_until(last):
        f = row.followup
        title = followup_sentence(f.kind, f.title, row.contact_name, named_beside=True)
        if f.kind == SECOND_PERSON and write_next is not None:
            title = second_person_title(title, write_next(f.contact_id))
        reach = getattr(row, "reach", "")
        item = Item(f.due_date, row.contact_name, title, f.contact_id, f.id, reach)
        if f.kind == THANK_YOU:
            agenda.thank_yous.append(item)
        elif f.kind == KEEP_IN_TOUCH:
            # Not losing touch until the interval has passed.
            if f.due_date <= iso_today:
                agenda.losing_touch.append(item)
        elif f.due_date < iso_today:
            agenda.overdue.append(item)
        elif f.due_date == iso_today:
            agenda.due_today.append(item)
        else:
            agenda.coming_up.append(item)
    for held in source.thank_yous_owed():
        ended = held.ended_at[:10]
        due = (date.fromisoformat(ended) + timedelta(days=1)).isoformat() if ended else iso_today
        agenda.thank_yous.append(
            Item(
                due,
                held.contact_name,
                "Send a thank-you note (within 24 h)",
                held.contact_id,
                reach=getattr(held, "reach", ""),
            )
        )
    agenda.thank_yous.sort(key=lambda item: item.when)
    limit = (now + timedelta(days=days)).isoformat(timespec="minutes")
    for call in source.scheduled_calls(now.isoformat(timespec="minutes")):
        if call.scheduled_at <= limit:
            title = call_title(call.medium, call.length_minutes)
            zone = getattr(call, "time_zone", "")
            if theirs := their_clock(datetime.fromisoformat(call.scheduled_at), zone):
                title += f" · {theirs} their time"
            agenda.calls.append(
                Item(
                    call.scheduled_at,
                    call.contact_name,
                    title,
                    call.contact_id,
                    reach=getattr(call, "reach", ""),
                )
            )
    return agenda


def relative_day(when: str, today: date) -> str:
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        return when
    delta = (day - today).days
    label = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if label is None:
        label = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    time = f" {when[11:16]}" if len(when) >= 16 else ""
    return f"{day:%a} {day.isoformat()}{time} ({label})"


def as_text(agenda: Agenda) -> str:
    """Plain text for the command line; user text is flattened to one safe line."""
    lines = [f"Agenda for {agenda.today:%A} {agenda.today.isoformat()}"]
    if agenda.is_empty():
        lines.append("")
        lines.append("Nothing due. Add contacts, send a letter, and follow-ups will show here.")
        return "\n".join(lines) + "\n"
    for title, items in agenda.sections():
        if not items:
            continue
        lines.append("")
        lines.append(f"{title}:")
        for item in items:
            reach = f" ({one_line(item.reach)})" if item.reach else ""
            lines.append(
                f"  {relative_day(item.when, agenda.today)}  {one_line(item.contact_name)}"
                f"{reach} — {one_line(item.title)}"
            )
    return "\n".join(lines) + "\n"


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

DATE_HELP = "YYYY-MM-DD, +N business days, today, tomorrow or a weekday"


def resolve_new_date(value: str, today: date, calendar: Calendar = WEEKDAYS) -> str | None:
    """A date typed as ``YYYY-MM-DD``, ``+N`` business days from *today*, ``today``,
    ``tomorrow`` or a weekday (``fri``, ``next monday``: the next one after today):
    the ISO date, or None when the text is none of these (or lands outside the
    calendar). Every date field of the app reads dates this way."""
    value = value.strip()
    found = _new_date(value, today, calendar)
    # Also for "+N" and words, not only typed dates: the years every date field takes.
    return found.isoformat() if found is not None and validation.in_range(found) else None


def _new_date(value: str, today: date, calendar: Calendar) -> date | None:
    word = value.casefold().removeprefix("next ").strip()
    if word in ("today", "tomorrow"):
        return today + timedelta(days=0 if word == "today" else 1)
    if len(word) >= 3:
        for index, name in enumerate(WEEKDAY_NAMES):
            if name.startswith(word):
                return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)
    if value.startswith("+") and value[1:].isascii() and value[1:].isdigit():
        days = int(value[1:])
        if days > 100_000:  # ~380 years: beyond that the calendar runs out
            return None
        try:
            return add_business_days(today, days, calendar)
        except OverflowError:
            return None
    try:
        return validation.parse_date(value)
    except ValueError:
        return None


def check_day(value: str, today: date) -> str | None:
    """A form check for a date field (empty is allowed; the field says if it is needed)."""
    if not value.strip() or resolve_new_date(value, today) is not None:
        return None
    return f"Not a date: {DATE_HELP}"


def weekend_warning(iso: str) -> str | None:
    """A warning when *iso* falls on a weekend (a follow-up then waits for Monday)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    if day.weekday() >= 5:
        return f"{iso} is a {day:%A}: nobody will see it before Monday."
    return None
