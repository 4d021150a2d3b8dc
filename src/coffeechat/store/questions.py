"""The question bank. The default TIARA set is written on first use, once."""

from __future__ import annotations

import sqlite3

from ..domain.questions import DEFAULT_QUESTIONS, asks_for_job, fit_to_call
from ..models_activity import Question
from .db import Database, inserted_id, record

_SELECT = 'SELECT id, text, grp AS "group", position, asks_for_job, is_default FROM questions'
_SEEDED_KEY = "questions.seeded"


def _question(row: sqlite3.Row) -> Question:
    return record(
        Question,
        row,
        asks_for_job=bool(row["asks_for_job"]),
        is_default=bool(row["is_default"]),
    )


def _next_position(conn: sqlite3.Connection) -> int:
    """The position after the last question's (0 for an empty bank)."""
    return conn.execute("SELECT ifnull(max(position), -1) + 1 AS next FROM questions").fetchone()[
        "next"
    ]


class Questions:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def ensure_defaults(self) -> None:
        """Write the default set the first time the bank is used (never again, even if
        the user deletes every question)."""
        with self._database.transaction() as conn:
            seeded = conn.execute("SELECT 1 FROM settings WHERE key = ?", (_SEEDED_KEY,)).fetchone()
            if seeded:
                return
            start = _next_position(conn)
            for offset, (group, text) in enumerate(DEFAULT_QUESTIONS):
                conn.execute(
                    "INSERT INTO questions(text, grp, position, asks_for_job, is_default) "
                    "VALUES (?, ?, ?, ?, 1)",
                    (text, group, start + offset, int(asks_for_job(text))),
                )
            conn.execute("INSERT INTO settings(key, value) VALUES (?, '1')", (_SEEDED_KEY,))

    def all(self) -> list[Question]:
        self.ensure_defaults()
        return [_question(r) for r in self._conn.execute(_SELECT + " ORDER BY position, id")]

    def defaults(self) -> list[Question]:
        """The set a call uses when no checklist was prepared for it."""
        return [q for q in self.all() if q.is_default]

    def defaults_for(self, length_minutes: int) -> list[Question]:
        """The default set sized to a call of *length_minutes* (see ``fit_to_call``)."""
        return fit_to_call(self.defaults(), length_minutes)

    def get(self, question_id: int) -> Question | None:
        row = self._conn.execute(_SELECT + " WHERE id = ?", (question_id,)).fetchone()
        return _question(row) if row else None

    def add(self, text: str, group: str = "Insights", *, is_default: bool = False) -> Question:
        self.ensure_defaults()
        with self._database.transaction() as conn:
            position = _next_position(conn)
            cursor = conn.execute(
                "INSERT INTO questions(text, grp, position, asks_for_job, is_default) "
                "VALUES (?, ?, ?, ?, ?)",
                (text, group, position, int(asks_for_job(text)), int(is_default)),
            )
            new_id = inserted_id(cursor)
        added = self.get(new_id)
        assert added is not None
        return added

    def update(self, question_id: int, *, text: str, group: str) -> Question:
        self._conn.execute(
            "UPDATE questions SET text = ?, grp = ?, asks_for_job = ? WHERE id = ?",
            (text, group, int(asks_for_job(text)), question_id),
        )
        updated = self.get(question_id)
        if updated is None:
            raise KeyError(question_id)
        return updated

    def set_default(self, question_id: int, is_default: bool) -> None:
        self._conn.execute(
            "UPDATE questions SET is_default = ? WHERE id = ?", (int(is_default), question_id)
        )

    def delete(self, question_id: int) -> None:
        self._conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))

    def move(self, question_id: int, delta: int) -> None:
        """Move a question *delta* places up (negative) or down in the bank's order."""
        with self._database.transaction() as conn:
            ids = [r["id"] for r in conn.execute("SELECT id FROM questions ORDER BY position, id")]
            if question_id not in ids:
                return
            index = ids.index(question_id)
            target = max(0, min(len(ids) - 1, index + delta))
            ids.insert(target, ids.pop(index))
            conn.executemany(
                "UPDATE questions SET position = ? WHERE id = ?",
                [(position, qid) for position, qid in enumerate(ids)],
            )

    def groups(self) -> list[str]:
        """Every group in use, TIARA first."""
        from ..domain.questions import TIARA, group_order

        used = {r["grp"] for r in self._conn.execute("SELECT DISTINCT grp FROM questions")}
        return sorted(set(TIARA) | used, key=lambda g: (group_order(g), g.casefold()))
