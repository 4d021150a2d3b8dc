"""Markdown notes: research on a contact or an organization, a contact's
self-assessment, and the one global "my story" card.

A subject (kind, contact, organization) has at most one note: saving upserts on the
``notes_subject`` unique index, and a save that changes nothing writes nothing.

Two windows may edit one note: the revision check of a save from an editor is the use
case's (usecases/notes.py); the store only reads and writes.
"""

from __future__ import annotations

import sqlite3

from ..models_activity import Note
from .db import Database, record

RESEARCH = "research"
SELF_ASSESSMENT = "self_assessment"
STORY = "story"

_UPSERT = """
INSERT INTO notes(kind, contact_id, organization_id, body) VALUES (?, ?, ?, ?)
ON CONFLICT (kind, ifnull(contact_id, 0), ifnull(organization_id, 0)) DO UPDATE SET
    body = excluded.body,
    updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now')
WHERE notes.body != excluded.body
"""


class Notes:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    # --- generic ------------------------------------------------------------------------

    def get(
        self, kind: str, *, contact_id: int | None = None, organization_id: int | None = None
    ) -> Note | None:
        row = self._conn.execute(
            "SELECT id, kind, contact_id, organization_id, body, updated_at FROM notes "
            "WHERE kind = ? AND ifnull(contact_id, 0) = ? AND ifnull(organization_id, 0) = ?",
            (kind, contact_id or 0, organization_id or 0),
        ).fetchone()
        if row is None:
            return None
        return record(Note, row)

    def body(
        self, kind: str, *, contact_id: int | None = None, organization_id: int | None = None
    ) -> str:
        note = self.get(kind, contact_id=contact_id, organization_id=organization_id)
        return note.body if note else ""

    def save(
        self,
        kind: str,
        body: str,
        *,
        contact_id: int | None = None,
        organization_id: int | None = None,
    ) -> bool:
        """Store *body* for the subject; return whether anything was written."""
        with self._database.transaction():
            current = self.get(kind, contact_id=contact_id, organization_id=organization_id)
            if not body and current is None:
                return False  # no row for an empty note that never existed
            cursor = self._conn.execute(_UPSERT, (kind, contact_id, organization_id, body))
            return cursor.rowcount > 0

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) AS n FROM notes").fetchone()["n"]

    # --- the subjects the app uses ------------------------------------------------------

    def research(self, contact_id: int) -> str:
        return self.body(RESEARCH, contact_id=contact_id)

    def save_research(self, contact_id: int, body: str) -> bool:
        return self.save(RESEARCH, body, contact_id=contact_id)

    def research_by_contact(self) -> dict[int, str]:
        """Every contact's research note, by contact id (for the exports)."""
        rows = self._conn.execute(
            "SELECT contact_id, body FROM notes WHERE kind = ? AND contact_id IS NOT NULL",
            (RESEARCH,),
        )
        return {row["contact_id"]: row["body"] for row in rows}

    def organization_research(self, organization_id: int) -> str:
        return self.body(RESEARCH, organization_id=organization_id)

    def save_organization_research(self, organization_id: int, body: str) -> bool:
        return self.save(RESEARCH, body, organization_id=organization_id)

    def self_assessment(self, contact_id: int) -> str:
        return self.body(SELF_ASSESSMENT, contact_id=contact_id)

    def save_self_assessment(self, contact_id: int, body: str) -> bool:
        return self.save(SELF_ASSESSMENT, body, contact_id=contact_id)

    def story(self) -> str:
        """The global "my story" card ('' until written; see domain.story for the prompts)."""
        return self.body(STORY)

    def save_story(self, body: str) -> bool:
        return self.save(STORY, body)
