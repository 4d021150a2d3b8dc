"""Generic CSV with a header row: common column names are mapped, the rest reported.

``export csv`` writes the same column names, so its output imports again unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..models import Contact, Status
from .records import ImportedContact, ImportFormatError, ParsedFile, decode_text
from .tabular import csv_rows, guess_delimiter, header_key, one_line, parse_date

_ALIASES = {
    "name": ("name", "full name", "display name", "contact", "contact name"),
    "first": ("first name", "given name", "firstname", "first"),
    "last": ("last name", "family name", "surname", "lastname", "last"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "email 1 value"),
    "organization": ("organization", "organisation", "org", "company", "employer", "institution"),
    "title": ("title", "job title", "position", "role"),
    "url": ("url", "profile url", "profile", "linkedin", "linkedin url", "website", "web"),
    "phone": ("phone", "telephone", "tel", "mobile", "phone number", "cell"),
    "note": ("notes", "note", "research", "research note", "comments"),
    "tags": ("tags", "tag", "labels", "categories"),
    "how_found": ("how found", "source", "found via"),
    "purpose": ("purpose",),
    "status": ("status", "pipeline status"),
    "next_action": ("next action",),
    "next_action_date": ("next action date", "next date"),
    "connected_on": ("connected on", "connected"),
    "archived": ("archived",),
}
ALIASES = {alias: field for field, names in _ALIASES.items() for alias in names}

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
    columns: list[str | None] | None = None
    statuses = {str(s): s for s in Status}
    for line, row in csv_rows(text, source, guess_delimiter(first_line)):
        if columns is None:
            if not any(cell.strip() for cell in row):
                continue
            keys = [header_key(cell) for cell in row]
            columns = [ALIASES.get(key) for key in keys]
            if not {"name", "first", "last"} & set(filter(None, columns)):
                raise ImportFormatError(
                    source, line, "no name column in the header row (expected Name or First Name)"
                )
            parsed.unknown_columns = [
                cell for cell, key in zip(row, keys, strict=True) if key not in ALIASES
            ]
            continue
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, str] = {}
        for name, cell in zip(columns, row, strict=False):
            if name and cell.strip() and name not in values:
                cell = _undefuse(cell)
                values[name] = (
                    cell.replace("\r\n", "\n").strip() if name == "note" else one_line(cell)
                )
        name = values.get("name") or " ".join(
            filter(None, (values.get("first", ""), values.get("last", "")))
        )
        if not name:
            parsed.skipped.append((line, "no name"))
            continue
        status = statuses.get(values.get("status", "").lower(), Status.TO_CONTACT)
        contact = Contact(
            name=name,
            title=values.get("title", ""),
            organization=values.get("organization", ""),
            email=values.get("email", ""),
            phone=values.get("phone", ""),
            url=values.get("url", ""),
            how_found=values.get("how_found", ""),
            purpose=values.get("purpose", ""),
            status=status,
            tags=values.get("tags", ""),
            next_action=values.get("next_action", ""),
            next_action_date=parse_date(values.get("next_action_date", "")),
            connected_on=parse_date(values.get("connected_on", "")),
            archived=values.get("archived", "").lower() in ("1", "yes", "true", "y", "x"),
        )
        parsed.records.append(ImportedContact(contact, line=line, note=values.get("note", "")))
    if columns is None:
        raise ImportFormatError(source, None, "empty file: no header row")
    return parsed


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
