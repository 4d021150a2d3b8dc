"""What every importer produces: contacts parsed from a file, and the one error type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Contact


class ImportFormatError(ValueError):
    """The file cannot be imported; the message names the file and the line."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {reason}")


#: Further values a record may bring beyond the one its field holds, and the label of
#: the research-note line that keeps them ("Other phone: 2, 3"), in the note's order.
EXTRA_LABELS = {
    "department": "Unit",
    "organization": "Other organization",
    "title": "Other title",
    "email": "Other email",
    "phone": "Other phone",
    "url": "Other URL",
}


def extra_lines(extras: tuple[tuple[str, str], ...]) -> list[str]:
    """The note lines that keep *extras*: one line per field, values in file order."""
    by_field: dict[str, list[str]] = {}
    for field_name, value in extras:
        found = by_field.setdefault(field_name, [])
        if value not in found:
            found.append(value)
    return [
        f"{label}: " + ", ".join(by_field[name])
        for name, label in EXTRA_LABELS.items()
        if by_field.get(name)
    ]


@dataclass(frozen=True, slots=True)
class ImportedContact:
    """One person read from a file, with where it was found."""

    contact: Contact
    line: int = 0
    note: str = ""
    """Research note text as the file wrote it (a vCard NOTE, a CSV notes column)."""
    extras: tuple[tuple[str, str], ...] = ()
    """(field, value) for every value beyond the first of a field (a second phone, a
    unit of the organization): nothing a file says is dropped. Further emails and URLs
    identify the person too."""

    @property
    def other_emails(self) -> tuple[str, ...]:
        return tuple(value for name, value in self.extras if name == "email")

    @property
    def other_urls(self) -> tuple[str, ...]:
        return tuple(value for name, value in self.extras if name == "url")

    def full_note(self) -> str:
        """The note as a new contact gets it: the file's note, then the further values."""
        if not self.extras:
            return self.note
        return "\n".join(filter(None, (self.note, *extra_lines(self.extras))))


@dataclass(slots=True)
class ParsedFile:
    """The contacts of one file, plus rows left out before import and why."""

    records: list[ImportedContact] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.IGNORECASE)


def url_name(url: str) -> str:
    """What to call someone known only by a URL: the address without its scheme,
    ``www.`` or trailing slash (``linkedin.com/in/ana-silva``)."""
    return _SCHEME.sub("", url.strip()).removeprefix("www.").rstrip("/")
