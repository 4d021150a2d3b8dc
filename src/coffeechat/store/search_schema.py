"""The search index that reaches everything written about a person (a migration).

Schema 1 indexed research notes and articles only. This migration rebuilds the FTS5
``search_index`` so that it also holds what a call left behind (note lines, answers
under the questions), outcomes (each text field, next steps, referrals) and letters as
sent, and fills it from the rows already in the file, so an old database finds its
old call notes.

Each indexed piece of text gets a fixed ``rowid`` derived from its row: ``id * SLOTS +
slot``. A trigger then replaces or removes it by rowid, a direct lookup, where schema 1
deleted ``WHERE source = … AND ref_id = …``, a scan of the whole index on every
autosave of a note.

Folding: each entry's text is indexed once more as the ``folded`` column, made by the
``coffeechat_fold`` SQL function, which is :func:`coffeechat.domain.text.folded`, the
folding every other search uses (``soren`` finds ``Søren``, ``lukasz`` ``Łukasz``); the
query is folded the same way and matches that column only. ``title`` and ``body`` are
kept as written, unindexed, for the hit's snippet. Every connection registers the
function (``store.db.connect``, and :func:`search_everything` for its own).
"""

from __future__ import annotations

import sqlite3

from ..domain.text import folded

FOLD_FUNCTION = "coffeechat_fold"

SLOTS = 32
"""rowid = row id * SLOTS + the slot of the kind of text (below)."""

OUTCOME_FIELDS = (
    "learned",
    "skills",
    "advice",
    "resources",
    "assignments",
    "went_well",
    "do_differently",
)
"""The outcome's free-text fields, one index entry each, so a hit says which."""

NOTE, ARTICLE, CALL_NOTE, ANSWER, LETTER, NEXT_STEP, REFERRAL = range(7)
OUTCOME_FIRST_SLOT = 8


def _delete(slot: int) -> str:
    return f"DELETE FROM search_index WHERE rowid = old.id * {SLOTS} + {slot}"


def _insert(
    source: str, slot: int, part: str, title: str, body: str, when: str, *, table: str = ""
) -> str:
    """Index the trigger's ``new`` row or, given *table*, every row already in it.

    *title*, *body* and *when* name the row's columns as ``{row}column``."""
    row = "" if table else "new."
    at = {"row": row}
    source_rows = f" FROM {table}" if table else ""
    where = f" WHERE {when.format(**at)}" if when else ""
    title, body = title.format(**at), body.format(**at)
    return (
        "INSERT INTO search_index(rowid, source, ref_id, part, title, body, folded) "
        f"SELECT {row}id * {SLOTS} + {slot}, '{source}', {row}id, '{part}', "
        f"{title}, {body}, {FOLD_FUNCTION}({title} || ' ' || {body}){source_rows}{where}"
    )


class _Source:
    """One table's text in the index: what to insert, when, and how to fill it."""

    def __init__(
        self,
        table: str,
        source: str,
        slot: int,
        title: str,
        body: str,
        *,
        when: str = "",
        columns: str = "",
    ) -> None:
        self.table, self.source, self.slot = table, source, slot
        self.title, self.body = title, body
        self.when = when
        """A condition on the row: only rows that meet it are indexed."""
        self.columns = columns
        """``OF …`` for the update trigger: only a change to these re-indexes."""

    def statements(self) -> list[str]:
        name, table = f"search_{self.table}", self.table
        of = f" OF {self.columns}" if self.columns else ""
        what = (self.source, self.slot, "", self.title, self.body, self.when)
        new = _insert(*what)
        return [
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {new}; END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE{of} ON {table} BEGIN "
            f"{_delete(self.slot)}; {new}; END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {_delete(self.slot)}; END",
            # The rows already there: an old database's notes, calls and letters.
            _insert(*what, table=table),
        ]


