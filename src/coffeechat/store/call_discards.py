"""How to discard each call, kept with the file: a call picked up in a later session
(started, the app quit, opened again) can still be discarded back to the contact,
follow-ups and call as they were before its first start. The text is the use case
layer's (usecases/undo.py writes and reads it); the row goes with its call."""

from __future__ import annotations

import sqlite3

from .db import Database


class CallDiscards:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def get(self, interview_id: int) -> str | None:
        row = self._conn.execute(
            "SELECT undo FROM call_discards WHERE interview_id = ?", (interview_id,)
        ).fetchone()
        return str(row["undo"]) if row else None

    def put(self, interview_id: int, undo: str) -> None:
        self._conn.execute(
            "INSERT INTO call_discards(interview_id, undo) VALUES (?, ?) "
            "ON CONFLICT(interview_id) DO UPDATE SET undo = excluded.undo",
            (interview_id, undo),
        )

    def forget(self, interview_id: int) -> None:
        self._conn.execute("DELETE FROM call_discards WHERE interview_id = ?", (interview_id,))
