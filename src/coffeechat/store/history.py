"""Reading the past: a contact's timeline, the referral network, the numbers for stats."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from .db import Database, record

if TYPE_CHECKING:
    from ..domain.referrals import Network, Person
    from ..domain.stats import CallOutcome, Letter
    from ..domain.timeline import Event

# The domain modules are imported by the methods that build their objects: the first
# paint of the contact list asks only for the last interaction.

_FOLLOWUP_KINDS = {
    "follow_up": "follow up",
    "second_person": "reach a second person",
    "thank_you": "thank-you note",
    "next_step": "next step",
    "call": "call",
}


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _said(kind: str, back_on: str, note: str) -> tuple[str, str]:
    """(timeline kind, text) of a reply or touch: "Replied: <subject>" for a reply
    noticed in the mail, "Replied: declined" for one typed in."""
    if kind == "touch":
        return "touch", note or "kept in touch"
    if kind == "out of office":
        return "away", f"until {back_on}: {note}" if note else f"until {back_on}"
    return "reply", note or kind


class History:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def timeline(self, contact_id: int) -> list[Event]:
        from ..domain.timeline import Event, in_order

        conn = self._conn
        events: list[Event] = []
        for letter in conn.execute(
            "SELECT id, template, subject, body, sent_at FROM drafts "
            "WHERE contact_id = ? AND sent_at != ''",
            (contact_id,),
        ):
            what = letter["template"].replace("_", " ")
            subject = letter["subject"]
            text = f"Sent {what}" + (f": {subject}" if subject else "")
            # The words as sent (one line, cut): the letter itself is kept whole.
            opening = " ".join(letter["body"].split())
            if opening:
                text += f" — “{opening[:80]}{'…' if len(opening) > 80 else ''}”"
            events.append(Event(letter["sent_at"], "letter", text, ref=f"letter:{letter['id']}"))
        interviews = conn.execute(
            "SELECT id, scheduled_at, started_at, ended_at, state, medium, length_minutes "
            "FROM interviews WHERE contact_id = ?",
            (contact_id,),
        ).fetchall()
        for call in interviews:
            scheduled, medium = call["scheduled_at"], call["medium"]
            if call["state"] == "planned":
                what = f"Planned {medium} call, {call['length_minutes']} min"
                events.append(Event(scheduled, "call", what))
                continue
            started = call["started_at"] or scheduled
            events.append(Event(started, "call", f"{medium.capitalize()} call started"))
            if call["ended_at"]:
                events.append(Event(call["ended_at"], "call", "Call ended"))
            for line in conn.execute(
                "SELECT minute, text, created_at FROM note_lines "
                "WHERE interview_id = ? ORDER BY id",
                (call["id"],),
            ):
                what = f"min {line['minute']}: {line['text']}"
                events.append(Event(line["created_at"], "note", what))
        for outcome in conn.execute(
            "SELECT o.kind, o.confidence, o.created_at, i.ended_at, "
            "(SELECT count(*) FROM referrals r WHERE r.outcome_id = o.id) AS referrals "
            "FROM outcomes o JOIN interviews i ON i.id = o.interview_id WHERE i.contact_id = ?",
            (contact_id,),
        ):
            referrals = outcome["referrals"]
            extra = f", {referrals} referral{'s' if referrals != 1 else ''}" if referrals else ""
            what = f"{outcome['kind']} (confidence {outcome['confidence']}/5{extra})"
            events.append(Event(outcome["ended_at"] or outcome["created_at"], "outcome", what))
        for followup in conn.execute(
            "SELECT kind, title, due_date, state, done_at FROM followups WHERE contact_id = ?",
            (contact_id,),
        ):
            kind = followup["kind"]
            label = followup["title"] or _FOLLOWUP_KINDS.get(kind, kind)
            # When it is due, not when it was written down: what the user planned by.
            events.append(Event(followup["due_date"], "follow-up", f"Due: {label}"))
            if followup["state"] == "done" and followup["done_at"]:
                events.append(Event(followup["done_at"], "follow-up", f"Done: {label}"))
        for said in conn.execute(
            "SELECT kind, day, back_on, note FROM interactions WHERE contact_id = ?",
            (contact_id,),
        ):
            what, text = _said(said["kind"], said["back_on"], said["note"])
            events.append(Event(said["day"], what, text))
        return in_order(events)

    def network(self) -> Network:
        """Everyone with a referral link (referred by someone, or referring someone)."""
        from ..domain.referrals import Network, Person

        rows = self._conn.execute(
            "SELECT id, name, referred_by FROM contacts WHERE referred_by IS NOT NULL "
            "OR id IN (SELECT referred_by FROM contacts WHERE referred_by IS NOT NULL)"
        )
        return Network(record(Person, row) for row in rows)

    def person(self, contact_id: int) -> Person | None:
        from ..domain.referrals import Person

        row = self._conn.execute(
            "SELECT id, name, referred_by FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        return record(Person, row) if row else None

    def last_interaction(self, contact_id: int) -> tuple[str, str]:
        """(ISO day, what) of the latest letter, call, reply or touch; ("", "") if none.

        Letters and calls carry their time and follow it; a reply or a touch is logged by
        its day only, after the letter or call that day (a touch, then a reply). The
        contact's "replied on" day, which a call agreed or held also sets, only counts
        where nothing else that day does."""
        row = self._conn.execute(
            "SELECT day, what FROM ("
            "  SELECT substr(sent_at, 1, 10) AS day, 'letter' AS what, 0 AS rank, "
            "  sent_at AS moment FROM drafts WHERE contact_id = ?1 AND sent_at != '' "
            "  UNION ALL SELECT substr(coalesce(nullif(started_at, ''), ended_at), 1, 10), "
            "  'call', 0, coalesce(nullif(started_at, ''), ended_at) FROM interviews "
            "  WHERE contact_id = ?1 AND ended_at != '' "
            "  UNION ALL SELECT replied_on, 'reply', -1, '' FROM contacts "
            "  WHERE id = ?1 AND replied_on != '' "
            "  UNION ALL SELECT day, CASE kind WHEN 'touch' THEN 'touch' ELSE 'reply' END, "
            "  CASE kind WHEN 'touch' THEN 3 ELSE 2 END, '' "
            "  FROM interactions WHERE contact_id = ?1 AND kind != 'out of office'"
            ") ORDER BY day DESC, rank DESC, moment DESC LIMIT 1",
            (contact_id,),
        ).fetchone()
        return (row["day"], row["what"]) if row else ("", "")

    def latest_referred_call(self, referrer_id: int) -> str:
        """The name of the person *referrer_id* led to whom you talked to most recently."""
        row = self._conn.execute(
            "SELECT c.name FROM interviews i JOIN contacts c ON c.id = i.contact_id "
            "WHERE c.referred_by = ? AND i.state = 'held' ORDER BY i.ended_at DESC LIMIT 1",
            (referrer_id,),
        ).fetchone()
        return row["name"] if row else ""

    def letters(self) -> list[Letter]:
        """The first intro letter sent to each contact, with the reply date if recorded."""
        from ..domain.stats import Letter

        rows = self._conn.execute(
            # A call agreed or held is an answer, even where no reply was recorded.
            "SELECT c.id, c.name, min(d.sent_at) AS sent_at, coalesce(nullif(c.replied_on, ''), "
            "  (SELECT min(substr(coalesce(nullif(v.started_at, ''), v.scheduled_at), 1, 10)) "
            "   FROM interviews v WHERE v.contact_id = c.id), '') AS replied_on, c.how_found, "
            "  c.purpose, "
            "  (SELECT kind FROM interactions i WHERE i.contact_id = c.id "
            "   AND i.kind != 'touch' ORDER BY i.day DESC, i.id DESC LIMIT 1) AS reply_kind, "
            "  (SELECT max(back_on) FROM interactions i WHERE i.contact_id = c.id "
            "   AND i.kind = 'out of office') AS back_on "
            "FROM drafts d JOIN contacts c ON c.id = d.contact_id "
            "WHERE d.template = 'intro_letter' AND d.sent_at != '' GROUP BY c.id"
        )
        letters = []
        for row in rows:
            sent = _day(row["sent_at"])
            if sent is not None:
                letters.append(
                    Letter(
                        row["id"],
                        row["name"],
                        sent,
                        _day(row["replied_on"]),
                        reply_kind=row["reply_kind"] or "",
                        back_on=_day(row["back_on"] or ""),
                        how_found=row["how_found"],
                        purpose=row["purpose"],
                    )
                )
        return letters

    def calls(self) -> list[CallOutcome]:
        from ..domain.stats import CallOutcome
        from ..models import OutcomeKind, known_value

        rows = self._conn.execute(
            "SELECT i.ended_at, i.started_at, o.kind, o.confidence, "
            "(SELECT count(*) FROM referrals r WHERE r.outcome_id = o.id) AS referrals "
            "FROM interviews i LEFT JOIN outcomes o ON o.interview_id = i.id "
            "WHERE i.state = 'held' ORDER BY i.ended_at, i.id"
        )
        calls = []
        for row in rows:
            # Interview.happened_at: a held call is dated by its real start.
            day = _day(row["started_at"]) or _day(row["ended_at"])
            if day is None:
                continue
            outcome_kind = known_value(OutcomeKind, row["kind"])
            calls.append(CallOutcome(day, outcome_kind, row["confidence"], row["referrals"] or 0))
        return calls