SOURCES = (
    _Source("notes", "note", NOTE, "''", "{row}body", columns="body"),
    _Source(
        "articles",
        "article",
        ARTICLE,
        "{row}title",
        "{row}url || ' ' || {row}notes",
    ),
    _Source("note_lines", "call_note", CALL_NOTE, "''", "{row}text", columns="text"),
    _Source(
        "checklist_items",
        "answer",
        ANSWER,
        "''",
        "{row}answer",
        when="{row}answer != ''",
        columns="answer",
    ),
    _Source(
        "drafts",
        "letter",
        LETTER,
        "{row}subject",
        "{row}body",
        when="{row}sent_at != ''",
        columns="subject, body, sent_at",
    ),
    _Source(
        "followups",
        "next_step",
        NEXT_STEP,
        "''",
        # Without the "Next step: " the agenda shows: those words are in every one.
        "CASE WHEN {row}title LIKE 'Next step: %' THEN substr({row}title, 12) ELSE {row}title END",
        when="{row}kind = 'next_step' AND {row}outcome_id IS NOT NULL",
        columns="title, kind, outcome_id",
    ),
    _Source(
        "referrals",
        "referral",
        REFERRAL,
        "{row}name",
        "{row}title || ' ' || {row}organization || ' ' || {row}how_to_reach",
    ),
)


def _outcome_statements() -> list[str]:
    """One entry per non-empty text field of an outcome, ``part`` naming the field."""
    new, every, gone = [], [], []
    for offset, name in enumerate(OUTCOME_FIELDS):
        what = ("outcome", OUTCOME_FIRST_SLOT + offset, name, "''", f"{{row}}{name}")
        when = f"{{row}}{name} != ''"
        new.append(_insert(*what, when))
        every.append(_insert(*what, when, table="outcomes"))
        gone.append(_delete(OUTCOME_FIRST_SLOT + offset))
    inserts, deletes = "; ".join(new), "; ".join(gone)
    return [
        f"CREATE TRIGGER search_outcomes_ai AFTER INSERT ON outcomes BEGIN {inserts}; END",
        f"CREATE TRIGGER search_outcomes_au AFTER UPDATE OF {', '.join(OUTCOME_FIELDS)} "
        f"ON outcomes BEGIN {deletes}; {inserts}; END",
        f"CREATE TRIGGER search_outcomes_ad AFTER DELETE ON outcomes BEGIN {deletes}; END",
        *every,
    ]


def register_fold(conn: sqlite3.Connection) -> None:
    """Give *conn* the folding the index's triggers call (one per connection)."""
    conn.create_function(FOLD_FUNCTION, 1, _fold_sql, deterministic=True)


def _fold_sql(text: object) -> str:
    return folded(text) if isinstance(text, str) else ""


def search_everything(conn: sqlite3.Connection) -> None:
    """The migration: replace schema 1's index and triggers, and index every row.

    Run again by :func:`fold_search_index`, it rebuilds the index in the current shape."""
    register_fold(conn)
    tables = ["notes", "articles"] + [f"search_{s.table}" for s in SOURCES] + ["search_outcomes"]
    # Schema 1's triggers, and ours (so that the benchmark can run it again on a copy).
    for old in (f"{table}_{when}" for table in tables for when in ("ai", "au", "ad")):
        conn.execute(f"DROP TRIGGER IF EXISTS {old}")
    conn.execute("DROP TABLE IF EXISTS search_index")
    conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(source UNINDEXED, ref_id UNINDEXED, "
        "part UNINDEXED, title UNINDEXED, body UNINDEXED, folded, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for source in SOURCES:
        for statement in source.statements():
            conn.execute(statement)
    for statement in _outcome_statements():
        conn.execute(statement)


def fold_search_index(conn: sqlite3.Connection) -> None:
    """The migration to one folding: the index of a file made before it held text
    folded by the tokenizer alone (``soren`` did not find ``Søren``); it is rebuilt,
    every row indexed again through ``coffeechat_fold``."""
    search_everything(conn)
