"""What the mail scan keeps: the messages it acted on, and where the next scan starts."""

from __future__ import annotations

import sqlite3

from .db import Database

SCAN_STATE = "mail.scan"
"""Settings key: the source read last ("maildir:…" or "notmuch") and its mark."""


class MailNoticed:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def known(self, message_id: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM mail_noticed WHERE message_id = ?", (message_id,)
        ).fetchone()
        return row is not None

    def add(
        self,
        message_id: str,
        kind: str,
        *,
        day: str,
        subject: str,
        sender: str,
        contact_id: int,
        interaction_id: int | None = None,
    ) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO mail_noticed(message_id, kind, day, subject, sender, "
            "contact_id, interaction_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (message_id, kind, day, subject, sender, contact_id, interaction_id),
        )

    def from_mail(self, interaction_id: int) -> bool:
        """Whether the reply *interaction_id* was noticed in the mail (not typed in)."""
        row = self._conn.execute(
            "SELECT 1 FROM mail_noticed WHERE interaction_id = ?", (interaction_id,)
        ).fetchone()
        return row is not None

    def retake(self, old: int, new: int) -> None:
        """The reply *old* was changed into *new* (its kind changed by the user)."""
        self._conn.execute(
            "UPDATE mail_noticed SET interaction_id = ? WHERE interaction_id = ?", (new, old)
        )

    def state(self) -> str:
        row = self._conn.execute(
            "SELECT value FROM settings WHERE key = ?", (SCAN_STATE,)
        ).fetchone()
        return row["value"] if row else ""

    def set_state(self, value: str) -> None:
        self._conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (SCAN_STATE, value),
        )
