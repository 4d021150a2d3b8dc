"""Field validators shared by forms, imports and the CLI.

Each returns ``None`` when the value is acceptable and otherwise a short reason, in
words a user can act on. Empty values are acceptable: fields are optional unless a
form says otherwise.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlparse

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.IGNORECASE)

MAX_NAME = 200


def check_required(value: str, label: str = "This field") -> str | None:
    return None if value.strip() else f"{label} is required"


def check_name(value: str) -> str | None:
    if not value.strip():
        return "A name is required"
    if len(value) > MAX_NAME:
        return f"Keep the name under {MAX_NAME} characters"
    return None


def check_email(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _EMAIL.match(value):
        return "Not an email address (expected name@example.org)"
    return None


def check_url(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = urlparse(value if "://" in value else f"https://{value}")
        hostname = parsed.hostname or ""
    except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 host
        return "Not a web address (expected https://example.org/…)"
    if parsed.scheme not in ("http", "https") or "." not in hostname:
        return "Not a web address (expected https://example.org/…)"
    if any(ch.isspace() for ch in value):
        return "A web address cannot contain spaces"
    return None


def normalize_url(value: str) -> str:
    """Add https:// when the user typed a bare host; drop a trailing slash."""
    value = value.strip()
    if value and "://" not in value:
        value = f"https://{value}"
    return value.rstrip("/")


def check_phone(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE_CHARS.match(value):
        return "Use digits, spaces, + ( ) - . and an optional ext."
    if not 5 <= digits <= 20:
        return "A phone number has between 5 and 20 digits"
    return None


EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
"""Years a typed date may fall in. Beyond them it is a slip (0001, 9999), and at the
very ends a time zone shift leaves the years Python's dates can hold."""
YEARS_HELP = f"a year from {EARLIEST_YEAR} to {LATEST_YEAR}"


class OutOfRange(ValueError):
    """A real date, but not in the years the app takes (see :data:`EARLIEST_YEAR`)."""


def in_range(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def parse_date(value: str) -> date | None:
    """A date typed as YYYY-MM-DD; None when empty. Raises ValueError otherwise
    (:class:`OutOfRange` for a date outside the years the app takes)."""
    value = value.strip()
    if not value:
        return None
    parsed = datetime.strptime(value, "%Y-%m-%d").date()
    if not in_range(parsed):
        raise OutOfRange(value)
    return parsed


def check_date(value: str) -> str | None:
    try:
        parse_date(value)
    except OutOfRange:
        return f"Not a date here: use {YEARS_HELP}"
    except ValueError:
        return "Not a date (expected YYYY-MM-DD, e.g. 2026-03-15)"
    return None


def check_minutes(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 240:
        return "Minutes as a whole number from 1 to 240"
    return None
