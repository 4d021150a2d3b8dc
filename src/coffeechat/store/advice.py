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
    advice: str


class Advice:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def acted_on(self, outcome_id: int) -> dict[str, str]:
        """Piece of advice → the ISO day it was marked acted on."""
        return dict(
            self._conn.execute(
                "SELECT advice, day FROM advice_acted_on WHERE outcome_id = ? ORDER BY id",
                (outcome_id,),
            )
        )

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
            "SELECT c.id, c.name, c.referred_by FROM outcomes o "
            "JOIN interviews i ON i.id = o.interview_id JOIN contacts c ON c.id = i.contact_id "
            "WHERE o.id = ?",
            (outcome_id,),
        ).fetchone()
        return AdviceSource(*row) if row else None

    def to_tell(self, referrer_id: int) -> AdviceToTell | None:
        """The latest advice acted on from a call with someone *referrer_id* referred you
        to, unless an update already went to the referrer after it was marked."""
        row = self._conn.execute(
            "SELECT c.name, a.advice FROM advice_acted_on a "
            "JOIN outcomes o ON o.id = a.outcome_id JOIN interviews i ON i.id = o.interview_id "
            "JOIN contacts c ON c.id = i.contact_id "
            "WHERE c.referred_by = ?1 AND NOT EXISTS ("
            "  SELECT 1 FROM drafts d WHERE d.contact_id = ?1 AND d.template = 'referrer_update' "
            "  AND d.sent_at != '' AND d.sent_at >= a.created_at"
            ") ORDER BY a.created_at DESC, a.id DESC LIMIT 1",
            (referrer_id,),
        ).fetchone()
        return AdviceToTell(*row) if row else None
