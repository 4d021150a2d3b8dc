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


def bad_utf8(data: bytes, position: int) -> tuple[int, str]:
    """The line of the bad byte at *position* and a reason naming the byte."""
    line = data[:position].count(b"\n") + 1
    return line, f"not UTF-8 text (byte 0x{data[position]:02x})"


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped), or an error naming the line of the first bad byte."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFormatError(source, line, "binary data, not a text file")
    # Drop the BOM first, so that a bad byte's offset is the one in the file.
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        line, reason = bad_utf8(body, error.start)
        raise ImportFormatError(source, line, reason + "; save it as UTF-8") from None
