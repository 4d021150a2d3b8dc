"""Small key/value preferences kept with the data (theme, profile, last filter)."""

from __future__ import annotations

from .db import Database


class Settings:
    def __init__(self, database: Database) -> None:
        self._database = database

    def get(self, key: str, default: str = "") -> str:
        row = self._database.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (key,)
        ).fetchone()
        return row["value"] if row else default

    def set(self, key: str, value: str) -> None:
        self._database.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def delete(self, key: str) -> None:
        self._database.conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def all(self) -> dict[str, str]:
        rows = self._database.conn.execute("SELECT key, value FROM settings")
        return {row["key"]: row["value"] for row in rows}
