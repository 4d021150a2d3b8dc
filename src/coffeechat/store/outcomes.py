"""Interview outcomes: what was learned, next steps and the referrals it led to.

Saving is one transaction: the outcome, its referral rows, the contacts they become
(or link to), the thank-you owed and every dated next step. (What it does to the
contact's status is the pipeline's business: ``usecases.outcomes.save_outcome``.)
Saving again edits the same records: no second contact, referral or follow-up.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from ..domain.identity import new_uid
from ..domain.names import sort_key
from ..domain.outcome import (
    THANK_YOU_TITLE,
    next_step_title,
    thank_you_due,
    unique_referrals,
)
from ..models import OutcomeKind, Status, known_value
from ..models_activity import NextStep, Outcome, Referral
from .contacts import Contacts
from .db import Database, inserted_id, record
from .organizations import Organizations

_OUTCOME = (
    "SELECT id, interview_id, kind, learned, skills, advice, resources, assignments, "
    "confidence, created_at, went_well, do_differently FROM outcomes"
)
_REFERRAL = (
    "SELECT id, name, title, organization, email, url, how_to_reach, contact_id, "
    "introduction FROM referrals WHERE outcome_id = ? ORDER BY id"
)


class Saved(NamedTuple):
    outcome: Outcome
    created: list[int]
    """Contacts added for referrals that matched nobody."""
    linked: list[int]
    """Existing contacts a referral matched (by email, URL, or name + organization)."""


class Reflection(NamedTuple):
    """How a past call went, in the user's words."""

    contact_name: str
    day: str
    went_well: str
    do_differently: str


def _kind(value: str) -> OutcomeKind:
    return known_value(OutcomeKind, value) or OutcomeKind.NO_REFERRAL


