"""The first run: the welcome is shown until it has been seen once in this file."""

from __future__ import annotations

from ..store import Store

WELCOME_DISMISSED = "welcome.dismissed"
"""The setting that remembers the welcome was seen (kept in the file, so a second
window or a later session does not show it again)."""


def welcome_due(store: Store) -> bool:
    return not store.settings.get(WELCOME_DISMISSED)


def dismiss_welcome(store: Store) -> None:
    """Remember the welcome was seen."""
    with store.database.transaction():
        store.settings.set(WELCOME_DISMISSED, "1")
