"""What every importer produces: contacts parsed from a file, and the one error type."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class ImportedContact:
    """One person read from a file, with where it was found."""

    contact: Contact
    line: int = 0
    note: str = ""
    """Research note text (a vCard NOTE, a CSV notes column)."""
    other_emails: tuple[str, ...] = ()
    """Further addresses: matched for deduplication and kept in the note."""


@dataclass(slots=True)
class ParsedFile:
    """The contacts of one file, plus rows left out before import and why."""

    records: list[ImportedContact] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped), or an error naming the line of the first bad byte."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFormatError(source, line, "binary data, not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFormatError(
            source, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8"
        ) from None
