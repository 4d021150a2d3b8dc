"""Full-text search over every note and article (the FTS5 ``search_index`` table).

The index is kept in step by triggers (see schema.py); here we only turn what the user
typed into a safe FTS5 query and resolve each hit to the contact or organization it
belongs to.
"""

from __future__ import annotations

import sqlite3

from ..models import SearchHit
from .db import Database

_START, _END = "\x02", "\x03"
"""Snippet markers: control characters, which the UI never shows as such anyway."""


def fts_query(text: str) -> str:
    """Every word the user typed, each quoted (no FTS5 syntax leaks in) and as a prefix."""
    # NUL ends an FTS5 string early; quotes are doubled inside the quoted word.
    words = [word.replace("\x00", "").replace('"', '""') for word in text.split()]
    return " ".join(f'"{word}"*' for word in words if word.strip('"'))


def split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain snippet text plus the (start, end) spans FTS5 marked as matches."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = None
    for char in marked:
        if char == _START:
            start = length
        elif char == _END and start is not None:
            spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(spans)


class Search:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def query(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Notes and articles matching every word of *text* (accents ignored), best first."""
        match = fts_query(text)
        if not match:
            return []
        try:
            rows = self._conn.execute(
                "SELECT source, ref_id, "
                f"snippet(search_index, -1, '{_START}', '{_END}', '…', 12) "
                "FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        hits = [self._resolve(source, int(ref_id), snippet) for source, ref_id, snippet in rows]
        return [hit for hit in hits if hit is not None]

    def _resolve(self, source: str, ref_id: int, marked: str) -> SearchHit | None:
        snippet, spans = split_snippet(marked)
        if source == "article":
            row = self._conn.execute(
                "SELECT a.contact_id, a.title, c.name FROM articles a "
                "JOIN contacts c ON c.id = a.contact_id WHERE a.id = ?",
                (ref_id,),
            ).fetchone()
            if row is None:
                return None
            return SearchHit(
                source=source,
                ref_id=ref_id,
                kind="article",
                label=f"{row[2]} · article: {row[1]}",
                snippet=snippet,
                highlights=spans,
                contact_id=row[0],
            )
        row = self._conn.execute(
            "SELECT n.kind, n.contact_id, n.organization_id, c.name, o.name FROM notes n "
            "LEFT JOIN contacts c ON c.id = n.contact_id "
            "LEFT JOIN organizations o ON o.id = n.organization_id WHERE n.id = ?",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        kind, contact_id, organization_id, contact_name, organization_name = row
        if kind == "story":
            label = "My story"
        elif contact_id is not None:
            what = "goals" if kind == "self_assessment" else "notes"
            label = f"{contact_name} · {what}"
        else:
            label = f"{organization_name} · organization notes"
        return SearchHit(
            source=source,
            ref_id=ref_id,
            kind=kind,
            label=label,
            snippet=snippet,
            highlights=spans,
            contact_id=contact_id,
            organization_id=organization_id,
        )
