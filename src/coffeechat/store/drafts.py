"""Drafts: one working copy per contact and template, kept until it is marked sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..models_activity import Draft, FollowUp
from .db import Database, inserted_id, record

_COLUMNS = "id, contact_id, template, subject, body, sent_at, updated_at"


def _draft(row: sqlite3.Row) -> Draft:
    return record(Draft, row)


class Drafts:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def get(self, draft_id: int) -> Draft | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone()
        return _draft(row) if row else None

    def working(self, contact_id: int, template: str) -> Draft | None:
        """The unsent draft for this contact and template, if one was started."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE contact_id = ? AND template = ? "
            "AND sent_at = '' ORDER BY id DESC LIMIT 1",
            (contact_id, template),
        ).fetchone()
        return _draft(row) if row else None

    def last_worked_template(self, contact_id: int) -> str | None:
        row = self._conn.execute(
            "SELECT template FROM drafts WHERE contact_id = ? AND sent_at = '' "
            "ORDER BY updated_at DESC, id DESC LIMIT 1",
            (contact_id,),
        ).fetchone()
        return row["template"] if row else None

    def for_contact(self, contact_id: int) -> list[Draft]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE contact_id = ? ORDER BY id", (contact_id,)
        )
        return [_draft(r) for r in rows]

    def last_sent(self, contact_id: int, template: str) -> Draft | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE contact_id = ? AND template = ? "
            "AND sent_at != '' ORDER BY sent_at DESC, id DESC LIMIT 1",
            (contact_id, template),
        ).fetchone()
        return _draft(row) if row else None

    def save(self, draft: Draft) -> Draft:
        """Insert or update the working copy; returns it with its id."""
        if draft.id is None:
            cursor = self._conn.execute(
                "INSERT INTO drafts(contact_id, template, subject, body) VALUES (?, ?, ?, ?)",
                (draft.contact_id, draft.template, draft.subject, draft.body),
            )
            new_id = inserted_id(cursor)
            saved = self.get(new_id)
        else:
            self._conn.execute(
                "UPDATE drafts SET subject = ?, body = ?, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                (draft.subject, draft.body, draft.id),
            )
            saved = self.get(draft.id)
        assert saved is not None
        return saved

    def mark_sent(self, draft: Draft, *, sent_at: str, followups: Iterable[FollowUp] = ()) -> Draft:
        """Record the draft as sent, exactly as it went out, with what it scheduled.

        One transaction: either the letter is logged with all its follow-ups, or nothing is.
        """
        assert draft.id is not None
        with self._database.transaction() as conn:
            conn.execute(
                "UPDATE drafts SET subject = ?, body = ?, sent_at = ?, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                (draft.subject, draft.body, sent_at, draft.id),
            )
            for followup in followups:
                conn.execute(
                    "INSERT INTO followups(contact_id, kind, title, due_date, draft_id) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (draft.contact_id, followup.kind, followup.title, followup.due_date, draft.id),
                )
        sent = self.get(draft.id)
        assert sent is not None
        return sent
