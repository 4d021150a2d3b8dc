"""A letter handed to the user's mail client: a draft in its Maildir, or a mailto: link."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..interop.mail_out import AddressError, address, draft_message, maildir_name, mailto_url
from ..interop.system_opener import open_url
from ..mail_config import MailConfig
from ..models import Contact
from ..models_activity import Draft
from ..paths import ensure_private_dir
from ..safe_files import write_file
from ..store import Store
from .profile import load_profile

_DRAFT_FILE = "mail.draft_file."
"""Settings key + draft id: the Maildir file name a letter was last saved as, so saving
it again replaces that draft instead of adding a second."""


class MailError(ValueError):
    """Mail could not be written or opened; one line."""


@dataclass(frozen=True, slots=True)
class SavedDraft:
    path: Path
    replaced: bool
    """Whether an earlier copy of this letter in the drafts folder was replaced."""
    missing: tuple[str, ...] = ()
    """Headers left out for want of an address ("To", "From")."""

    def message(self) -> str:
        done = "Replaced the draft" if self.replaced else "Saved a draft"
        text = f"{done} in {self.path.parent.parent}."
        if self.missing:
            text += f" No {' or '.join(self.missing)} address: add it in your mail client."
        return text


def save_to_mail_drafts(
    store: Store, draft: Draft, contact: Contact, config: MailConfig, now: datetime
) -> SavedDraft:
    """Write *draft* as a message into the Maildir drafts folder set in config.toml,
    through the one file writer (atomic, 0600)."""
    if config.drafts is None:
        raise MailError(
            'no drafts folder: set drafts = "~/Mail/Drafts" under [mail] in config.toml'
        )
    profile = load_profile(store)
    try:
        sender = address(profile.name, profile.email)
        to = address(contact.name, contact.email)
    except AddressError as error:
        raise MailError(str(error)) from None
    message = draft_message(sender=sender, to=to, subject=draft.subject, body=draft.body, now=now)
    folder = _maildir(config.drafts)
    key = f"{_DRAFT_FILE}{_draft_key(store, draft)}"
    earlier = _find(folder, store.settings.get(key))
    target = earlier or folder / "cur" / maildir_name("D")
    try:
        write_file(target, message.as_bytes())
    except OSError as error:
        raise MailError(str(error)) from None
    store.settings.set(key, target.name.split(":", 1)[0])
    missing = tuple(name for name, value in (("To", to), ("From", sender)) if value is None)
    return SavedDraft(target, earlier is not None, missing)


def _draft_key(store: Store, draft: Draft) -> str:
    """The draft's id, told apart from another database's draft of the same id."""
    digest = hashlib.sha1(os.fsencode(os.path.realpath(store.path))).hexdigest()[:8]
    return f"{digest}.{draft.id}"


def _maildir(folder: Path) -> Path:
    """*folder* as a Maildir (cur, new, tmp), made if it does not exist yet."""
    parts = [folder / sub for sub in ("cur", "new", "tmp")]
    try:
        if not folder.exists():
            for part in parts:
                ensure_private_dir(part)
        elif not all(part.is_dir() for part in parts):
            raise MailError(f"{folder} is not a Maildir (it needs cur, new and tmp folders)")
    except OSError as error:
        raise MailError(f"cannot make the Maildir {folder}: {error.strerror or error}") from None
    return folder


def _find(folder: Path, name: str) -> Path | None:
    """The file named *name* (whatever flags the mail client gave it since) in cur or new."""
    if not name:
        return None
    for sub in ("cur", "new"):
        try:
            with os.scandir(folder / sub) as entries:
                for entry in entries:
                    if entry.name.split(":", 1)[0] == name and entry.is_file():
                        return Path(entry.path)
        except OSError:
            continue
    return None


def open_in_mail_client(draft: Draft, contact: Contact) -> str:
    """Hand the letter to the system's mail client as a mailto: link; the link."""
    url = mailto_url(contact.email, draft.subject, draft.body)
    try:
        open_url(url)
    except OSError as error:
        raise MailError(str(error)) from None
    return url
