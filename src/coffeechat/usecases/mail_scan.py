"""Noticing, in the user's own mail, the letters they sent and the replies they got.

Read-only towards mail. Only messages new since the last scan are read (see
``interop/mail_sources.py``); each is matched to contacts by address:

- sent (in the sent folder, tagged ``sent`` by notmuch, or from your own address)
  to a contact, with the subject of a letter drafted for them and not yet marked
  sent: the letter is marked sent with the message's date, as ``mark_sent`` does by
  hand, so its follow-ups are dated from then;
- from any of a contact's addresses (or, when its From is a service's, its Reply-To),
  after a letter to them, and not a mailing list's copy: a reply, recorded as
  ``record_reply`` does by hand (positive; an auto-reply is "out of office" until the
  date it names), with its subject on the timeline.

Everything the scan changes is one transaction, with the mark the next scan starts
from: a scan that fails changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain.mail_rules import back_on, same_subject
from ..interop.mail_in import Seen, Unreadable, read_message
from ..interop.mail_sources import (
    Listing,
    MailSourceError,
    list_maildirs,
    list_notmuch,
    notmuch_available,
)
from ..mail_config import MailConfig
from ..models import Contact, ReplyKind
from ..store import Store
from .outreach import mark_sent, record_reply
from .profile import load_profile

_SPLIT = re.compile(r"[,;\s]+")
_REPLIES = {str(ReplyKind.POSITIVE), str(ReplyKind.REFERRAL_ONLY), str(ReplyKind.DECLINED)}


class MailScanError(ValueError):
    """The mail could not be read; one line, and nothing was changed."""


@dataclass(slots=True)
class MailReport:
    replies: int = 0
    away: int = 0
    sent: int = 0
    skipped: int = 0
    """Messages that could not be parsed (skipped, never an error)."""
    read: int = 0
    contacts: list[int] = field(default_factory=list)
    """Contacts something was noticed for."""

    @property
    def noticed(self) -> int:
        return self.replies + self.away + self.sent

    def summary(self) -> str:
        parts = [
            _count(self.replies, "reply", "replies"),
            _count(self.away, "out-of-office reply", "out-of-office replies"),
            _count(self.sent, "sent letter", "sent letters"),
        ]
        said = ", ".join(p for p in parts if p)
        text = f"{said} noticed" if said else "Nothing new in the mail"
        if self.skipped:
            text += f"; {_count(self.skipped, 'message', 'messages')} skipped (unreadable)"
        return text[0].upper() + text[1:]


def _count(number: int, one: str, many: str) -> str:
    if not number:
        return ""
    return f"{number} {one if number == 1 else many}"


def reader(config: MailConfig) -> str:
    """notmuch or maildir: as set, else notmuch when it is on the PATH and no Maildir is
    set, else the Maildir."""
    if config.reader:
        return config.reader
    return "notmuch" if notmuch_available() and config.maildir is None else "maildir"


def scan_mail(
    store: Store,
    config: MailConfig,
    now: datetime,
    *,
    read: Callable[[Path, Callable[[set[str]], bool]], Seen | None] = read_message,
) -> MailReport:
    """Read what is new in the mail and apply it; see the module's doc."""
    source = reader(config)
    if source == "maildir" and config.maildir is None and config.sent is None:
        raise MailScanError('no mail to read: set maildir = "~/Mail" under [mail] in config.toml')
    key = f"notmuch:{config.sent}" if source == "notmuch" else f"maildir:{config.maildir}"
    state_source, _, mark = store.mail.state().partition("|")
    mark = mark if state_source == key else ""
    listing = _list(source, config, mark)
    report = MailReport()
    addresses = _addresses(store)
    mine = load_profile(store).email.strip().lower()

    def about_a_contact(mentioned: set[str]) -> bool:
        return any(address in addresses for address in mentioned)

    seen = []
    for found in listing.found:
        try:
            message = read(found.path, about_a_contact)
        except Unreadable:
            report.skipped += 1
            continue
        report.read += 1
        if message is not None:
            seen.append((message, found))
    seen.sort(key=lambda pair: pair[0].when)
    with store.database.transaction():
        for message, found in seen:
            if message.when > now or store.mail.known(message.message_id):
                continue  # from the future (a wrong clock), or acted on already
            if found.sent or (mine and message.sender == mine):
                _sent(store, message, addresses, report)
            else:
                _reply(store, message, addresses, mine, report)
        store.mail.set_state(f"{key}|{listing.mark}")
    return report


