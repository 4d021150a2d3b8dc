"""Interviews, their checklists and their note logs: what a live call writes.

Every method that the call screen runs on a keystroke is one autocommitted
statement or one transaction, so it is on disk before the next key is handled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from ..models import Medium, known_value
from .db import Database, inserted_id, record

if TYPE_CHECKING:
    from ..models_activity import ChecklistItem, Interview, NoteLine, Question

# The records are imported where they are built: the contact list's first paint asks
# only which calls are in progress, and creating them is a good part of the start-up.

_INTERVIEW = (
    "SELECT id, contact_id, scheduled_at, medium, length_minutes, state, started_at, "
    "ended_at, elapsed_seconds, running_since, draft_note FROM interviews"
)
_ITEM = (
    "SELECT id, interview_id, text, position, asked, answer, question_id, asked_at "
    "FROM checklist_items"
)
_NOTE = "SELECT id, interview_id, text, minute, checklist_item_id, created_at FROM note_lines"


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _interview(row: sqlite3.Row) -> Interview:
    from ..models_activity import Interview

    return record(Interview, row, medium=known_value(Medium, row["medium"]) or Medium.PHONE)


def _item(row: sqlite3.Row) -> ChecklistItem:
    from ..models_activity import ChecklistItem

    return record(ChecklistItem, row, asked=bool(row["asked"]))


def _note(row: sqlite3.Row) -> NoteLine:
    from ..models_activity import NoteLine

    return record(NoteLine, row)


class Interviews:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    # --- interviews ---------------------------------------------------------------------

    def create(
        self,
        contact_id: int,
        *,
        scheduled_at: str = "",
        medium: Medium = Medium.PHONE,
        length_minutes: int = 30,
        questions: Iterable[Question] = (),
    ) -> Interview:
        """A planned interview with its checklist picked from *questions*, in order."""
        with self._database.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO interviews(contact_id, scheduled_at, medium, length_minutes) "
                "VALUES (?, ?, ?, ?)",
                (contact_id, scheduled_at, str(medium), length_minutes),
            )
            new_id = inserted_id(cursor)
            self._insert_items(conn, new_id, questions)
        created = self.get(new_id)
        assert created is not None
        return created

    def update_plan(
        self, interview_id: int, *, scheduled_at: str, medium: Medium, length_minutes: int
    ) -> None:
        self._conn.execute(
            "UPDATE interviews SET scheduled_at = ?, medium = ?, length_minutes = ? WHERE id = ?",
            (scheduled_at, str(medium), length_minutes, interview_id),
        )

    def get(self, interview_id: int) -> Interview | None:
        row = self._conn.execute(_INTERVIEW + " WHERE id = ?", (interview_id,)).fetchone()
        return _interview(row) if row else None

    def _existing(self, interview_id: int) -> Interview:
        """The interview just written; KeyError if *interview_id* names none."""
        interview = self.get(interview_id)
        if interview is None:
            raise KeyError(interview_id)
        return interview

    def for_contact(self, contact_id: int) -> list[Interview]:
        rows = self._conn.execute(_INTERVIEW + " WHERE contact_id = ? ORDER BY id", (contact_id,))
        return [_interview(r) for r in rows]

    def open_for(self, contact_id: int) -> Interview | None:
        """The call to pick up for a contact: one in progress, else the latest planned."""
        row = self._conn.execute(
            _INTERVIEW + " WHERE contact_id = ? AND state != 'held' "
            "ORDER BY state = 'in progress' DESC, id DESC LIMIT 1",
            (contact_id,),
        ).fetchone()
        return _interview(row) if row else None

    def calls_in_progress(self) -> dict[int, str]:
        """Contacts with a call started and not ended (running, paused, left or cut off
        by a crash): contact id → name."""
        rows = self._conn.execute(
            "SELECT c.id, c.name FROM interviews i JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.state = 'in progress' ORDER BY i.id"
        )
        return {row["id"]: row["name"] for row in rows}

    def delete(self, interview_id: int) -> None:
        self._conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))

    # --- the call -----------------------------------------------------------------------

    def start(self, interview_id: int, now: datetime, defaults: Iterable[Question]) -> Interview:
        """Begin (or pick up) the call: timer running, checklist filled from *defaults*
        when none was prepared."""
        with self._database.transaction() as conn:
            state = conn.execute(
                "SELECT state FROM interviews WHERE id = ?", (interview_id,)
            ).fetchone()
            if state is None:
                raise KeyError(interview_id)
            if state["state"] == "planned":
                conn.execute(
                    "UPDATE interviews SET state = 'in progress', started_at = ?, "
                    "running_since = ?, elapsed_seconds = 0 WHERE id = ?",
                    (_stamp(now), now.isoformat(), interview_id),
                )
            has_items = conn.execute(
                "SELECT 1 FROM checklist_items WHERE interview_id = ? LIMIT 1", (interview_id,)
            ).fetchone()
            if not has_items:
                self._insert_items(conn, interview_id, defaults)
        started = self.get(interview_id)
        assert started is not None
        return started

    def pause(self, interview_id: int, now: datetime) -> Interview:
        from ..domain.call import elapsed  # with the call screen, not the first paint

        with self._database.transaction():
            current = self.get(interview_id)
            if current is None:
                raise KeyError(interview_id)
            if current.running_since:
                banked = elapsed(current.elapsed_seconds, current.running_since, now)
                self._conn.execute(
                    "UPDATE interviews SET elapsed_seconds = ?, running_since = '' WHERE id = ?",
                    (banked, interview_id),
                )
        return self._existing(interview_id)

    def resume(self, interview_id: int, now: datetime) -> Interview:
        self._conn.execute(
            "UPDATE interviews SET running_since = ? WHERE id = ? AND running_since = ''",
            (now.isoformat(), interview_id),
        )
        return self._existing(interview_id)

    def end(self, interview_id: int, now: datetime) -> Interview:
        """Stop the timer and mark the call held (its notes and checklist stay)."""
        with self._database.transaction():
            self.pause(interview_id, now)
            self._conn.execute(
                "UPDATE interviews SET state = 'held', ended_at = ? WHERE id = ?",
                (_stamp(now), interview_id),
            )
        return self._existing(interview_id)

    def prepared(self, interview_id: int) -> str:
        """The preparation steps done before the call (keys, comma separated)."""
        row = self._conn.execute(
            "SELECT prepared FROM interviews WHERE id = ?", (interview_id,)
        ).fetchone()
        return row["prepared"] if row else ""

    def set_prepared(self, interview_id: int, keys: str) -> None:
        self._conn.execute("UPDATE interviews SET prepared = ? WHERE id = ?", (keys, interview_id))

    def save_draft(self, interview_id: int, text: str) -> None:
        self._conn.execute(
            "UPDATE interviews SET draft_note = ? WHERE id = ?", (text, interview_id)
        )

    # --- checklist ----------------------------------------------------------------------

    @staticmethod
    def _insert_items(
        conn: sqlite3.Connection, interview_id: int, questions: Iterable[Question]
    ) -> None:
        start = conn.execute(
            "SELECT ifnull(max(position), -1) + 1 AS next FROM checklist_items "
            "WHERE interview_id = ?",
            (interview_id,),
        ).fetchone()["next"]
        conn.executemany(
            "INSERT INTO checklist_items(interview_id, question_id, text, position) "
            "VALUES (?, ?, ?, ?)",
            [(interview_id, q.id, q.text, start + i) for i, q in enumerate(questions)],
        )

    def checklist(self, interview_id: int) -> list[ChecklistItem]:
        rows = self._conn.execute(
            _ITEM + " WHERE interview_id = ? ORDER BY position, id", (interview_id,)
        )
        return [_item(r) for r in rows]

    def set_checklist(self, interview_id: int, questions: Iterable[Question]) -> None:
        """Replace the checklist of a planned interview with *questions*, in order."""
        with self._database.transaction() as conn:
            conn.execute("DELETE FROM checklist_items WHERE interview_id = ?", (interview_id,))
            self._insert_items(conn, interview_id, questions)

    def move_item(self, item_id: int, delta: int) -> None:
        with self._database.transaction() as conn:
            row = conn.execute(
                "SELECT interview_id FROM checklist_items WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return
            ids = [
                r["id"]
                for r in conn.execute(
                    "SELECT id FROM checklist_items WHERE interview_id = ? ORDER BY position, id",
                    (row["interview_id"],),
                )
            ]
            index = ids.index(item_id)
            ids.insert(max(0, min(len(ids) - 1, index + delta)), ids.pop(index))
            conn.executemany(
                "UPDATE checklist_items SET position = ? WHERE id = ?",
                [(position, iid) for position, iid in enumerate(ids)],
            )

    def set_asked(self, item_id: int, asked: bool, now: datetime) -> None:
        self._conn.execute(
            "UPDATE checklist_items SET asked = ?, asked_at = ? WHERE id = ?",
            (int(asked), _stamp(now) if asked else "", item_id),
        )

    def set_answer(self, item_id: int, answer: str) -> None:
        self._conn.execute("UPDATE checklist_items SET answer = ? WHERE id = ?", (answer, item_id))

    # --- note log -----------------------------------------------------------------------

    def add_note(
        self,
        interview_id: int,
        text: str,
        *,
        minute: int,
        checklist_item_id: int | None,
        now: datetime,
    ) -> NoteLine:
        """Commit a note line and clear the saved draft, in one transaction (a crash
        in between can neither lose the line nor leave it twice)."""
        from ..models_activity import NoteLine

        with self._database.transaction() as conn:
            new_id = conn.execute(
                "INSERT INTO note_lines(interview_id, checklist_item_id, minute, text, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (interview_id, checklist_item_id, minute, text, _stamp(now)),
            ).lastrowid
            conn.execute("UPDATE interviews SET draft_note = '' WHERE id = ?", (interview_id,))
        return NoteLine(
            id=new_id,
            interview_id=interview_id,
            text=text,
            minute=minute,
            checklist_item_id=checklist_item_id,
            created_at=_stamp(now),
        )

    def notes(self, interview_id: int) -> list[NoteLine]:
        rows = self._conn.execute(_NOTE + " WHERE interview_id = ? ORDER BY id", (interview_id,))
        return [_note(r) for r in rows]

    # --- what the call screen shows a key away -----------------------------------------
