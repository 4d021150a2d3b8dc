"""A letter as mail: an RFC 5322 message for a Maildir drafts folder, or a mailto: URL.

Both are built by the standard library (``email``, ``urllib.parse``): headers are
encoded (RFC 2047) and the body is UTF-8, quoted-printable or 8bit as ``email`` picks.
"""

from __future__ import annotations

import os
import socket
import time
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from itertools import count
from urllib.parse import quote

from ..domain.text import one_line


class AddressError(ValueError):
    """An address that cannot go into a mail header; one line."""


def address(name: str, email: str) -> Address | None:
    """*email* (with *name* shown) as a header address; None when *email* is empty."""
    email = email.strip()
    if not email:
        return None
    if any(ch.isspace() for ch in email) or email.count("@") != 1:
        raise AddressError(f"“{one_line(email)[:80]}” is not an email address")
    local, _, domain = email.partition("@")
    if not local or not domain:
        raise AddressError(f"“{one_line(email)[:80]}” is not an email address")
    try:
        return Address(display_name=one_line(name).strip(), username=local, domain=domain)
    except (ValueError, IndexError) as error:
        raise AddressError(f"“{one_line(email)[:80]}” is not an email address: {error}") from None


def draft_message(
    *, sender: Address | None, to: Address | None, subject: str, body: str, now: datetime
) -> EmailMessage:
    """The letter as a message a mail client opens as a draft."""
    message = EmailMessage()
    if sender is not None:
        message["From"] = sender
    if to is not None:
        message["To"] = to
    message["Subject"] = one_line(subject).strip()
    message["Date"] = format_datetime(now.astimezone())
    domain = sender.domain if sender is not None else None
    message["Message-ID"] = make_msgid(domain=domain)
    message["User-Agent"] = "coffeechat"
    # Mail bodies end their lines with a newline; a letter typed without one still does.
    message.set_content(body if body.endswith("\n") else body + "\n", charset="utf-8")
    return message


_serial = count()


def maildir_name(flags: str = "D") -> str:
    """A unique Maildir file name (time, microseconds, pid, a counter, the host) for
    ``cur/``, with its info flags: ``D`` is a draft."""
    now = time.time()
    seconds, micro = int(now), int((now % 1) * 1_000_000)
    host = socket.gethostname().replace("/", "\\057").replace(":", "\\072") or "localhost"
    return f"{seconds}.M{micro}P{os.getpid()}Q{next(_serial)}.{host}:2,{flags}"


def mailto_url(to: str, subject: str, body: str) -> str:
    """``mailto:`` with the subject and body encoded as RFC 6068 asks (%20 for a space,
    %0D%0A for a line break)."""
    recipient = quote(to.strip(), safe="@")
    text = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(one_line(subject).strip(), safe='')}&body={quote(text, safe='')}"
    return f"mailto:{recipient}?{query}"
