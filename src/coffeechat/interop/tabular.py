"""Reading CSV text strictly: quoted commas and newlines, CRLF, and errors with line numbers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

from ..domain.validation import in_range
from .records import ImportFormatError

csv.field_size_limit(10 * 1024 * 1024)


def csv_rows(text: str, source: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Yield (line where the row starts, cells); a broken quote raises ImportFormatError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFormatError(source, start, f"broken CSV ({error})") from None
        yield start, row
        start = reader.line_num + 1


def guess_delimiter(header_line: str) -> str:
    """Comma, or the semicolon/tab a spreadsheet in some locales writes instead."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def header_key(cell: str) -> str:
    """A header cell reduced to lower-case words: "E-mail Address " -> "e mail address"."""
    cleaned = "".join(c.lower() if c.isalnum() else " " for c in cell)
    return " ".join(cleaned.split())


_DATE_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d.%m.%Y",
    "%b %d, %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
)
# Older LinkedIn exports add the time: "1/8/18, 6:14 PM".
_TIME_OF_DAY = re.compile(r",?\s+\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?$")


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str:
    """An ISO date from the formats exports use ("15 Mar 2023", "1/8/18, 6:14 PM",
    "23-Apr-23", "2023-03-15", ...), or "" (also for a year outside the app's range,
    as every date field: 9999-12-31 would crash the calendar export later)."""
    day = _read_date(_TIME_OF_DAY.sub("", value.strip()))
    return day.isoformat() if day is not None and in_range(day) else ""


def _read_date(value: str) -> date | None:
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
