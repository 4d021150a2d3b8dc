"""CSV with a header row: address-book layouts are mapped (see csv_layouts), the rest reported.

``export csv`` writes the same column names, so its output imports again unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..domain.identity import is_placeholder
from ..domain.names import stored_parts
from ..domain.text import single_spaced
from ..models import Contact, Status
from .csv_layouts import column_fields, is_describing, label_columns, phone_rank, split_tags
from .records import ImportedContact, ImportFormatError, ParsedFile, url_name
from .tabular import csv_rows, guess_delimiter, header_key, parse_date
from .text_decoding import decode_text

#: The columns ``export csv`` writes, in order.
EXPORT_COLUMNS = (
    ("Name", "name"),
    ("Title", "title"),
    ("Organization", "organization"),
    ("Email", "email"),
    ("Phone", "phone"),
    ("URL", "url"),
    ("How found", "how_found"),
    ("Purpose", "purpose"),
    ("Status", "status"),
    ("Tags", "tags"),
    ("Next action", "next_action"),
    ("Next action date", "next_action_date"),
    ("Connected on", "connected_on"),
    ("Archived", "archived"),
    ("Notes", "note"),
)


# A cell starting with one of these is a formula to a spreadsheet: a hostile name such
# as "=HYPERLINK(...)" must stay text. A leading apostrophe marks text there and is
# hidden; we write it, and drop it again on import.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _undefuse(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def parse(data: bytes, source: str) -> ParsedFile:
    text = decode_text(data, source)
    first_line = text.split("\n", 1)[0]
    parsed = ParsedFile()
    keys: list[str] | None = None
    fields: list[str | None] = []
    header: list[str] = []
    used: set[int] = set()
    labels: dict[int, int] = {}
    for line, row in csv_rows(text, source, guess_delimiter(first_line)):
        if keys is None:
            if not any(cell.strip() for cell in row):
                continue
            header, keys = row, [header_key(cell) for cell in row]
            fields = column_fields(keys)
            labels = label_columns(keys)
            if not {"name", "first", "last"} & set(filter(None, fields)):
                raise ImportFormatError(
                    source, line, "no name column in the header row (expected Name or First Name)"
                )
            continue
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, list[str]] = {}
        for position, (field, key, cell) in enumerate(zip(fields, keys, row, strict=False)):
            if not cell.strip():
                continue
            used.add(position)
            if field in PLACEHOLDER_FIELDS and is_placeholder(cell):
                continue  # "-", "n/a": the sheet had nothing for this person
            if field:
                label = row[labels[position]] if position in labels else ""
                values.setdefault(field, []).append(_cell(field, f"{key} {label}", cell))
        record = _record(values, line)
        if record is None:
            parsed.skipped.append((line, "no name"))
        else:
            parsed.records.append(record)
    if keys is None:
        raise ImportFormatError(source, None, "empty file: no header row")
    parsed.unknown_columns = [
        cell
        for position, (cell, field, key) in enumerate(zip(header, fields, keys, strict=True))
        if field is None and position in used and not is_describing(key)
    ]
    return parsed


#: Fields where a placeholder ("-", "n/a", "none") means "no value" and is not kept.
PLACEHOLDER_FIELDS = frozenset({"email", "phone", "url", "organization", "title", "department"})


def _cell(field: str, key: str, cell: str) -> str:
    cell = _undefuse(cell)
    if field == "note":
        return cell.replace("\r\n", "\n").strip()
    if field == "phone":
        # The column's rank rides along until the phones are ordered (see _record).
        return f"{phone_rank(key.lower())}\x00{single_spaced(cell)}"
    return single_spaced(cell)


def _first(values: dict[str, list[str]], field: str) -> str:
    return values.get(field, [""])[0]


def _record(values: dict[str, list[str]], line: int) -> ImportedContact | None:
    phones = [p.split("\x00", 1)[1] for p in sorted(values.get("phone", []), key=lambda p: p[0])]
    emails = list(dict.fromkeys(values.get("email", [])))
    urls = list(dict.fromkeys(values.get("url", [])))
    linkedin = [u for u in urls if "linkedin.com" in u.lower()]
    url = (linkedin or urls or [""])[0]
    organizations = list(dict.fromkeys(values.get("organization", [])))
    titles = list(dict.fromkeys(values.get("title", [])))
    first = " ".join(filter(None, (_first(values, "first"), _first(values, "middle"))))
    last = _first(values, "last")
    name = (
        _first(values, "name")
        or " ".join(filter(None, (_first(values, "prefix"), first, last, _first(values, "suffix"))))
        or _first(values, "nickname")
        or next(iter(organizations), "")
        or next(iter(emails), "")
        or next(iter(phones), "")
        or url_name(url)
    )
    if not name:
        return None
    if _first(values, "name") or first or last:  # a person's name, not an organization's
        first, last = stored_parts(name, first, last)
    statuses = {str(s): s for s in Status}
    extras = (
        *(("department", unit) for unit in dict.fromkeys(values.get("department", []))),
        *(("organization", other) for other in organizations[1:]),
        *(("title", other) for other in titles[1:]),
        *(("email", other) for other in emails[1:]),
        *(("phone", other) for other in dict.fromkeys(phones[1:]) if other != phones[0]),
        *(("url", other) for other in urls if other != url),
    )
    tags = [tag for value in values.get("tags", []) for tag in split_tags(value)]
    archived = _first(values, "archived").lower() in ("1", "yes", "true", "y", "x")
    contact = Contact(
        name=name,
        given_name=first,
        family_name=last,
        title=next(iter(titles), ""),
        organization=next(iter(organizations), ""),
        email=next(iter(emails), ""),
        phone=next(iter(phones), ""),
        url=url,
        how_found=_first(values, "how_found"),
        purpose=_first(values, "purpose"),
        status=statuses.get(_first(values, "status").lower(), Status.TO_CONTACT),
        tags=", ".join(dict.fromkeys(tags)),
        next_action=_first(values, "next_action"),
        next_action_date=parse_date(_first(values, "next_action_date")),
        connected_on=parse_date(_first(values, "connected_on")),
        archived=archived,
    )
    return ImportedContact(
        contact, line=line, note="\n".join(values.get("note", [])), extras=extras
    )


def write(contacts: Iterable[Contact], notes: dict[int, str]) -> str:
    """Contacts as CSV (Excel-compatible quoting, CRLF); notes by contact id."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for header, _ in EXPORT_COLUMNS])
    for contact in contacts:
        row = []
        for _, attr in EXPORT_COLUMNS:
            if attr == "note":
                row.append(notes.get(contact.id or 0, ""))
            elif attr == "archived":
                row.append("yes" if contact.archived else "")
            else:
                row.append(str(getattr(contact, attr)))
        writer.writerow([_defuse(value) for value in row])
    return buffer.getvalue()
