"""vCard 2.1, 3.0 and 4.0, as phones, address books and mail programs write them.

Reading text and lines is in :mod:`vcard_lines`; here the properties become a contact.
Nothing a card says is dropped silently: a second EMAIL, TEL, ORG, TITLE, URL or NOTE
goes into the research note. A card with no name is named by what it has (its
organization, else its email or phone).
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable

from ..domain.identity import is_placeholder
from ..domain.names import parse_name, parts_by_sort_key, stored_parts
from ..models import Contact
from .records import ImportedContact, ImportFormatError, ParsedFile, url_name
from .vcard_lines import (
    check_cards_complete,
    decode,
    logical_lines,
    parse_property,
    physical_lines,
)

_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPLIT = re.compile(r"(?<!\\);")
_IGNORED = ("PHOTO", "LOGO", "SOUND", "KEY")
# Properties where a placeholder ("-", "n/a", "none") means "no value" and is not kept.
_VALUES = frozenset({"EMAIL", "TEL", "URL", "ORG", "TITLE", "ROLE", "X-SOCIALPROFILE"})


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
        self.props.setdefault(name, []).append((_types(params), value, _parts(value)))

    def texts(self, name: str) -> list[str]:
        """Every non-empty value of *name*, unescaped, in file order, without repeats."""
        found = [_unescape(prop[1]).strip() for prop in self.props.get(name, [])]
        if name in _VALUES:
            found = [text for text in found if not is_placeholder(text)]
        return list(dict.fromkeys(text for text in found if text))

    def first(self, name: str) -> str:
        return next(iter(self.texts(name)), "")

    def _typed(self, name: str, prefix: str, preferred: tuple[str, ...]) -> list[str]:
        values = [
            (types, _unescape(value).strip().removeprefix(prefix))
            for types, value, _ in self.props.get(name, [])
        ]
        return _best([v for v in values if not is_placeholder(v[1])], preferred)

    def to_record(self) -> ImportedContact | None:
        n_parts = self.props.get("N", [(set(), "", [""])])[0][2] + [""] * 5
        family, given, middle, prefix, suffix = n_parts[:5]
        orgs = [
            ["" if is_placeholder(part) else part for part in parts]
            for _, _, parts in self.props.get("ORG", [])
        ]
        orgs = [parts for parts in orgs if any(parts)]
        organization = orgs[0][0] if orgs else ""
        emails = self._typed("EMAIL", "mailto:", ("work", "internet", "home"))
        phones = self._typed("TEL", "tel:", ("cell", "mobile", "work", "voice"))
        name = (
            self.first("FN")
            or " ".join(filter(None, (prefix, given, middle, family, suffix)))
            or self.first("NICKNAME")
            or organization
        )
        urls = self.texts("URL")
        urls += [u.removeprefix("x-apple:") for u in self.texts("X-SOCIALPROFILE")]
        urls = list(dict.fromkeys(urls))
        name = (
            name
            or next(iter(emails), "")
            or next(iter(phones), "")
            or next(map(url_name, urls), "")
        )
        if not name:
            return None
        linkedin = [u for u in urls if "linkedin.com" in u.lower()]
        url = (linkedin or urls or [""])[0]
        titles = self.texts("TITLE") or self.texts("ROLE")
        extras = (
            *(("department", unit) for unit in (orgs[0][1:] if orgs else []) if unit),
            *(("organization", " / ".join(filter(None, parts))) for parts in orgs[1:]),
            *(("title", other) for other in titles[1:]),
            *(("email", other) for other in emails[1:]),
            *(("phone", other) for other in phones[1:]),
            *(("url", other) for other in urls if other != url),
        )
        tags = ", ".join(
            t for _, _, parts in self.props.get("CATEGORIES", []) for t in _split_commas(parts)
        )
        if self.props.get("N") and (given or family):
            given, family = stored_parts(name, " ".join(filter(None, (given, middle))), family)
        elif self.first("FN") or self.first("NICKNAME"):
            given, family = stored_parts(name)  # a person's name, with no N to split it
        else:
            given = family = ""  # named after an organization, email, phone or URL
        contact = Contact(
            name=name,
            given_name=given,
            family_name=family,
            title=titles[0] if titles else "",
            organization=organization,
            email=emails[0] if emails else "",
            phone=phones[0] if phones else "",
            url=url,
            tags=tags,
            uid=self.first("UID"),
        )
        return ImportedContact(
            contact, line=self.line, note="\n".join(self.texts("NOTE")), extras=extras
        )


def _split_commas(parts: list[str]) -> list[str]:
    return [t.strip() for part in parts for t in re.split(r"(?<!\\),", part) if t.strip()]


def parse(data: bytes, source: str) -> ParsedFile:
    lines = physical_lines(decode(data, source))
    check_cards_complete(lines, source)
    parsed = ParsedFile()
    card: _Card | None = None
    for number, raw in logical_lines(lines):
        prop = parse_property(number, raw)
        if prop is None:
            raise ImportFormatError(source, number, "not a vCard property line (no name)")
        if card is None:
            if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
                card = _Card(number)
                continue
            raise ImportFormatError(source, number, "expected BEGIN:VCARD")
        if prop.name == "END" and prop.value.strip().upper() == "VCARD":
            _finish(parsed, card)
            card = None
        elif prop.name not in _IGNORED:
            card.add(prop.name, prop.params, prop.value)
    return parsed


def _finish(parsed: ParsedFile, card: _Card) -> None:
    record = card.to_record()
    if record is None:
        parsed.skipped.append(
            (card.line, "empty card (no name, organization, email, phone or URL)")
        )
    else:
        parsed.records.append(record)


# --- writing ---------------------------------------------------------------------------


_PLAIN_TEXT = re.compile(r"[^\\;,\r\n]*")


def escape(value: object) -> str:
    """A TEXT value as vCard (RFC 6350) and iCalendar (RFC 5545) both write it: backslash,
    semicolon and comma escaped, every line end as ``\\n``."""
    text = value if type(value) is str else str(value or "")
    if _PLAIN_TEXT.fullmatch(text):
        return text  # most values: nothing to escape, one scan instead of six
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 6350/5545 folding: at most 75 octets a line, never splitting a character."""
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        return line + "\r\n"  # the common case, without walking the characters
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


