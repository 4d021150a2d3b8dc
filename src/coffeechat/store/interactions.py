"""Interactions: replies of each kind and touches, the log keeping in touch counts from."""

from __future__ import annotations

import sqlite3

from ..models_activity import Interaction
from .db import Database, record

_COLUMNS = "id, contact_id, kind, day, back_on, note"


def _interaction(row: sqlite3.Row) -> Interaction:
    return record(Interaction, row)


class Interactions:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def add(self, interaction: Interaction) -> Interaction:
        new_id = self._conn.execute(
            "INSERT INTO interactions(contact_id, kind, day, back_on, note) VALUES (?, ?, ?, ?, ?)",
            (
                interaction.contact_id,
                interaction.kind,
                interaction.day,
                interaction.back_on,
                interaction.note,
            ),
        ).lastrowid
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM interactions WHERE id = ?", (new_id,)
        ).fetchone()
        return _interaction(row)

    def delete(self, interaction_id: int) -> None:
        self._conn.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,))

    def for_contact(self, contact_id: int) -> list[Interaction]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM interactions WHERE contact_id = ? ORDER BY day, id",
            (contact_id,),
        )
        return [_interaction(r) for r in rows]

    def latest_reply_kinds(self) -> dict[int, str]:
        """Each contact's latest reply kind (touches are not replies)."""
        rows = self._conn.execute(
            "SELECT contact_id, kind FROM interactions WHERE kind != 'touch' ORDER BY day, id"
        )
        # The latest wins (rows come oldest first).
        return {row["contact_id"]: row["kind"] for row in rows}
