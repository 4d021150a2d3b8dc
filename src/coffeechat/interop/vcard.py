"""vCard 2.1, 3.0 and 4.0, as Apple, Google and Android write them.

Line unfolding (including vCard 2.1 quoted-printable soft breaks) and property/parameter
parsing come from ``vobject``; we map the properties ourselves, without vobject's
behaviours, so that a broken PHOTO blob or an unknown property never stops an import.
"""

from __future__ import annotations

import io
import quopri
import re
from collections.abc import Iterable

from vobject.base import ParseError, getLogicalLines, parseLine

from ..models import Contact
from .records import ImportedContact, ImportFormatError, ParsedFile, decode_text

_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPLIT = re.compile(r"(?<!\\);")


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _parts(value: str) -> list[str]:
    """A structured value (N, ORG) split on unescaped semicolons, each part unescaped."""
    return [_unescape(part).strip() for part in _SPLIT.split(value)]


def _types(params: list[list[str]]) -> set[str]:
    """Every TYPE given, however spelled: TYPE=a,b · TYPE=a;TYPE=b · 2.1 bare ``;WORK``."""
    found: set[str] = set()
    for param in params:
        name, values = param[0].upper(), param[1:]
        if name == "TYPE":
            for value in values:
                found.update(v.strip().lower() for v in value.split(","))
        elif name == "PREF":
            found.add("pref")
        elif not values:
            found.add(name.lower())
    return found


def _decode(params: list[list[str]], value: str) -> str:
    """Undo vCard 2.1 quoted-printable in its declared charset."""
    named = {p[0].upper(): (p[1] if len(p) > 1 else "") for p in params}
    if named.get("ENCODING", "").upper() == "QUOTED-PRINTABLE" or "QUOTED-PRINTABLE" in named:
        raw = quopri.decodestring(value.encode("utf-8", "replace"))
        charset = named.get("CHARSET", "utf-8") or "utf-8"
        try:
            return raw.decode(charset, "replace")
        except LookupError:
            return raw.decode("utf-8", "replace")
    return value


def _best(values: list[tuple[set[str], str]], preferred: tuple[str, ...]) -> list[str]:
    """Values ordered: marked pref first, then by the preferred types, then as written."""

    def rank(item: tuple[int, tuple[set[str], str]]) -> tuple[int, int]:
        index, (types, _) = item
        if "pref" in types:
            return (0, index)
        for position, kind in enumerate(preferred):
            if kind in types:
                return (1 + position, index)
        return (len(preferred) + 1, index)

    seen: list[str] = []
    for _, (_, value) in sorted(enumerate(values), key=rank):
        if value and value not in seen:
            seen.append(value)
    return seen


class _Card:
    def __init__(self, line: int) -> None:
        self.line = line
        self.props: dict[str, list[tuple[set[str], str, list[str]]]] = {}

    def add(self, name: str, params: list[list[str]], value: str) -> None:
        value = _decode(params, value)
        self.props.setdefault(name.upper(), []).append((_types(params), value, _parts(value)))

    def first(self, name: str) -> str:
        for prop in self.props.get(name, []):
            text = _unescape(prop[1]).strip()
            if text:
                return text
        return ""

    def to_record(self) -> ImportedContact | None:
        name = self.first("FN")
        n_parts = self.props.get("N", [(set(), "", [""])])[0][2] + [""] * 5
        if not name:
            family, given, middle, prefix, suffix = n_parts[:5]
            name = " ".join(filter(None, (prefix, given, middle, family, suffix)))
        org_parts = self.props.get("ORG", [(set(), "", [""])])[0][2]
        organization = org_parts[0] if org_parts else ""
        units = [unit for unit in org_parts[1:] if unit]
        if not name:
            name = organization
        if not name:
            return None
        emails = _best(
            [
                (t, _unescape(v).strip().removeprefix("mailto:"))
                for t, v, _ in self.props.get("EMAIL", [])
            ],
            ("work", "internet", "home"),
        )
        phones = _best(
            [
                (t, _unescape(v).strip().removeprefix("tel:"))
                for t, v, _ in self.props.get("TEL", [])
            ],
            ("cell", "mobile", "work", "voice"),
        )
        urls = [_unescape(v).strip() for _, v, _ in self.props.get("URL", [])]
        for _, value, _ in self.props.get("X-SOCIALPROFILE", []):
            urls.append(_unescape(value).strip().removeprefix("x-apple:"))
        urls = [u for u in urls if u]
        linkedin = [u for u in urls if "linkedin.com" in u.lower()]
        url = (linkedin or urls or [""])[0]
        note_lines = [self.first("NOTE")] if self.first("NOTE") else []
        if units:
            note_lines.append("Unit: " + ", ".join(units))
        if len(emails) > 1:
            note_lines.append("Other email: " + ", ".join(emails[1:]))
        if len(phones) > 1:
            note_lines.append("Other phone: " + ", ".join(phones[1:]))
        tags = ", ".join(
            t for _, _, parts in self.props.get("CATEGORIES", []) for t in _split_commas(parts)
        )
        contact = Contact(
            name=name,
            title=self.first("TITLE") or self.first("ROLE"),
            organization=organization,
            email=emails[0] if emails else "",
            phone=phones[0] if phones else "",
            url=url,
            tags=tags,
        )
        return ImportedContact(
            contact, line=self.line, note="\n".join(note_lines), other_emails=tuple(emails[1:])
        )


