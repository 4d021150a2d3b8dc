"""Reading the user's mail, read-only: what a message says about who wrote to whom.

Only the headers are read (the first 64 KiB of a file at most), except for an
auto-reply, whose text is looked at for the date the person is back. Nothing is kept
but what :class:`Seen` holds, and of that only the date, subject, sender address and
Message-ID are ever stored.
"""

from __future__ import annotations

import email.policy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from ..domain.text import one_line

HEAD_LIMIT = 64 * 1024
"""Bytes of a file read for its headers; headers that do not end by then are broken."""
TEXT_LIMIT = 256 * 1024
"""Bytes of an auto-reply read for the date it names."""

_AWAY_SUBJECT = re.compile(
    r"out of (the )?office|automatic reply|auto[- ]?reply|autoreply|away from (the )?office|"
    r"on (vacation|leave|holiday)|abwesenheit|absence|abwesend|congés",
    re.IGNORECASE,
)
_LIST_HEADERS = ("List-Id", "List-Post", "List-Unsubscribe", "Mailing-List")


class Unreadable(ValueError):
    """A message whose headers cannot be read; it is skipped and counted."""


@dataclass(frozen=True, slots=True)
class Seen:
    """One message, as far as noticing replies and sent letters needs it."""

    message_id: str
    when: datetime
    """Local time, without a zone (as the app's clock gives it)."""
    subject: str
    sender: str
    """The From address, lower case."""
    reply_to: tuple[str, ...]
    recipients: tuple[str, ...]
    """To and Cc addresses, lower case."""
    auto_reply: bool
    mailing_list: bool
    away_text: str = ""
    """For an auto-reply: its subject and text, to find the date they are back in."""


_ADDRESS = re.compile(r"[\w.+'=-]+@[\w-]+(?:\.[\w-]+)+")


def read_message(path: Path, wanted: Callable[[set[str]], bool] | None = None) -> Seen | None:
    """The message in *path*; :class:`Unreadable` when it cannot be made sense of.

    *wanted* is shown every address the headers name (lower case, found by a quick
    look); when it says no, the message is not parsed further and None is returned:
    most mail is from and to nobody the app knows, and parsing it fully is what a
    scan of 20,000 messages would spend its time on.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_LIMIT)
    except OSError as error:
        raise Unreadable(f"cannot read: {error.strerror or error}") from None
    end = _end_of_headers(head)
    if end < 0:
        raise Unreadable("headers do not end")
    headers = BytesHeaderParser(policy=email.policy.compat32).parsebytes(head[:end])
    for needed in ("From", "Date"):
        if not str(headers.get(needed, "")).strip():
            raise Unreadable(f"no {needed} header")
    if wanted is not None and not wanted(_mentioned(headers)):
        return None
    seen = from_headers(headers)
    if seen.auto_reply:
        seen = _with_away_text(path, seen)
    return seen


def _mentioned(headers: Message) -> set[str]:
    text = " ".join(
        str(value)
        for name in ("From", "Reply-To", "To", "Cc")
        for value in headers.get_all(name, [])
    )
    return {address.lower() for address in _ADDRESS.findall(text)}


def _end_of_headers(head: bytes) -> int:
    for blank in (b"\n\n", b"\r\n\r\n"):
        at = head.find(blank)
        if at >= 0:
            return at + len(blank)
    return len(head) if len(head) < HEAD_LIMIT else -1


def from_headers(headers: Message) -> Seen:
    try:
        sender = _addresses(headers, "From")
        date_header = headers.get("Date")
        when = parsedate_to_datetime(str(date_header)) if date_header else None
    except (TypeError, ValueError, IndexError, LookupError) as error:
        raise Unreadable(f"broken headers: {error}") from None
    if not sender:
        raise Unreadable("no sender")
    if when is None:
        raise Unreadable("no date")
    if when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)
    subject = _text(headers, "Subject")
    auto = headers.get("Auto-Submitted", "no").strip().lower() not in ("", "no")
    auto = auto or bool(headers.get("X-Autoreply") or headers.get("X-Autorespond"))
    auto = auto or bool(_AWAY_SUBJECT.search(subject))
    return Seen(
        message_id=_message_id(headers, sender[0], when, subject),
        when=when,
        subject=subject,
        sender=sender[0],
        reply_to=tuple(_addresses(headers, "Reply-To")),
        recipients=tuple(_addresses(headers, "To") + _addresses(headers, "Cc")),
        auto_reply=auto,
        mailing_list=any(headers.get(name) for name in _LIST_HEADERS)
        or headers.get("Precedence", "").strip().lower() in ("list", "bulk", "junk"),
    )


def _text(headers: Message, name: str) -> str:
    """A header decoded from RFC 2047 (a broken encoded word is kept as written)."""
    raw = headers.get(name)
    if raw is None:
        return ""
    try:
        value = str(make_header(decode_header(str(raw))))
    except (ValueError, LookupError, UnicodeError):
        value = str(raw)
    return " ".join(one_line(value).split())[:500]


def _addresses(headers: Message, name: str) -> list[str]:
    values = [str(v) for v in headers.get_all(name, [])]
    return [
        address.strip().lower()
        for _, address in getaddresses(values)
        if "@" in address and not any(ch.isspace() for ch in address.strip())
    ]


def _message_id(headers: Message, sender: str, when: datetime, subject: str) -> str:
    found = re.search(r"<[^<>\s]+>", str(headers.get("Message-ID", "")))
    if found:
        return found.group(0)[:300]
    # Without one, a stand-in from what the message is, the same every time it is read.
    digest = hashlib.sha1(f"{sender}\n{when.isoformat()}\n{subject}".encode()).hexdigest()
    return f"<{digest}@no-message-id>"


def _with_away_text(path: Path, seen: Seen) -> Seen:
    """*seen* with its subject and the start of its plain text, for the return date."""
    from dataclasses import replace

    try:
        with path.open("rb") as handle:
            message = BytesParser(policy=email.policy.default).parsebytes(handle.read(TEXT_LIMIT))
        part = message.get_body(preferencelist=("plain", "html"))
        text = part.get_content() if part is not None else ""
    except (OSError, ValueError, LookupError, UnicodeError, AttributeError, KeyError):
        text = ""
    if not isinstance(text, str):
        text = ""
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]*>", " ", text)  # an HTML-only auto-reply
    return replace(seen, away_text=f"{seen.subject}\n{text[:4000]}")