def _name_parts(contact: Contact, sort_name: str = "") -> tuple[str, str, str, str]:
    """(family, given, prefix, suffix): the stored given and family names when known
    (without a title or degree left in them), else those the contact's stored sort key
    *sort_name* was made from, else parsed from the name."""
    if sort_name and not (contact.given_name or contact.family_name):
        cut = parts_by_sort_key(contact.name, sort_name, contact.organization)
        if cut is not None:
            return cut[1], cut[0], "", ""
    parts = parse_name(contact.name)
    if contact.given_name or contact.family_name:
        given, family = stored_parts(contact.name, contact.given_name, contact.family_name)
        return family, given, parts.title, parts.suffix
    given = " ".join(filter(None, (parts.given, parts.middle)))
    return parts.family, given, parts.title, parts.suffix


def card(contact: Contact, note: str = "") -> str:
    """One vCard 3.0, which Apple, Google, Outlook and khard all read."""
    family, given, prefix, suffix = _name_parts(contact)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:{escape(contact.uid)}" if contact.uid else "",
        f"N:{escape(family)};{escape(given)};;{escape(prefix)};{escape(suffix)}",
        f"FN:{escape(contact.name)}",
    ]
    if contact.organization:
        lines.append(f"ORG:{escape(contact.organization)}")
    if contact.title:
        lines.append(f"TITLE:{escape(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=CELL:{escape(contact.phone)}")
    if contact.url:
        lines.append(f"URL:{escape(contact.url)}")
    if contact.tags:
        tags = [t.strip() for t in contact.tags.split(",") if t.strip()]
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in tags))
    if note:
        lines.append(f"NOTE:{escape(note)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines if line)


def write(contacts: Iterable[Contact], notes: dict[int, str]) -> str:
    """A vCard 3.0 for every contact, each with its stable UID."""
    return "".join(card(contact, notes.get(contact.id or 0, "")) for contact in contacts)
