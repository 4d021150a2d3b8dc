"""Messages in the shapes real mail clients write, for a Maildir the tests build."""

from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from itertools import count
from pathlib import Path

from tests.mail_tools import maildir

_serial = count()


def message(
    sender: str,
    to: str,
    subject: str,
    when: datetime,
    text: str = "Happy to talk. How about Thursday?\n",
    *,
    name: str = "",
    html: bool = False,
    headers: dict[str, str] | None = None,
) -> bytes:
    """One message; *html* adds an HTML alternative (multipart/alternative, as
    Gmail, Outlook and Apple Mail send)."""
    mail = EmailMessage()
    local, domain = sender.split("@")
    mail["From"] = Address(name, local, domain)  # a non-ASCII name is RFC 2047 encoded
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = format_datetime(when.replace(tzinfo=UTC))
    mail["Message-ID"] = f"<{next(_serial)}.{when:%Y%m%d%H%M}@{domain}>"
    for key, value in (headers or {}).items():
        mail[key] = value
    mail.set_content(text)
    if html:
        mail.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
    return bytes(mail)


def deliver(folder: Path, data: bytes, sub: str = "cur", flags: str = "S") -> Path:
    """Put *data* in the Maildir *folder* as a mail client or mbsync would."""
    maildir(folder)
    name = f"{1_700_000_000 + next(_serial)}.M1P1Q{next(_serial)}.host"
    path = folder / sub / (f"{name}:2,{flags}" if sub == "cur" else name)
    path.write_bytes(data)
    return path
