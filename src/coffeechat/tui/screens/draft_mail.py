"""The way from a letter to the mail client: a draft in its Maildir, or a mailto: link.

Called by the draft editor with the letter on screen (already kept as the draft); each
says what happened in one notification.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.screen import Screen

from ...mail_config import load as load_mail_config
from ...models import Contact
from ...models_activity import Draft
from ...store import Store
from ...sync_config import ConfigError
from ...usecases.mail_drafts import MailError, open_in_mail_client, save_to_mail_drafts

SAVE_TITLE = "Save to mail drafts"
OPEN_TITLE = "Open in mail client"


def save_letter(
    screen: Screen[Any], store: Store, contact: Contact, draft: Draft, now: datetime
) -> None:
    try:
        saved = save_to_mail_drafts(store, draft, contact, load_mail_config(), now)
    except (MailError, ConfigError) as error:
        screen.notify(str(error), title=SAVE_TITLE, severity="error", markup=False)
        return
    screen.notify(saved.message(), title=SAVE_TITLE, markup=False)


def open_letter(screen: Screen[Any], contact: Contact, draft: Draft) -> None:
    try:
        open_in_mail_client(draft, contact)
    except MailError as error:
        screen.notify(str(error), title=OPEN_TITLE, severity="error", markup=False)
        return
    if contact.email.strip():
        screen.notify("Handed to your mail client.", title=OPEN_TITLE, markup=False)
    else:
        screen.notify(
            f"Handed to your mail client, with no address: {contact.name} has none here.",
            title=OPEN_TITLE,
            severity="warning",
            markup=False,
        )
