"""What the app left in its file, read the way an end-to-end test checks it: a fresh
connection per look (the app may be writing, or killed), closed at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(db: Path, sql: str, *params: Any) -> list[tuple]:
    """Every row *sql* selects from the file at *db*, as plain tuples."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def assert_intact(db: Path) -> None:
    """The file passes SQLite's own checks: every page sound, every reference kept."""
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "PRAGMA foreign_key_check") == []


def first(db: Path, sql: str, *params: Any, default: Any = None) -> Any:
    """The first column of the first row *sql* selects, or *default* when there is none."""
    found = rows(db, sql, *params)
    return found[0][0] if found else default


def research(db: Path, contact_id: int, default: str | None = "") -> str | None:
    """The research note of one contact as saved."""
    return first(
        db,
        "SELECT body FROM notes WHERE kind = 'research' AND contact_id = ?",
        contact_id,
        default=default,
    )
