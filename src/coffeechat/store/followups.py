"""Follow-ups and the agenda's queries (what is due, calls ahead, thank-yous owed)."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from ..domain.pipeline import Pending, call_title, inactive_statuses, thanked_statuses
from ..models_activity import FollowUp
from .db import Database, inserted_id


def _placeholders(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))


_FIELDS = (
    "id",
    "contact_id",
    "kind",
    "title",
    "due_date",
    "state",
    "done_at",
    "draft_id",
    "outcome_id",
)
_COLUMNS = ", ".join(f"f.{field}" for field in _FIELDS)


def _followup(row: sqlite3.Row) -> FollowUp:
    """The follow-up of *row*, whose other columns (a joined contact's) are left aside."""
    return FollowUp(**{field: row[field] for field in _FIELDS})


_REACH = "CASE WHEN c.phone != '' THEN c.phone ELSE c.email END"
"""How to reach the contact from an agenda line: the phone number, else the email."""


class AgendaFollowUp(NamedTuple):
    followup: FollowUp
    contact_name: str
    organization: str
    reach: str = ""


class ScheduledCall(NamedTuple):
    interview_id: int
    contact_id: int
    contact_name: str
    scheduled_at: str
    medium: str
    length_minutes: int
    time_zone: str = ""
    reach: str = ""


class HeldCall(NamedTuple):
    interview_id: int
    contact_id: int
    contact_name: str
    ended_at: str
    reach: str = ""


class FollowUps:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def add(self, followup: FollowUp) -> FollowUp:
        cursor = self._conn.execute(
            "INSERT INTO followups(contact_id, kind, title, due_date, state, done_at, "
            "draft_id, outcome_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                followup.contact_id,
                followup.kind,
                followup.title,
                followup.due_date,
                followup.state,
                followup.done_at,
                followup.draft_id,
                followup.outcome_id,
            ),
        )
        new_id = inserted_id(cursor)
        added = self.get(new_id)
        assert added is not None
        return added

    def get(self, followup_id: int) -> FollowUp | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM followups f WHERE f.id = ?", (followup_id,)
        ).fetchone()
        return _followup(row) if row else None

    def for_contact(self, contact_id: int, *, open_only: bool = False) -> list[FollowUp]:
        where = " AND f.state = 'open'" if open_only else ""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM followups f WHERE f.contact_id = ?{where} "
            "ORDER BY f.due_date, f.id",
            (contact_id,),
        )
        return [_followup(r) for r in rows]

    def reschedule(self, followup_id: int, due_date: str) -> None:
        """Move to *due_date* (snoozing is rescheduling to a later day); reopens it."""
        self._conn.execute(
            "UPDATE followups SET due_date = ?, state = 'open', done_at = '' WHERE id = ?",
            (due_date, followup_id),
        )

    def retitle(self, followup_id: int, title: str) -> None:
        self._conn.execute("UPDATE followups SET title = ? WHERE id = ?", (title, followup_id))

    def done(self, followup_id: int, done_at: str) -> None:
        self._conn.execute(
            "UPDATE followups SET state = 'done', done_at = ? WHERE id = ?",
            (done_at, followup_id),
        )

    def reopen(self, followup_id: int) -> None:
        self._conn.execute(
            "UPDATE followups SET state = 'open', done_at = '' WHERE id = ?", (followup_id,)
        )

    def close_kinds(self, contact_id: int, kinds: frozenset[str], done_at: str) -> int:
        """Mark the contact's open follow-ups of *kinds* done; returns how many.

        A check-in about an introduction someone promised (sent with a referral request)
        is about a third person, so no event of this contact's own closes it.
        """
        if not kinds:
            return 0
        ordered = tuple(sorted(kinds))
        return self._conn.execute(
            "UPDATE followups SET state = 'done', done_at = ? "
            f"WHERE contact_id = ? AND state = 'open' AND kind IN ({_placeholders(ordered)}) "
            "AND (draft_id IS NULL OR draft_id NOT IN "
            "     (SELECT id FROM drafts WHERE template = 'referral_request'))",
            (done_at, contact_id, *ordered),
        ).rowcount

    def set_keep_in_touch(self, contact_id: int, due: str | None, title: str = "") -> None:
        """Keep exactly one open keep-in-touch follow-up for the contact, due on *due*
        (None: none at all). Done ones stay as history."""
        rows = self._conn.execute(
            "SELECT id, due_date, title FROM followups WHERE contact_id = ? "
            "AND kind = 'keep_in_touch' AND state = 'open' ORDER BY id",
            (contact_id,),
        ).fetchall()
        if due is None:
            for row in rows:
                self._conn.execute("DELETE FROM followups WHERE id = ?", (row["id"],))
            return
        if len(rows) == 1 and (rows[0]["due_date"], rows[0]["title"]) == (due, title):
            return
        for row in rows:
            self._conn.execute("DELETE FROM followups WHERE id = ?", (row["id"],))
        self._conn.execute(
            "INSERT INTO followups(contact_id, kind, title, due_date) "
            "VALUES (?, 'keep_in_touch', ?, ?)",
            (contact_id, title, due),
        )

    def pending_for(self, contact_id: int) -> list[Pending]:
        """What is open for the contact: follow-ups and planned calls, soonest first."""
        followups = self._conn.execute(
            "SELECT title, due_date FROM followups WHERE contact_id = ? AND state = 'open'",
            (contact_id,),
        )
        pending = [Pending(row["title"], row["due_date"]) for row in followups]
        calls = self._conn.execute(
            "SELECT medium, length_minutes, scheduled_at FROM interviews "
            "WHERE contact_id = ? AND state = 'planned'",
            (contact_id,),
        )
        pending += [
            Pending(call_title(row["medium"], row["length_minutes"]), row["scheduled_at"][:10])
            for row in calls
        ]
        return sorted(pending, key=lambda p: p.due)

    def open_until(self, last_day: str) -> list[AgendaFollowUp]:
        """Every open follow-up due on or before *last_day* (overdue ones included), of
        contacts still in the active pipeline."""
        inactive = inactive_statuses()
        rows = self._conn.execute(
            f"SELECT {_COLUMNS}, c.name AS contact_name, ifnull(o.name, '') AS organization, "
            f"{_REACH} AS reach FROM followups f "
            "JOIN contacts c ON c.id = f.contact_id "
            "LEFT JOIN organizations o ON o.id = c.organization_id "
            "WHERE f.state = 'open' AND f.due_date <= ? AND c.archived = 0 "
            f"AND c.status NOT IN ({_placeholders(inactive)}) "
            "ORDER BY f.due_date, c.sort_name, f.id",
            (last_day, *inactive),
        )
        return [
            AgendaFollowUp(_followup(r), r["contact_name"], r["organization"], r["reach"])
            for r in rows
        ]

    def scheduled_calls(self, after: str) -> list[ScheduledCall]:
        """Planned interviews with a time at or after *after* (ISO datetime), soonest first."""
        inactive = inactive_statuses()
        rows = self._conn.execute(
            "SELECT i.id AS interview_id, i.contact_id, c.name AS contact_name, i.scheduled_at, "
            f"i.medium, i.length_minutes, c.time_zone, {_REACH} AS reach "
            "FROM interviews i JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.state = 'planned' AND i.scheduled_at != '' AND i.scheduled_at >= ? "
            f"AND c.archived = 0 AND c.status NOT IN ({_placeholders(inactive)}) "
            "ORDER BY i.scheduled_at",
            (after, *inactive),
        )
        return [ScheduledCall(**r) for r in rows]

    def thank_yous_owed(self) -> list[HeldCall]:
        """Held calls with no thank-you note sent since, and no open thank-you follow-up.

        (An open ``thank_you`` follow-up already shows on the agenda on its own.)
        """
        settled = thanked_statuses() + inactive_statuses()
        rows = self._conn.execute(
            "SELECT i.id AS interview_id, i.contact_id, c.name AS contact_name, i.ended_at, "
            f"{_REACH} AS reach "
            "FROM interviews i JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.state = 'held' AND i.ended_at != '' AND c.archived = 0 "
            f"AND c.status NOT IN ({_placeholders(settled)}) "
            "AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = i.contact_id "
            "  AND d.template = 'thank_you' AND d.sent_at != '' AND d.sent_at >= i.ended_at) "
            "AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.contact_id = i.contact_id "
            "  AND f.kind = 'thank_you') "
            "ORDER BY i.ended_at",
            settled,
        )
        return [HeldCall(**r) for r in rows]

    def last_call_date(self, contact_id: int) -> str:
        """The day of the latest call held with (or else planned with) the contact."""
        row = self._conn.execute(
            # Interview.happened_at: a call that started is dated by its real start.
            "SELECT CASE WHEN state != 'planned' THEN coalesce(nullif(started_at, ''), "
            "nullif(ended_at, ''), scheduled_at) ELSE scheduled_at END AS day "
            "FROM interviews WHERE contact_id = ? AND day != '' "
            "ORDER BY state = 'held' DESC, day DESC LIMIT 1",
            (contact_id,),
        ).fetchone()
        return row["day"][:10] if row else ""