class Outcomes:
    def __init__(
        self, database: Database, contacts: Contacts, organizations: Organizations
    ) -> None:
        self._database = database
        self._contacts = contacts
        self._organizations = organizations

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    # --- reading ------------------------------------------------------------------------

    def _load(self, row: sqlite3.Row) -> Outcome:
        referrals = tuple(record(Referral, r) for r in self._conn.execute(_REFERRAL, (row["id"],)))
        steps = tuple(
            NextStep(text=step["title"].removeprefix("Next step: "), due_date=step["due_date"])
            for step in self._conn.execute(
                "SELECT title, due_date FROM followups WHERE outcome_id = ? "
                "AND kind = 'next_step' ORDER BY due_date, id",
                (row["id"],),
            )
        )
        return record(Outcome, row, kind=_kind(row["kind"]), referrals=referrals, next_steps=steps)

    def last_reflection(self) -> Reflection | None:
        """The latest call whose outcome says how it went: for the next brief."""
        row = self._conn.execute(
            "SELECT c.name AS contact_name, "
            "substr(coalesce(nullif(i.started_at, ''), nullif(i.ended_at, ''), o.created_at), "
            "1, 10) AS day, "
            "o.went_well, o.do_differently FROM outcomes o "
            "JOIN interviews i ON i.id = o.interview_id "
            "JOIN contacts c ON c.id = i.contact_id "
            "WHERE o.went_well != '' OR o.do_differently != '' "
            "ORDER BY coalesce(nullif(i.ended_at, ''), o.created_at) DESC, o.id DESC LIMIT 1"
        ).fetchone()
        return Reflection(**row) if row else None

    def for_interview(self, interview_id: int) -> Outcome | None:
        row = self._conn.execute(_OUTCOME + " WHERE interview_id = ?", (interview_id,)).fetchone()
        return self._load(row) if row else None

    def may_name_referrer(self, referred_id: int) -> bool:
        """Whether the letter to *referred_id* may say who suggested them: only when the
        referrer said yes to "May I use your name?" or introduces you themselves (not
        asked is not yes). A referrer typed in the contact's form, with no referral
        behind it, is the user's own word."""
        row = self._conn.execute(
            "SELECT introduction FROM referrals WHERE contact_id = ? ORDER BY id DESC LIMIT 1",
            (referred_id,),
        ).fetchone()
        return row is None or row["introduction"] in ("use name", "by referrer")

    def for_contact(self, contact_id: int) -> list[Outcome]:
        rows = self._conn.execute(
            _OUTCOME + " WHERE interview_id IN (SELECT id FROM interviews WHERE contact_id = ?) "
            "ORDER BY created_at, id",
            (contact_id,),
        ).fetchall()
        return [self._load(row) for row in rows]

    # --- saving -------------------------------------------------------------------------

    def save(self, outcome: Outcome, *, today: date) -> Saved:
        """Record (or edit) the outcome of ``outcome.interview_id``; see the module doc."""
        interview = self._conn.execute(
            "SELECT contact_id, ended_at FROM interviews WHERE id = ?", (outcome.interview_id,)
        ).fetchone()
        if interview is None:
            raise KeyError(outcome.interview_id)
        contact_id, ended_at = interview["contact_id"], interview["ended_at"]
        created: list[int] = []
        linked: list[int] = []
        with self._database.transaction() as conn:
            outcome_id = self._upsert(conn, outcome)
            conn.execute("DELETE FROM referrals WHERE outcome_id = ?", (outcome_id,))
            for referral in unique_referrals(outcome.referrals):
                target, is_new = self._contact_for(conn, referral, contact_id)
                (created if is_new else linked).append(target)
                conn.execute(
                    "INSERT INTO referrals(outcome_id, name, title, organization, email, url, "
                    "how_to_reach, contact_id, introduction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        outcome_id,
                        referral.name,
                        referral.title,
                        referral.organization,
                        referral.email,
                        referral.url,
                        referral.how_to_reach,
                        target,
                        referral.introduction,
                    ),
                )
            self._thank_you(conn, outcome_id, contact_id, ended_at, today)
            self._next_steps(conn, outcome_id, contact_id, outcome.next_steps)
        saved = self.for_interview(outcome.interview_id)
        assert saved is not None
        return Saved(saved, created, linked)

    def _upsert(self, conn: sqlite3.Connection, outcome: Outcome) -> int:
        values = (
            str(outcome.kind),
            outcome.learned,
            outcome.skills,
            outcome.advice,
            outcome.resources,
            outcome.assignments,
            outcome.confidence,
            outcome.went_well,
            outcome.do_differently,
        )
        row = conn.execute(
            "SELECT id FROM outcomes WHERE interview_id = ?", (outcome.interview_id,)
        ).fetchone()
        if row:
            conn.execute(
                "UPDATE outcomes SET kind = ?, learned = ?, skills = ?, advice = ?, "
                "resources = ?, assignments = ?, confidence = ?, went_well = ?, "
                "do_differently = ? WHERE id = ?",
                (*values, row["id"]),
            )
            return row["id"]
        cursor = conn.execute(
            "INSERT INTO outcomes(kind, learned, skills, advice, resources, assignments, "
            "confidence, went_well, do_differently, interview_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, outcome.interview_id),
        )
        return inserted_id(cursor)

    def _contact_for(
        self,
        conn: sqlite3.Connection,
        referral: Referral,
        referrer_id: int,
    ) -> tuple[int, bool]:
        """The contact a referral row stands for, and whether it was just created."""
        known = referral.contact_id
        if (
            known is not None
            and conn.execute("SELECT 1 FROM contacts WHERE id = ?", (known,)).fetchone()
        ):
            return known, False
        match = self._contacts.find_match(
            email=referral.email,
            url=referral.url,
            name=referral.name,
            organization=referral.organization,
        )
        if match is not None:
            if match != referrer_id and not self._is_ancestor(conn, match, referrer_id):
                # Someone already known, now also reached through this call.
                conn.execute(
                    "UPDATE contacts SET referred_by = ? WHERE id = ? AND referred_by IS NULL",
                    (referrer_id, match),
                )
            return match, False
        cursor = conn.execute(
            "INSERT INTO contacts(uid, name, sort_name, title, organization_id, email, url, "
            "how_found, referred_by, status, next_action) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'referral', ?, ?, ?)",
            (
                new_uid(),
                referral.name,
                sort_key(referral.name),
                referral.title,
                self._organizations.id_for(referral.organization),
                referral.email,
                referral.url,
                referrer_id,
                str(Status.TO_CONTACT),
                "Write an intro letter (referral)",
            ),
        )
        new_id = inserted_id(cursor)
        if referral.how_to_reach:
            conn.execute(
                "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, ?)",
                (new_id, f"How to reach them: {referral.how_to_reach}\n"),
            )
        return new_id, True

    @staticmethod
    def _is_ancestor(conn: sqlite3.Connection, candidate: int, contact_id: int) -> bool:
        """Whether *candidate* is up *contact_id*'s referral chain (which may loop)."""
        seen: set[int] = set()
        current: int | None = contact_id
        while current is not None and current not in seen:
            if current == candidate:
                return True
            seen.add(current)
            row = conn.execute("SELECT referred_by FROM contacts WHERE id = ?", (current,))
            found = row.fetchone()
            current = found["referred_by"] if found else None
        return False

    def _thank_you(
        self,
        conn: sqlite3.Connection,
        outcome_id: int,
        contact_id: int,
        ended_at: str,
        today: date,
    ) -> None:
        """One thank-you per call: the one ending the call put on the agenda becomes this
        outcome's; else one is added, already done when a thank-you went out after the call."""
        if conn.execute(
            "SELECT 1 FROM followups WHERE outcome_id = ? AND kind = 'thank_you'", (outcome_id,)
        ).fetchone():
            return
        due = thank_you_due(ended_at, today)
        if conn.execute(
            "UPDATE followups SET outcome_id = ? WHERE contact_id = ? AND kind = 'thank_you' "
            "AND outcome_id IS NULL AND due_date = ?",
            (outcome_id, contact_id, due),
        ).rowcount:
            return
        sent = conn.execute(
            "SELECT min(sent_at) AS sent_at FROM drafts WHERE contact_id = ? "
            "AND template = 'thank_you' AND sent_at != '' AND sent_at >= ?",
            (contact_id, ended_at),
        ).fetchone()["sent_at"]
        conn.execute(
            "INSERT INTO followups(contact_id, kind, title, due_date, state, done_at, outcome_id) "
            "VALUES (?, 'thank_you', ?, ?, ?, ?, ?)",
            (
                contact_id,
                THANK_YOU_TITLE,
                due,
                "done" if sent else "open",
                sent or "",
                outcome_id,
            ),
        )

    def _next_steps(
        self,
        conn: sqlite3.Connection,
        outcome_id: int,
        contact_id: int,
        steps: tuple[NextStep, ...],
    ) -> None:
        """Keep the follow-ups of unchanged steps (and their done state), add new ones,
        drop open ones the user removed."""
        wanted: dict[tuple[str, str], None] = {}
        for step in steps:
            if step.text.strip() and step.due_date:
                wanted[(next_step_title(step), step.due_date)] = None
        existing = conn.execute(
            "SELECT id, title, due_date, state FROM followups "
            "WHERE outcome_id = ? AND kind = 'next_step'",
            (outcome_id,),
        ).fetchall()
        for followup in existing:
            if (followup["title"], followup["due_date"]) in wanted:
                wanted.pop((followup["title"], followup["due_date"]))
            elif followup["state"] == "open":
                conn.execute("DELETE FROM followups WHERE id = ?", (followup["id"],))
        for title, due in wanted:
            conn.execute(
                "INSERT INTO followups(contact_id, kind, title, due_date, outcome_id) "
                "VALUES (?, 'next_step', ?, ?, ?)",
                (contact_id, title, due, outcome_id),
            )
