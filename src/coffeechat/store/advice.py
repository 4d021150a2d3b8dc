"""Advice acted on: the pieces of a call's advice the user followed, with the day."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from .db import Database


class AdviceSource(NamedTuple):
    """Whom a call's advice came from, and who referred them to you."""

    contact_id: int
    contact_name: str
    referred_by: int | None


class AdviceToTell(NamedTuple):
    talked_to: str
    """Whom the latest piece came from (the letter's "I spoke with …")."""
    advice: str
    """The latest piece acted on."""
    every_piece: tuple[str, ...] = ()
    """Every piece acted on since the last update, oldest first (the letter names all)."""


class Advice:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def acted_on(self, outcome_id: int) -> dict[str, str]:
        """Piece of advice → the ISO day it was marked acted on."""
        rows = self._conn.execute(
            "SELECT advice, day FROM advice_acted_on WHERE outcome_id = ? ORDER BY id",
            (outcome_id,),
        )
        return {row["advice"]: row["day"] for row in rows}

    def mark(self, outcome_id: int, advice: str, at: str) -> None:
        """Acted on *advice* at *at* (an ISO time by the app's clock; marking it again
        keeps the first)."""
        self._conn.execute(
            "INSERT INTO advice_acted_on(outcome_id, advice, day, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(outcome_id, advice) DO NOTHING",
            (outcome_id, advice, at[:10], at),
        )

    def unmark(self, outcome_id: int, advice: str) -> None:
        self._conn.execute(
            "DELETE FROM advice_acted_on WHERE outcome_id = ? AND advice = ?",
            (outcome_id, advice),
        )

    def source(self, outcome_id: int) -> AdviceSource | None:
        row = self._conn.execute(
            "SELECT c.id AS contact_id, c.name AS contact_name, c.referred_by FROM outcomes o "
            "JOIN interviews i ON i.id = o.interview_id JOIN contacts c ON c.id = i.contact_id "
            "WHERE o.id = ?",
            (outcome_id,),
        ).fetchone()
        return AdviceSource(**row) if row else None

    def to_tell(self, referrer_id: int) -> AdviceToTell | None:
        """Advice acted on from calls with people *referrer_id* referred you to, since
        the last update that went to the referrer (None when there is none): whom the
        latest came from, and every piece, oldest first."""
        rows = self._conn.execute(
            "SELECT c.name AS talked_to, a.advice FROM advice_acted_on a "
            "JOIN outcomes o ON o.id = a.outcome_id JOIN interviews i ON i.id = o.interview_id "
            "JOIN contacts c ON c.id = i.contact_id "
            "WHERE c.referred_by = ?1 AND NOT EXISTS ("
            "  SELECT 1 FROM drafts d WHERE d.contact_id = ?1 AND d.template = 'referrer_update' "
            "  AND d.sent_at != '' AND d.sent_at >= a.created_at"
            ") ORDER BY a.created_at, a.id",
            (referrer_id,),
        ).fetchall()
        if not rows:
            return None
        latest = rows[-1]
        return AdviceToTell(
            latest["talked_to"], latest["advice"], tuple(row["advice"] for row in rows)
        )
