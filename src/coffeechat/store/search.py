"""Full-text search over everything written about a person (the FTS5 ``search_index``).

The index is kept in step by triggers (see search_schema.py); here we turn what the user
typed into a safe FTS5 query, folded as the index is, make each hit's snippet from the
text as written (its matched words found by the same folding), and resolve each hit to
the contact or organization it belongs to.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import replace
from functools import cache

from ..domain.text import folded, query_words
from ..models_activity import SearchHit
from .db import Database


def fts_query(text: str) -> str:
    """Every word the user typed, each quoted (no FTS5 syntax leaks in) and as a prefix."""
    # NUL ends an FTS5 string early; quotes are doubled inside the quoted word.
    words = [word.replace("\x00", "").replace('"', '""') for word in query_words(text)]
    return " ".join(f'"{word}"*' for word in words if word.strip('"'))


@cache
def _word() -> re.Pattern[str]:
    """A word as the index's tokenizer sees one: letters and digits with their combining
    marks (Devanagari's vowel signs are marks, which ``\\w`` alone splits off)."""
    marks = "".join(
        chr(code) for code in range(0x300, 0x10000) if unicodedata.category(chr(code))[0] == "M"
    )
    return re.compile(f"[\\w{re.escape(marks)}]+")


RANKED = 2_000
"""At most this many matches are ranked for one query: the latest entries of the
index (its rowids grow with the rows they index). Ranking costs about a microsecond
a match, all of them before the first result: a word in most of 111,000 texts (at
300,000 contacts) took 85-195 ms a keystroke where the latest 2,000 take 15."""

SNIPPET_WORDS = 12
"""About as many words as a hit's snippet shows around its first match."""


def snippet(text: str, words: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short piece of *text* around the first word that starts with one of the folded
    query *words* (as the index matches), with the spans of every such word in it."""
    tokens = list(_word().finditer(text))
    hits = [i for i, token in enumerate(tokens) if folded(token[0]).startswith(tuple(words))]
    if not tokens:
        return text.strip(), ()
    at = hits[0] if hits else 0
    # From the start when the match fits there, else a few words of context before it.
    first = 0 if at < SNIPPET_WORDS - 3 else at - 3
    last = min(len(tokens), first + SNIPPET_WORDS) - 1
    start = 0 if first == 0 else tokens[first].start()
    end = len(text) if last == len(tokens) - 1 else tokens[last].end()
    lead = "…" if start > 0 else ""
    piece = lead + text[start:end] + ("…" if end < len(text) else "")
    offset = len(lead) - start
    spans = tuple(
        (tokens[i].start() + offset, tokens[i].end() + offset) for i in hits if first <= i <= last
    )
    return piece, spans


class Search:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def query(self, text: str, limit: int = 50, ranked: int = RANKED) -> list[SearchHit]:
        """Everything matching every word of *text* (case and accents ignored), best first.

        When more than *ranked* entries match (a common word in a large file), the best
        are picked among the *ranked* latest: the others are still found by a word
        more."""
        conn = self._conn
        typed = folded(" ".join(query_words(text)))
        match = fts_query(typed)
        if not match:
            return []
        words = [w for word in typed.split() for w in _word().findall(word)]
        try:
            # The window's oldest rowid (none: fewer match, all are ranked) bounds the
            # rows FTS5 ranks; walking rowids newest first stops after *ranked*.
            rows = conn.execute(
                "SELECT source, ref_id, part, title, body FROM search_index "
                "WHERE search_index MATCH :match AND rowid >= coalesce(("
                "SELECT rowid FROM search_index WHERE search_index MATCH :match "
                "ORDER BY rowid DESC LIMIT 1 OFFSET :window), 0) "
                "ORDER BY rank LIMIT :limit",
                {"match": match, "window": ranked - 1, "limit": limit},
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        hits = []
        for row in rows:
            found = snippet(row["body"], words)
            if not found[1] and row["title"]:
                found = snippet(row["title"], words)
            hit = self._resolve(conn, row["source"], int(row["ref_id"]), *found)
            part = row["part"]
            if hit is not None and part:  # an outcome's field: say which
                hit = replace(hit, part=part, label=f"{hit.label} · {part.replace('_', ' ')}")
            if hit is not None:
                hits.append(hit)
        return hits

    def _resolve(
        self,
        conn: sqlite3.Connection,
        source: str,
        ref_id: int,
        text: str,
        spans: tuple[tuple[int, int], ...],
    ) -> SearchHit | None:
        resolve = {
            "article": self._article,
            "note": self._note,
            "call_note": self._call_note,
            "answer": self._answer,
            "outcome": self._outcome,
            "next_step": self._next_step,
            "referral": self._referral,
            "letter": self._letter,
        }.get(source)
        found = resolve(conn, ref_id) if resolve is not None else None
        if found is None:
            return None  # the row went between the match and now, or an unknown source
        return SearchHit(source=source, ref_id=ref_id, snippet=text, highlights=spans, **found)

    # Each returns the SearchHit fields that say where the text lives, or None.

    def _article(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        row = conn.execute(
            "SELECT a.contact_id, a.title, c.name FROM articles a "
            "JOIN contacts c ON c.id = a.contact_id WHERE a.id = ?",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        label = f"{row['name']} · article: {row['title']}"
        return {"kind": "article", "label": label, "contact_id": row["contact_id"]}

    def _note(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        row = conn.execute(
            "SELECT n.kind, n.contact_id, n.organization_id, c.name AS contact_name, "
            "o.name AS organization_name FROM notes n "
            "LEFT JOIN contacts c ON c.id = n.contact_id "
            "LEFT JOIN organizations o ON o.id = n.organization_id WHERE n.id = ?",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        kind = row["kind"]
        if kind == "story":
            label = "My story"
        elif row["contact_id"] is not None:
            what = "goals" if kind == "self_assessment" else "notes"
            label = f"{row['contact_name']} · {what}"
        else:
            label = f"{row['organization_name']} · organization notes"
        return {
            "kind": kind,
            "label": label,
            "contact_id": row["contact_id"],
            "organization_id": row["organization_id"],
        }

    def _in_call(self, conn: sqlite3.Connection, sql: str, ref_id: int, what: str) -> dict | None:
        """A hit inside a call: *sql* gives (interview id, extra) for *ref_id*."""
        row = conn.execute(
            "SELECT i.id, i.contact_id, c.name, "
            "coalesce(nullif(i.started_at, ''), nullif(i.ended_at, ''), i.scheduled_at) AS day, "
            f"found.extra FROM ({sql}) found JOIN interviews i ON i.id = found.interview_id "
            "JOIN contacts c ON c.id = i.contact_id",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        call = f"Call {row['day'][:10]}" if row["day"] else "Call"
        label = what.format(name=row["name"], call=call, extra=row["extra"] or "")
        return {"label": label, "contact_id": row["contact_id"], "interview_id": row["id"]}

    def _call_note(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        found = self._in_call(
            conn,
            "SELECT interview_id, '' AS extra FROM note_lines WHERE id = ?",
            ref_id,
            "{name} · {call} · note",
        )
        return found and {**found, "kind": "call_note"}

    def _answer(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        found = self._in_call(
            conn,
            # The question, cut: the label is one line.
            "SELECT interview_id, CASE WHEN length(text) > 40 "
            "THEN rtrim(substr(text, 1, 39)) || '…' ELSE text END AS extra "
            "FROM checklist_items WHERE id = ?",
            ref_id,
            "{name} · {call} · answer to: {extra}",
        )
        return found and {**found, "kind": "answer"}

    def _outcome(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        # The field is the hit's part, read by query() through the index row.
        found = self._in_call(
            conn,
            "SELECT interview_id, '' AS extra FROM outcomes WHERE id = ?",
            ref_id,
            "{name} · Outcome of {call}",
        )
        return found and {**found, "kind": "outcome"}

    def _next_step(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        found = self._in_call(
            conn,
            "SELECT o.interview_id, f.due_date AS extra FROM followups f "
            "JOIN outcomes o ON o.id = f.outcome_id WHERE f.id = ?",
            ref_id,
            "{name} · Outcome of {call} · next step, due {extra}",
        )
        return found and {**found, "kind": "next_step", "part": "next_steps"}

    def _referral(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        found = self._in_call(
            conn,
            "SELECT o.interview_id, '' AS extra FROM referrals r "
            "JOIN outcomes o ON o.id = r.outcome_id WHERE r.id = ?",
            ref_id,
            "{name} · Outcome of {call} · referral",
        )
        return found and {**found, "kind": "referral", "part": "referrals"}

    def _letter(self, conn: sqlite3.Connection, ref_id: int) -> dict | None:
        row = conn.execute(
            "SELECT d.contact_id, c.name, d.template, d.sent_at FROM drafts d "
            "JOIN contacts c ON c.id = d.contact_id WHERE d.id = ?",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        what = row["template"].replace("_", " ")
        label = f"{row['name']} · Letter sent {row['sent_at'][:10]} ({what})"
        return {"kind": "letter", "label": label, "contact_id": row["contact_id"]}