def _split_commas(parts: list[str]) -> list[str]:
    return [t.strip() for part in parts for t in re.split(r"(?<!\\),", part) if t.strip()]


def parse(data: bytes, source: str) -> ParsedFile:
    text = decode_text(data, source)
    parsed = ParsedFile()
    card: _Card | None = None
    try:
        logical = list(getLogicalLines(io.StringIO(text, newline="")))
    except Exception as error:  # vobject's unfolding is plain string work; be safe anyway
        raise ImportFormatError(source, None, f"unreadable vCard ({error})") from None
    for raw, number in logical:
        number = max(number, 1)
        if not raw.strip():
            continue
        try:
            name, params, value, _group = parseLine(raw, number)
        except ParseError:
            raise ImportFormatError(source, number, "not a vCard property line") from None
        upper = name.upper()
        if card is None:
            if upper == "BEGIN" and value.strip().upper() == "VCARD":
                card = _Card(number)
                continue
            raise ImportFormatError(source, number, f"expected BEGIN:VCARD, found {name[:40]!r}")
        if upper == "END" and value.strip().upper() == "VCARD":
            record = card.to_record()
            if record is None:
                parsed.skipped.append((card.line, "no name"))
            else:
                parsed.records.append(record)
            card = None
        elif upper == "BEGIN":
            raise ImportFormatError(source, number, "BEGIN inside a card (previous card not ended)")
        elif upper not in ("PHOTO", "LOGO", "SOUND", "KEY"):
            card.add(upper, params, value)
    if card is not None:
        raise ImportFormatError(source, card.line, "truncated card: BEGIN:VCARD without END:VCARD")
    if not parsed.records and not parsed.skipped:
        raise ImportFormatError(source, None, "no vCards found")
    return parsed


# --- writing ---------------------------------------------------------------------------


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """RFC 6350/5545 folding: at most 75 octets a line, never splitting a character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out) + "\r\n"


_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."}


def write(contacts: Iterable[Contact], notes: dict[int, str]) -> str:
    """vCard 3.0 for every contact, which Apple, Google and Outlook all read."""
    cards: list[str] = []
    for contact in contacts:
        words = contact.name.split()
        suffix = words.pop() if len(words) > 2 and words[-1].lower() in _SUFFIXES else ""
        family = words.pop() if len(words) > 1 else ""
        given = " ".join(words)
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{_escape(family)};{_escape(given)};;;{_escape(suffix)}",
            f"FN:{_escape(contact.name)}",
        ]
        if contact.organization:
            lines.append(f"ORG:{_escape(contact.organization)}")
        if contact.title:
            lines.append(f"TITLE:{_escape(contact.title)}")
        if contact.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{_escape(contact.email)}")
        if contact.phone:
            lines.append(f"TEL;TYPE=CELL:{_escape(contact.phone)}")
        if contact.url:
            lines.append(f"URL:{_escape(contact.url)}")
        if contact.tags:
            tags = [t.strip() for t in contact.tags.split(",") if t.strip()]
            lines.append("CATEGORIES:" + ",".join(_escape(t) for t in tags))
        note = notes.get(contact.id or 0, "")
        if note:
            lines.append(f"NOTE:{_escape(note)}")
        lines.append("END:VCARD")
        cards.append("".join(fold(line) for line in lines))
    return "".join(cards)
