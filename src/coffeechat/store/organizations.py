"""Organizations: named once, shared by every contact who works there."""

from __future__ import annotations

import sqlite3

from ..models import Organization
from .db import Database, record


class Organizations:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def id_for(self, name: str) -> int | None:
        """The id of the organization called *name* (case-insensitive), creating it."""
        name = name.strip()
        if not name:
            return None
        row = self._conn.execute(
            "SELECT id FROM organizations WHERE name = ? COLLATE NOCASE", (name,)
        ).fetchone()
        if row:
            return row["id"]
        return self._conn.execute("INSERT INTO organizations(name) VALUES (?)", (name,)).lastrowid

    def get(self, organization_id: int) -> Organization | None:
        row = self._conn.execute(
            "SELECT o.id, o.name, ifnull(n.body, '') AS notes FROM organizations o "
            "LEFT JOIN notes n ON n.organization_id = o.id AND n.kind = 'research' "
            "WHERE o.id = ?",
            (organization_id,),
        ).fetchone()
        if row is None:
            return None
        return record(Organization, row)

    def all(self) -> list[Organization]:
        rows = self._conn.execute(
            "SELECT o.id, o.name, ifnull(n.body, '') AS notes FROM organizations o "
            "LEFT JOIN notes n ON n.organization_id = o.id AND n.kind = 'research' "
            "ORDER BY o.name COLLATE NOCASE"
        )
        return [record(Organization, r) for r in rows]

    def names(self) -> list[str]:
        rows = self._conn.execute("SELECT name FROM organizations ORDER BY name COLLATE NOCASE")
        return [r["name"] for r in rows]

    def find(self, name: str) -> int | None:
        """The id of the organization called *name* (case-insensitive), or None."""
        name = name.strip()
        if not name:
            return None
        row = self._conn.execute(
            "SELECT id FROM organizations WHERE name = ? COLLATE NOCASE", (name,)
        ).fetchone()
        return row["id"] if row else None