def _list(source: str, config: MailConfig, mark: str) -> Listing:
    try:
        if source == "notmuch":
            return list_notmuch(sent=config.sent, skip=config.drafts, mark=mark)
        roots = [folder for folder in (config.maildir, config.sent) if folder is not None]
        return list_maildirs(roots, sent=config.sent, skip=config.drafts, mark=mark)
    except MailSourceError as error:
        raise MailScanError(str(error)) from None


def _addresses(store: Store) -> dict[str, int]:
    """Every contact's addresses (lower case) to the contact."""
    index: dict[str, int] = {}
    rows = store.database.conn.execute(
        "SELECT id, email FROM contacts WHERE email != '' ORDER BY archived, id DESC"
    )
    for contact_id, emails in rows:
        for address in _SPLIT.split(emails.lower()):
            if "@" in address:
                index[address] = contact_id
    return index


def _sent(store: Store, message: Seen, addresses: dict[str, int], report: MailReport) -> None:
    for address in dict.fromkeys(message.recipients):
        contact_id = addresses.get(address)
        if contact_id is None:
            continue
        contact = store.contacts.get(contact_id)
        draft = next(
            (
                d
                for d in store.drafts.for_contact(contact_id)
                if not d.sent_at and same_subject(d.subject, message.subject)
            ),
            None,
        )
        if contact is None or draft is None:
            continue
        mark_sent(store, draft, contact, message.when)
        _remember(store, message, "sent", contact_id)
        report.sent += 1
        report.contacts.append(contact_id)


def _reply(
    store: Store, message: Seen, addresses: dict[str, int], mine: str, report: MailReport
) -> None:
    if message.mailing_list:
        return  # a list's copy of something they wrote to everyone is no reply
    contact_id = addresses.get(message.sender)
    if contact_id is None and message.sender != mine:
        contact_id = next((addresses[a] for a in message.reply_to if a in addresses), None)
    contact = store.contacts.get(contact_id) if contact_id is not None else None
    if contact is None or contact.id is None or not _answers_a_letter(store, contact, message):
        return
    day = message.when.date()
    if message.auto_reply:
        recorded = record_reply(
            store,
            contact.id,
            day,
            ReplyKind.OUT_OF_OFFICE,
            back_on=back_on(message.away_text or message.subject, day),
            note=message.subject,
        )
        report.away += 1
    else:
        recorded = record_reply(store, contact.id, day, ReplyKind.POSITIVE, note=message.subject)
        report.replies += 1
    _remember(store, message, "reply", contact.id, recorded.interaction_id)
    report.contacts.append(contact.id)


def _answers_a_letter(store: Store, contact: Contact, message: Seen) -> bool:
    """Whether a letter went to *contact* before *message*, and nothing since records
    their answer (an out-of-office reply still leaves the real one to come)."""
    assert contact.id is not None
    letters = [
        when
        for d in store.drafts.for_contact(contact.id)
        if (when := _when(d.sent_at)) is not None and when <= message.when
    ]
    if not letters:
        return False
    since = max(letters).date().isoformat()
    kinds = {
        i.kind
        for i in store.interactions.for_contact(contact.id)
        if i.day >= since and i.kind != "touch"
    }
    if message.auto_reply:
        return not kinds
    return not kinds & _REPLIES


def _when(sent_at: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(sent_at)
    except ValueError:
        return None
    return when.astimezone().replace(tzinfo=None) if when.tzinfo else when


def _remember(
    store: Store, message: Seen, kind: str, contact_id: int, interaction_id: int | None = None
) -> None:
    store.mail.add(
        message.message_id,
        kind,
        day=message.when.isoformat(timespec="seconds"),
        subject=message.subject,
        sender=message.sender,
        contact_id=contact_id,
        interaction_id=interaction_id,
    )
