"""Possible duplicates: pairs an import could not tell apart, and the user's decisions."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from ..domain.text import folded
from .db import Database
from .search_schema import FOLD_FUNCTION


class DuplicatePair(NamedTuple):
    """Two contacts with the same name and organization but different identifiers."""

    low_id: int
    high_id: int
    low_name: str
    high_name: str
    organization: str
    low_detail: str = ""
    """What tells the first apart: email and title ("" when it has neither)."""
    high_detail: str = ""

    def other(self, contact_id: int) -> int:
        return self.high_id if contact_id == self.low_id else self.low_id


class PickerRow(NamedTuple):
    """A contact offered as the other half of a merge."""

    id: int
    name: str
    organization: str
    email: str
    possible_duplicate: bool
    title: str = ""
    tags: str = ""
    """Title and tags: the picker's filter matches them too, as the contact filter does."""


def ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class Duplicates:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def possible(self, contact_id: int | None = None) -> list[DuplicatePair]:
        """Undecided pairs, all of them or those involving *contact_id*."""
        where = "p.state = 'possible'"
        args: tuple = ()
        if contact_id is not None:
            where += " AND (p.low_id = ? OR p.high_id = ?)"
            args = (contact_id, contact_id)
        rows = self._conn.execute(
            "SELECT p.low_id, p.high_id, a.name AS low_name, b.name AS high_name, "
            "ifnull(o.name, '') AS organization, "
            "trim(a.email || ' · ' || a.title, ' ·') AS low_detail, "
            "trim(b.email || ' · ' || b.title, ' ·') AS high_detail "
            "FROM contact_pairs p JOIN contacts a ON a.id = p.low_id "
            "JOIN contacts b ON b.id = p.high_id "
            f"LEFT JOIN organizations o ON o.id = a.organization_id WHERE {where} "
            "ORDER BY a.sort_name, p.low_id, p.high_id",
            args,
        )
        return [DuplicatePair(**row) for row in rows]

    def count(self) -> int:
        return self._conn.execute(
            "SELECT count(*) AS n FROM contact_pairs WHERE state = 'possible'"
        ).fetchone()["n"]

    def mark_distinct(self, a: int, b: int) -> None:
        """ "Not a duplicate": remembered, so no import lists the pair again."""
        low, high = ordered(a, b)
        with self._database.transaction() as conn:
            conn.execute(
                "INSERT INTO contact_pairs(low_id, high_id, state) VALUES (?, ?, 'distinct') "
                "ON CONFLICT(low_id, high_id) DO UPDATE SET state = 'distinct'",
                (low, high),
            )

    def is_distinct(self, a: int, b: int) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM contact_pairs WHERE low_id = ? AND high_id = ? AND state = 'distinct'",
            ordered(a, b),
        ).fetchone()
        return row is not None

    def merge_candidates(self, contact_id: int, text: str = "", limit: int = 50) -> list[PickerRow]:
        """Contacts to merge with *contact_id*: its possible duplicates first, then the
        others. With *text*, those whose name, organization or email contains it; with
        none, those sharing its name."""
        dup_ids = {pair.other(contact_id) for pair in self.possible(contact_id)}
        text = folded(text.strip())
        if text:
            # The one folding every search uses (the function every connection has).
            where = (
                f"instr({FOLD_FUNCTION}(c.name || ' ' || ifnull(o.name, '') || ' ' || c.email), "
                "?2) > 0"
            )
        else:
            where = "c.name = (SELECT name FROM contacts WHERE id = ?1) COLLATE NOCASE"
        marks = ", ".join(str(int(i)) for i in sorted(dup_ids))
        rows = self._conn.execute(
            "SELECT c.id, c.name, ifnull(o.name, '') AS organization, c.email, "
            f"c.id IN ({marks}) AS dup FROM contacts c "
            "LEFT JOIN organizations o ON o.id = c.organization_id "
            f"WHERE c.id != ?1 AND ({where} OR (?3 = '' AND c.id IN ({marks}))) "
            "ORDER BY dup DESC, c.sort_name, c.id LIMIT ?4",
            (contact_id, text, text, limit),
        )
        return [
            PickerRow(r["id"], r["name"], r["organization"], r["email"], bool(r["dup"]))
            for r in rows
        ]

    def every_candidate(self, contact_id: int) -> list[PickerRow]:
        """Everyone *contact_id* could be merged with, possible duplicates first, for the
        picker to filter as the user types (case and accents ignored)."""
        dup_ids = {pair.other(contact_id) for pair in self.possible(contact_id)}
        rows = self._conn.execute(
            "SELECT c.id, c.name, ifnull(o.name, '') AS organization, c.email, c.title, c.tags "
            "FROM contacts c "
            "LEFT JOIN organizations o ON o.id = c.organization_id "
            "WHERE c.id != ? ORDER BY c.sort_name, c.id",
            (contact_id,),
        )
        every = [PickerRow(**r, possible_duplicate=r["id"] in dup_ids) for r in rows]
        return sorted(every, key=lambda row: not row.possible_duplicate)  # stable: by name
