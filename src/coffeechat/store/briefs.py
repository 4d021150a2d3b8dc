"""The brief: everything about one contact worth a glance in the minute before a call."""

from __future__ import annotations

import sqlite3

from ..models_activity import Brief
from .articles import Articles
from .contacts import Contacts
from .db import Database
from .notes import Notes


class Briefs:
    def __init__(
        self, database: Database, contacts: Contacts, notes: Notes, articles: Articles
    ) -> None:
        self._database = database
        self._contacts = contacts
        self._notes = notes
        self._articles = articles

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def for_contact(self, contact_id: int) -> Brief | None:
        contact = self._contacts.get(contact_id)
        if contact is None:
            return None
        organization_id = self._conn.execute(
            "SELECT organization_id FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()["organization_id"]
        articles = self._articles.for_contact(contact_id)
        return Brief(
            contact=contact,
            research=self._notes.research(contact_id),
            organization_research=(
                self._notes.organization_research(organization_id) if organization_id else ""
            ),
            self_assessment=self._notes.self_assessment(contact_id),
            articles_read=tuple(a for a in articles if a.is_read),
            articles_unread=sum(1 for a in articles if not a.is_read),
            questions=tuple(self.prepared_questions(contact_id)),
        )

    def prepared_questions(self, contact_id: int) -> list[str]:
        """The checklist of the contact's latest interview still to hold (planned or going)."""
        row = self._conn.execute(
            "SELECT id FROM interviews WHERE contact_id = ? "
            "AND state IN ('planned', 'in progress') ORDER BY id DESC LIMIT 1",
            (contact_id,),
        ).fetchone()
        if row is None:
            return []
        rows = self._conn.execute(
            "SELECT text FROM checklist_items WHERE interview_id = ? ORDER BY position, id",
            (row["id"],),
        )
        return [r["text"] for r in rows]
