"""The mail scan over a Maildir of 20,000 messages, on a copy of the 30,000-contact
benchmark database: the first scan (every message read), one right after it with
nothing new, and one a few seconds later (its folders not even listed).

Messages are in the shapes clients write: most multipart/alternative with an HTML
part, one in fifty with a 200 KB attachment, one in ten a mailing list's copy; one in
twenty is from a contact who was sent a letter (a reply to notice), spread over an
INBOX of 17,000 and a Sent folder of 3,000. Times the use case in this process.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from _common import bench_db, where_measured

from coffeechat.domain.clock import Clock
from coffeechat.mail_config import MailConfig
from coffeechat.store import Store
from coffeechat.usecases.mail_scan import scan_mail

MESSAGES = int(os.environ.get("MAIL_MESSAGES", "20000"))
SENT = 3_000


def _message(n: int, sender: str, to: str, when: datetime) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = f"Re: Thoughts on project {n}, ünïcode included"
    mail["Date"] = format_datetime(when)
    mail["Message-ID"] = f"<{n}.bench@example.org>"
    if n % 10 == 3:
        mail["List-Id"] = "<people.lists.example.org>"
    text = "Thanks for writing. Happy to talk next week.\n" * 20
    mail.set_content(text)
    mail.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
    if n % 50 == 7:
        mail.add_attachment(os.urandom(200_000), maintype="application", subtype="pdf")
    return bytes(mail)


def build(root: Path, addresses: list[str]) -> None:
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for folder in ("INBOX", "Sent"):
        for sub in ("cur", "new", "tmp"):
            (root / folder / sub).mkdir(parents=True)
    for n in range(MESSAGES):
        sent = n < SENT
        contact = addresses[n % len(addresses)] if n % 20 == 0 else f"someone{n}@example.com"
        sender, to = ("me@example.net", contact) if sent else (contact, "me@example.net")
        when = start + timedelta(minutes=7 * n)
        folder = root / ("Sent" if sent else "INBOX") / "cur"
        (folder / f"{1_700_000_000 + n}.M{n}P1Q1.bench:2,S").write_bytes(
            _message(n, sender, to, when)
        )


def measure() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        shutil.copy(bench_db(), db)
        with sqlite3.connect(db) as conn:
            addresses = [
                row[0]
                for row in conn.execute(
                    "SELECT c.email FROM contacts c JOIN drafts d ON d.contact_id = c.id "
                    "WHERE d.sent_at != '' AND c.email != '' ORDER BY c.id"
                )
            ]
        root = Path(folder) / "Mail"
        build(root, addresses)
        config = MailConfig(maildir=root, sent=root / "Sent", reader="maildir")
        now = Clock().now()
        store = Store.open(db)
        try:
            figures: dict[str, float] = {}
            started, cpu = time.perf_counter(), time.process_time()
            report = scan_mail(store, config, now)
            figures["first"] = time.perf_counter() - started
            figures["first_cpu"] = time.process_time() - cpu
            figures["read"] = report.read
            figures["noticed"] = report.noticed
            started = time.perf_counter()
            again = scan_mail(store, config, now)
            figures["again"] = time.perf_counter() - started
            figures["again_read"] = again.read
            time.sleep(2.5)  # past the slack a scan keeps for files changed just before it
            started = time.perf_counter()
            scan_mail(store, config, now)
            figures["later"] = time.perf_counter() - started
        finally:
            store.close()
        return figures


if __name__ == "__main__":
    with where_measured():
        figures = measure()
        print(
            f"mail scan, {MESSAGES:,} messages: first {figures['first']:.2f} s "
            f"(CPU {figures['first_cpu']:.2f} s) "
            f"({figures['read']:.0f} read, {figures['noticed']:.0f} noticed); nothing new "
            f"right after {figures['again']:.3f} s ({figures['again_read']:.0f} read), "
            f"a few seconds later {figures['later']:.3f} s"
        )
