"""Sent letters and replies noticed in a Maildir built here, read as Python's email
package and notmuch read it; bad mail says one line and changes nothing."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from coffeechat.interop.mail_in import Unreadable, read_message
from coffeechat.mail_config import MailConfig
from coffeechat.models import Contact, ReplyKind
from coffeechat.models_activity import Draft, Profile
from coffeechat.store import Store
from coffeechat.usecases.mail_scan import MailScanError, scan_mail
from coffeechat.usecases.outreach import mark_sent
from coffeechat.usecases.profile import save_profile
from tests.mail_shapes import deliver, message
from tests.mail_tools import maildir, require

NOW = datetime(2026, 3, 16, 10, 30)
ME = "ada@example.net"
SUBJECT = "Coffee chat about translational science?"


def _letter(store: Store, contact: Contact, subject: str, sent: datetime | None = None) -> Draft:
    assert contact.id is not None
    draft = store.drafts.save(
        Draft(contact.id, "intro_letter", subject=subject, body="Dear …\nWould you?\n")
    )
    if sent is not None:
        return mark_sent(store, draft, contact, sent).draft
    return draft


@pytest.fixture
def people(store: Store) -> dict[str, Contact]:
    save_profile(store, Profile(name="Ada Byron", email=ME))
    found = {
        key: store.contacts.add(Contact(name=name, email=email))
        for key, name, email in (
            ("maria", "María Núñez", "maria@example.org"),
            ("tom", "Tom Lindqvist", "tom@example.org"),
            ("priya", "Priya Raman", "Priya.Raman@Example.org"),
            ("sam", "Sam Otieno", "sam@example.org"),
        )
    }
    _letter(store, found["maria"], SUBJECT)  # drafted, not yet marked sent
    _letter(store, found["tom"], "Your work at Harbor", datetime(2026, 3, 2, 9))
    _letter(store, found["priya"], "Science writing", datetime(2026, 3, 2, 9))
    return found


@pytest.fixture
def mail(tmp_path: Path) -> Path:
    """~/Mail as mbsync lays it out: INBOX, Sent, Drafts, each a Maildir, holding
    messages in the shapes real clients write."""
    root = tmp_path / "Mail"
    inbox, sent = root / "INBOX", root / "Sent"
    maildir(root / "Drafts")
    # The letter as the mail client sent it, a week ago: marks it sent.
    deliver(
        sent, message(ME, "María Núñez <maria@example.org>", SUBJECT, datetime(2026, 3, 9, 9, 5))
    )
    # Her answer: multipart/alternative, an encoded name and subject.
    deliver(
        inbox,
        message(
            "maria@example.org",
            ME,
            f"Re: {SUBJECT} ☕",
            datetime(2026, 3, 11, 14),
            name="María Núñez",
            html=True,
        ),
        sub="new",
    )
    # Tom's auto-reply, naming the day he is back.
    deliver(
        inbox,
        message(
            "tom@example.org",
            ME,
            "Automatic reply: Your work at Harbor",
            datetime(2026, 3, 3, 9, 1),
            "I am out of the office until 25 March with limited access to mail.\n",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    # Priya on a mailing list: her post to everyone is no reply to you...
    deliver(
        inbox,
        message(
            "priya.raman@example.org",
            "science-writers@lists.example.org",
            "[sci-writers] Meetup on Friday",
            datetime(2026, 3, 4, 8),
            headers={"List-Id": "<science-writers.lists.example.org>"},
        ),
    )
    # ... and her answer through a scheduling service: its From, her Reply-To.
    deliver(
        inbox,
        message(
            "noreply@calendly.example.com",
            ME,
            "Priya Raman picked a time",
            datetime(2026, 3, 5, 16),
            headers={"Reply-To": "Priya Raman <priya.raman@example.org>"},
        ),
    )
    # Sam wrote, but no letter went to Sam: not a reply to anything.
    deliver(inbox, message("sam@example.org", ME, "Hello", datetime(2026, 3, 6, 12)))
    # Headers that never end, and a message with no sender: skipped and counted.
    deliver(inbox, b"Subject: " + b"x" * 70_000)
    deliver(inbox, b"Subject: who?\nDate: Mon, 9 Mar 2026 10:00:00 +0000\n\nbody\n")
    return root


def _config(mail: Path, reader: str = "maildir") -> MailConfig:
    return MailConfig(maildir=mail, sent=mail / "Sent", drafts=mail / "Drafts", reader=reader)


def _check_noticed(store: Store, people: dict[str, Contact]) -> None:
    maria = people["maria"].id or 0
    letter = store.drafts.last_sent(maria, "intro_letter")
    assert letter is not None and letter.sent_at == "2026-03-09T09:05:00"
    followups = store.followups.for_contact(maria)
    assert followups and all(f.state == "done" for f in followups)  # the reply closed them
    assert all(f.due_date > "2026-03-09" for f in followups)  # dated from the real send
    replies = store.interactions.for_contact(maria)
    assert [(r.kind, r.day, r.note) for r in replies] == [
        ("positive", "2026-03-11", f"Re: {SUBJECT} ☕")
    ]
    timeline = [(e.when, e.kind, e.text) for e in store.history.timeline(maria)]
    assert ("2026-03-11", "reply", f"Re: {SUBJECT} ☕") in timeline
    assert store.contacts.get(maria).replied_on == "2026-03-11"
    tom = store.interactions.for_contact(people["tom"].id or 0)
    assert [(r.kind, r.day, r.back_on) for r in tom] == [
        ("out of office", "2026-03-03", "2026-03-25")
    ]
    priya = store.interactions.for_contact(people["priya"].id or 0)
    assert [(r.kind, r.day, r.note) for r in priya] == [
        ("positive", "2026-03-05", "Priya Raman picked a time")
    ]
    assert store.interactions.for_contact(people["sam"].id or 0) == []


def _tree(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under *root*: its mode, modification time and content."""
    return {
        str(p.relative_to(root)): (p.stat().st_mode, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_maildir_scan_notices_the_sent_letter_and_the_replies(
    store: Store, people: dict[str, Contact], mail: Path
) -> None:
    before = _tree(mail)
    report = scan_mail(store, _config(mail), NOW)
    assert _tree(mail) == before  # read-only: nothing moved, renamed, flagged or written
    assert (report.sent, report.replies, report.away, report.skipped) == (1, 2, 1, 2)
    assert report.summary() == (
        "2 replies, 1 out-of-office reply, 1 sent letter noticed; 2 messages skipped (unreadable)"
    )
    _check_noticed(store, people)
    # Only the date, subject, sender and Message-ID of a message are kept.
    kept = store.database.conn.execute(
        "SELECT message_id, kind, day, subject, sender FROM mail_noticed ORDER BY day"
    ).fetchall()
    assert [row[2:] for row in kept] == [
        ("2026-03-03T09:01:00", "Automatic reply: Your work at Harbor", "tom@example.org"),
        ("2026-03-05T16:00:00", "Priya Raman picked a time", "noreply@calendly.example.com"),
        ("2026-03-09T09:05:00", SUBJECT, ME),
        ("2026-03-11T14:00:00", f"Re: {SUBJECT} ☕", "maria@example.org"),
    ]


def test_a_second_scan_reads_only_what_is_new(
    store: Store, people: dict[str, Contact], mail: Path
) -> None:
    scan_mail(store, _config(mail), NOW)
    again = scan_mail(store, _config(mail), NOW)
    assert (again.read, again.skipped, again.noticed) == (0, 0, 0)
    assert again.summary() == "Nothing new in the mail"
    # A client marking a message read renames it: read again, counted once.
    newest = max((mail / "INBOX" / "new").iterdir())
    newest.rename(mail / "INBOX" / "cur" / f"{newest.name}:2,S")
    deliver(mail / "INBOX", message("sam@example.org", ME, "Later", datetime(2026, 3, 12)))
    third = scan_mail(store, _config(mail), NOW)
    assert third.noticed == 0 and 1 <= third.read <= 2
    _check_noticed(store, people)


def test_the_kind_stays_for_the_user_to_change(
    store: Store, people: dict[str, Contact], mail: Path
) -> None:
    from coffeechat.usecases.outreach import change_noticed_reply

    scan_mail(store, _config(mail), NOW)
    maria = people["maria"].id or 0
    changed = change_noticed_reply(store, maria, ReplyKind.DECLINED)
    assert changed is not None and changed.kind is ReplyKind.DECLINED
    assert [(r.kind, r.day, r.note) for r in store.interactions.for_contact(maria)] == [
        ("declined", "2026-03-11", f"Re: {SUBJECT} ☕")
    ]
    # Scanning again does not bring the positive reply back.
    scan_mail(store, MailConfig(maildir=mail, sent=mail / "Sent", reader="maildir"), NOW)
    assert len(store.interactions.for_contact(maria)) == 1


def _notmuch(mail: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    require("notmuch")
    config = tmp_path / "notmuch-config"
    if not config.exists():
        config.write_text(
            f"[database]\npath={mail}\n[new]\ntags=unread;inbox\n[search]\nexclude_tags=\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("NOTMUCH_CONFIG", str(config))
    subprocess.run(["notmuch", *args], check=True, capture_output=True, env=os.environ)


def test_notmuch_indexing_the_maildir_gives_the_same(
    store: Store,
    people: dict[str, Contact],
    mail: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _notmuch(mail, tmp_path, monkeypatch, "new")
    _notmuch(mail, tmp_path, monkeypatch, "tag", "+sent", "--", "folder:Sent")
    config = MailConfig(drafts=mail / "Drafts", reader="notmuch")  # sent by tag alone
    tags = subprocess.run(
        ["notmuch", "dump"], check=True, capture_output=True, env=os.environ
    ).stdout
    report = scan_mail(store, config, NOW)
    # Read-only: notmuch's tags are as they were.
    assert (
        subprocess.run(["notmuch", "dump"], check=True, capture_output=True, env=os.environ).stdout
        == tags
    )
    assert (report.sent, report.replies, report.away, report.skipped) == (1, 2, 1, 2)
    _check_noticed(store, people)
    assert scan_mail(store, config, NOW).read == 0
    deliver(mail / "INBOX", message("sam@example.org", ME, "Later", datetime(2026, 3, 12)))
    _notmuch(mail, tmp_path, monkeypatch, "new")
    assert scan_mail(store, config, NOW).read == 1


def _state(store: Store) -> list[tuple]:
    conn = store.database.conn
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("drafts", "followups", "interactions", "mail_noticed", "settings")
    ]


@pytest.mark.parametrize("case", ["missing", "unreadable", "notmuch-fails"])
def test_mail_that_cannot_be_read_says_one_line_and_changes_nothing(
    store: Store,
    people: dict[str, Contact],
    mail: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    before = _state(store)
    config = _config(mail)
    if case == "missing":
        config = _config(tmp_path / "nowhere")
    elif case == "unreadable":
        if os.geteuid() == 0:
            # root reads everything: a file in the Maildir's place is unreadable as one.
            config = _config(tmp_path / "file")
            (tmp_path / "file").write_text("not a folder", encoding="utf-8")
        else:
            mail.chmod(0)
    else:
        require("notmuch")
        monkeypatch.setenv("NOTMUCH_CONFIG", str(tmp_path / "no-such-config"))
        config = _config(mail, reader="notmuch")
    with pytest.raises(MailScanError) as raised:
        scan_mail(store, config, NOW)
    mail.chmod(0o700)
    assert "\n" not in str(raised.value) and str(raised.value)
    assert _state(store) == before


def test_broken_headers_are_skipped_not_raised(tmp_path: Path) -> None:
    for data in (
        b"From: =?utf-8?q?broken\nDate: yesterday-ish\n\n",
        b"From: <>\nDate: Mon, 9 Mar 2026 10:00:00 +0000\n\n",
        b"\xff\xfe\x00garbage",
        b"",
    ):
        path = tmp_path / "m"
        path.write_bytes(data)
        with pytest.raises(Unreadable):
            read_message(path)


def test_an_auto_reply_without_a_date_is_away_for_a_week(tmp_path: Path) -> None:
    path = tmp_path / "m"
    path.write_bytes(
        message("tom@example.org", ME, "Out of Office", datetime(2026, 3, 3, 9), "Away.\n")
    )
    from coffeechat.domain.mail_rules import back_on

    seen = read_message(path)
    assert seen.auto_reply
    assert back_on(seen.away_text, seen.when.date()) == date(2026, 3, 10)
