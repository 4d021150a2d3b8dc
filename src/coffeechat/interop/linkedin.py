"""LinkedIn's Connections.csv, as it is really exported.

Real files open with a "Notes:" preamble (a quoted paragraph and a blank line) before
the header ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``;
many emails are empty; names carry accents, emoji, suffixes and quoted commas. Older
exports have no URL column and date ``Connected On`` as ``1/8/18, 6:14 PM``; files
re-saved by a spreadsheet write ``23-Apr-23``. An ``Email Address`` holding a member
URN (``urn:li:member:…``) is not an email.
"""

from __future__ import annotations

from ..domain.identity import is_placeholder
from ..domain.names import stored_parts
from ..domain.text import single_spaced
from ..models import Contact
from .records import ImportedContact, ImportFormatError, ParsedFile
from .tabular import csv_rows, header_key, parse_date
from .text_decoding import decode_text

COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "company": "organization",
    "position": "title",
    "connected on": "connected_on",
}
HOW_FOUND = "LinkedIn"
# Where a placeholder is no value ("-", "n/a"); an email or URL one identifies no one
# (domain.identity) and an email without "@" is dropped below.
_VALUES = frozenset({"organization", "title"})


def _real(url: str) -> str:
    """*url*, or "" for a placeholder ("-", "n/a"): a profile URL is almost never short."""
    return "" if len(url) < 20 and is_placeholder(url) else url


def parse(data: bytes, source: str) -> ParsedFile:
    text = decode_text(data, source)
    parsed = ParsedFile()
    columns: list[str | None] | None = None
    wanted: list[tuple[str, int]] = []
    for line, row in csv_rows(text, source):
        if columns is None:
            keys = [header_key(cell) for cell in row]
            if "first name" in keys and "last name" in keys:
                columns = [COLUMNS.get(key) for key in keys]
                wanted = [(name, columns.index(name)) for name in dict.fromkeys(columns) if name]
                parsed.unknown_columns = [
                    cell for cell, key in zip(row, keys, strict=True) if key not in COLUMNS
                ]
            elif line > 50:
                break
            continue
        if not any(cell.strip() for cell in row):
            continue
        # Each field from the first column of its name (a short row lacks the rest).
        width = len(row)
        values = {name: single_spaced(row[at]) for name, at in wanted if at < width}
        for name in _VALUES:
            if values.get(name) and is_placeholder(values[name]):
                values[name] = ""  # "-", "n/a": nothing to keep
        first, last = values.get("first", ""), values.get("last", "")
        name = " ".join(filter(None, (first, last)))
        if not name:
            parsed.skipped.append((line, "no name"))
            continue
        email = values.get("email", "")
        given, family = stored_parts(name, first, last)
        contact = Contact(
            name=name,
            given_name=given,
            family_name=family,
            title=values.get("title", ""),
            organization=values.get("organization", ""),
            email=email if "@" in email else "",
            url=_real(values.get("url", "")),
            connected_on=parse_date(values.get("connected_on", "")),
            how_found=HOW_FOUND,
        )
        parsed.records.append(ImportedContact(contact, line=line))
    if columns is None:
        raise ImportFormatError(
            source,
            None,
            "not a LinkedIn Connections export (no 'First Name,Last Name,…' header row)",
        )
    return parsed
