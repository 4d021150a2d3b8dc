"""A contact's vCard in the vdir: its fields read with the vCard reader the imports use
(:mod:`coffeechat.interop.vcard`: 2.1 to 4.0, charsets, BOMs, folding), a new card
written, and an existing card patched line by line so that whatever a phone or khard
added (a photo, a second number, an address, X- properties) stays as it was."""

from __future__ import annotations

from datetime import UTC, datetime

from ..models import Contact
from .records import ImportedContact, ImportFormatError
from .vcard import _name_parts, _unescape, escape, fold
from .vcard import parse as parse_cards
from .vcard_lines import decode, logical_lines, parse_property, physical_lines
from .vdir_errors import MalformedItem

_PROPERTY = {
    "name": "FN",
    "n": "N",
    "email": "EMAIL",
    "phone": "TEL",
    "organization": "ORG",
    "title": "TITLE",
    "url": "URL",
    "categories": "CATEGORIES",
    "note": "NOTE",
}
_NEW_HEAD = {"EMAIL": "EMAIL;TYPE=INTERNET", "TEL": "TEL;TYPE=CELL"}


def n_value(contact: Contact, sort_name: str = "") -> str:
    """The card's N, cut where the contact's stored *sort_name* says when it can be."""
    family, given, prefix, suffix = _name_parts(contact, sort_name)
    return (
        f"{escape(family.strip())};{escape(given.strip())};;{escape(prefix.strip())};"
        f"{escape(suffix.strip())}"
    )


def _value(name: str, value: str) -> str:
    if name == "n":
        return value
    if name == "categories":
        return ",".join(escape(t.strip()) for t in value.split(",") if t.strip())
    return escape(value)


def _text(data: bytes) -> str:
    try:
        return decode(data, "item")
    except ImportFormatError as error:
        raise MalformedItem(_reason(error)) from None


def _reason(error: ImportFormatError) -> str:
    return "not a valid vCard" + (f" (line {error.line})" if error.line else "")


def record(data: bytes) -> ImportedContact:
    """The contact a one-card vCard file holds, as an import reads it."""
    try:
        parsed = parse_cards(data, "item")
    except ImportFormatError as error:
        raise MalformedItem(_reason(error)) from None
    if len(parsed.records) != 1:
        raise MalformedItem("not exactly one named vCard")
    return parsed.records[0]


def read(data: bytes) -> tuple[str, dict[str, str]]:
    """(UID, fields) of a one-card vCard file."""
    contact = record(data).contact
    if not contact.uid.strip():
        raise MalformedItem("the vCard has no UID")
    raw: dict[str, str] = {}
    for number, line in logical_lines(physical_lines(_text(data))):
        prop = parse_property(number, line)
        if prop is not None and prop.name in ("N", "NOTE") and prop.name not in raw:
            raw[prop.name] = prop.value
    fields = {
        "name": contact.name.strip(),
        "n": raw.get("N", "").strip(),
        "email": contact.email.strip(),
        "phone": contact.phone.strip(),
        "organization": contact.organization.strip(),
        "title": contact.title.strip(),
        "url": contact.url.strip(),
        "categories": contact.tags.strip(),
        "note": _unescape(raw.get("NOTE", "")).strip(),
    }
    return contact.uid.strip(), fields


def render(uid: str, fields: dict[str, str]) -> bytes:
    """A new vCard 3.0, which Apple, Google, Outlook and khard all read."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{escape(uid)}"]
    for name, prop in _PROPERTY.items():
        value = fields.get(name, "")
        if value or name in ("name", "n"):
            lines.append(f"{_NEW_HEAD.get(prop, prop)}:{_value(name, value)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines).encode("utf-8")


def patch(data: bytes, fields: dict[str, str], names: set[str], now: datetime) -> bytes:
    """*data* with the properties of *names* set from *fields* (the first of each kind:
    a second email or number stays), REV moved to *now*; every other line kept."""
    physical = physical_lines(_text(data))
    starts = [number - 1 for number, _ in logical_lines(physical)]
    chunks = [physical[a:b] for a, b in zip(starts, [*starts[1:], len(physical)], strict=True)]
    wanted = {_PROPERTY[n]: n for n in names if n in _PROPERTY}
    wanted["REV"] = "rev"
    values = {**fields, "rev": now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")}
    out: list[str] = list(physical[: starts[0]]) if starts else []
    done: set[str] = set()
    for chunk in chunks:
        unfolded = "".join([chunk[0], *(line[1:] for line in chunk[1:] if line[:1] in " \t")])
        prop = parse_property(0, unfolded)
        name = prop.name if prop else ""
        if name == "END" and prop and prop.value.strip().upper() == "VCARD":
            for missing in wanted.keys() - done:
                value = values[wanted[missing]]
                if value:
                    head = _NEW_HEAD.get(missing, missing)
                    out.append(fold(f"{head}:{_value(wanted[missing], value)}").rstrip("\r\n"))
            done.update(wanted)
        if prop is None or name not in wanted or name in done:
            out.extend(chunk)
            continue
        done.add(name)
        value = values[wanted[name]]
        if not value:
            continue  # emptied in the app: the property goes
        head = unfolded[: len(unfolded) - len(prop.value) - 1]
        if "ENCODING" in head.upper() or "CHARSET" in head.upper():
            head = name  # the new value is plain UTF-8 text
        out.append(fold(f"{head}:{_value(wanted[name], value)}").rstrip("\r\n"))
    text = "\r\n".join(line for line in out if line.strip()) + "\r\n"
    return text.encode("utf-8")
