"""Merging two contacts into one, in one transaction.

Everything about the other contact moves to the one kept: notes, articles, drafts,
follow-ups, interviews (with their outcomes), referrals, and the contacts it referred.
Fields the kept contact lacks are filled from the other; where both have a value and
they differ, the other's value is kept in the research note, and its email and profile
URL stay identifiers of the kept contact, so a re-import of either record finds it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..domain.identity import email_key, url_key
from ..models import PIPELINE, Contact, Status
from .contacts import Contacts
from .db import Database
from .duplicates import ordered

_FILLED = (
    ("title", "title"),
    ("organization", "organization"),
    ("email", "email"),
    ("phone", "phone"),
    ("url", "profile URL"),
    ("how_found", "how found"),
    ("purpose", "purpose"),
    ("next_action", "next action"),
    ("next_action_date", "next action date"),
    ("connected_on", "connected on"),
    ("replied_on", "replied on"),
)
# Tables whose link to a contact needs more than re-pointing; handled one by one.
_SPECIAL = {"notes", "contact_identifiers", "contact_pairs"}
_NOTE_KINDS = ("research", "self_assessment")


class MergeError(ValueError):
    """The two contacts cannot be merged (the same one, or one is gone)."""


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What a merge of *other* into *keep* does, for the question asked before it."""

    keep: Contact
    other: Contact
    moves: dict[str, int] = field(default_factory=dict)
    """Records that move, by plain name ("notes", "interviews", ...); zero counts left out."""
    filled: tuple[str, ...] = ()
    """Fields of the kept contact filled from the other."""

    def describe(self) -> str:
        moving = ", ".join(
            f"{n} {what if n != 1 else _SINGULAR[what]}" for what, n in self.moves.items()
        )
        text = f"Merge {self.other.name} into {self.keep.name}"
        text += f": moves {moving}." if moving else ": nothing else to move."
        if self.filled:
            text += " Fills " + ", ".join(self.filled) + "."
        return text + f" {self.other.name} is then removed; this cannot be undone."


_SINGULAR = {
    "notes": "note",
    "articles": "article",
    "drafts": "draft",
    "follow-ups": "follow-up",
    "interviews": "interview",
    "outcomes": "outcome",
    "referrals": "referral",
}


def _count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    """The number *sql* (a query of one value) counts."""
    return conn.execute(f"SELECT ({sql}) AS n", args).fetchone()["n"]


def plan_merge(database: Database, contacts: Contacts, keep_id: int, other_id: int) -> MergePlan:
    if keep_id == other_id:
        raise MergeError("a contact cannot be merged with itself")
    keep, other = contacts.get(keep_id), contacts.get(other_id)
    if keep is None or other is None:
        raise MergeError("one of the two contacts no longer exists")
    conn = database.conn
    moves = {
        "notes": _count(
            conn,
            "SELECT count(*) FROM notes WHERE contact_id = ? AND body != ''",
            other_id,
        ),
        "articles": _count(conn, "SELECT count(*) FROM articles WHERE contact_id = ?", other_id),
        "drafts": _count(conn, "SELECT count(*) FROM drafts WHERE contact_id = ?", other_id),
        "follow-ups": _count(conn, "SELECT count(*) FROM followups WHERE contact_id = ?", other_id),
        "interviews": _count(
            conn, "SELECT count(*) FROM interviews WHERE contact_id = ?", other_id
        ),
        "outcomes": _count(
            conn,
            "SELECT count(*) FROM outcomes o JOIN interviews i ON i.id = o.interview_id "
            "WHERE i.contact_id = ?",
            other_id,
        ),
        "referrals": _count(
            conn,
            "SELECT (SELECT count(*) FROM referrals r JOIN outcomes o ON o.id = r.outcome_id "
            "JOIN interviews i ON i.id = o.interview_id WHERE i.contact_id = ?1) + "
            "(SELECT count(*) FROM referrals WHERE contact_id = ?1) + "
            "(SELECT count(*) FROM contacts WHERE referred_by = ?1 AND id != ?2)",
            other_id,
            keep_id,
        ),
    }
    filled = tuple(
        label for name, label in _FILLED if getattr(other, name) and not getattr(keep, name)
    )
    if other.tags and not set(_tags(other.tags)) <= set(_tags(keep.tags)):
        filled += ("tags",)
    return MergePlan(keep, other, {k: n for k, n in moves.items() if n}, filled)


def _tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _merged_fields(keep: Contact, other: Contact) -> tuple[dict[str, object], list[str]]:
    """Column values for the kept contact, and the other's differing values as note lines."""
    values: dict[str, object] = {}
    kept_aside: list[str] = []
    for name, label in _FILLED:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and not mine:
            values[name] = theirs
        elif theirs and theirs != mine and name not in ("email", "url"):
            kept_aside.append(f"{label}: {theirs}")
    tags = list(dict.fromkeys(_tags(keep.tags) + _tags(other.tags)))
    if tags != _tags(keep.tags):
        values["tags"] = ", ".join(tags)
    # The further step of the pipeline wins, so a held call is not forgotten.
    if PIPELINE.index(other.status) > PIPELINE.index(keep.status) and other.status not in (
        Status.NO_REPLY,
        Status.DECLINED,
    ):
        values["status"] = str(other.status)
    # Whoever referred the other one referred this person (also when it was the other
    # one that referred the kept contact: that link would point at itself).
    if keep.referred_by in (None, other.id) and other.referred_by not in (None, keep.id):
        values["referred_by"] = other.referred_by
    if not (keep.given_name or keep.family_name) and keep.name == other.name:
        values["given_name"], values["family_name"] = other.given_name, other.family_name
    if other.email and email_key(other.email) != email_key(keep.email) and keep.email:
        kept_aside.append(f"email: {other.email}")
    if other.url and url_key(other.url) != url_key(keep.url) and keep.url:
        kept_aside.append(f"profile URL: {other.url}")
    return values, kept_aside


def merge(database: Database, contacts: Contacts, keep_id: int, other_id: int) -> MergePlan:
    """Merge *other_id* into *keep_id*; all or nothing. Returns what was done."""
    with database.transaction() as conn:
        plan = plan_merge(database, contacts, keep_id, other_id)
        keep, other = plan.keep, plan.other
        values, kept_aside = _merged_fields(keep, other)
        if values.pop("organization", None):
            values["organization_id"] = conn.execute(
                "SELECT organization_id FROM contacts WHERE id = ?", (other_id,)
            ).fetchone()["organization_id"]
        if values:
            assignments = ", ".join(f"{name} = ?" for name in values)
            conn.execute(
                f"UPDATE contacts SET {assignments}, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                (*values.values(), keep_id),
            )
        _move_identifiers(conn, keep_id, other, other_id)
        _move_notes(conn, keep_id, other_id, other.name, kept_aside)
        _move_links(conn, keep_id, other_id)
        _move_pairs(conn, keep_id, other_id)
        conn.execute("DELETE FROM contacts WHERE id = ?", (other_id,))
    return plan


def _move_identifiers(conn: sqlite3.Connection, keep_id: int, other: Contact, other_id: int):
    rows = [("email", email_key(other.email)), ("url", url_key(other.url)), ("uid", other.uid)]
    rows += [
        (row["kind"], row["value"])
        for row in conn.execute(
            "SELECT kind, value FROM contact_identifiers WHERE contact_id = ?", (other_id,)
        )
    ]
    conn.executemany(
        "INSERT OR IGNORE INTO contact_identifiers(contact_id, kind, value) VALUES (?, ?, ?)",
        [(keep_id, kind, value) for kind, value in rows if value],
    )


def _move_notes(conn, keep_id: int, other_id: int, other_name: str, kept_aside: list[str]):
    for kind in _NOTE_KINDS:
        theirs = conn.execute(
            "SELECT id, body FROM notes WHERE kind = ? AND contact_id = ?", (kind, other_id)
        ).fetchone()
        body = theirs["body"] if theirs else ""
        if kind == "research" and kept_aside:
            aside = f"Merged from {other_name}: " + "; ".join(kept_aside)
            body = f"{body}\n\n{aside}" if body else aside
        if not body:
            continue
        mine = conn.execute(
            "SELECT id, body FROM notes WHERE kind = ? AND contact_id = ?", (kind, keep_id)
        ).fetchone()
        if mine is None:
            conn.execute(
                "INSERT INTO notes(kind, contact_id, body) VALUES (?, ?, ?)", (kind, keep_id, body)
            )
        elif body not in mine["body"]:
            joined = f"{mine['body']}\n\n{body}" if mine["body"] else body
            conn.execute(
                "UPDATE notes SET body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') "
                "WHERE id = ?",
                (joined, mine["id"]),
            )
    conn.execute("DELETE FROM notes WHERE contact_id = ?", (other_id,))


def _move_links(conn: sqlite3.Connection, keep_id: int, other_id: int) -> None:
    """Re-point every other column that refers to a contact, read from the schema so a
    table added later moves too. A unique clash fails the whole merge, losing nothing."""
    tables = [
        row["name"]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'"
        )
    ]
    for table in tables:
        if table in _SPECIAL:
            continue
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            if fk["table"] == "contacts":
                column = fk["from"]
                conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep_id, other_id)
                )
    conn.execute(
        "UPDATE contacts SET referred_by = NULL WHERE id = ? AND referred_by = ?",
        (keep_id, keep_id),
    )


def _move_pairs(conn: sqlite3.Connection, keep_id: int, other_id: int) -> None:
    """The other's look-alikes become the kept contact's (its decisions included)."""
    rows = conn.execute(
        "SELECT low_id, high_id, state FROM contact_pairs WHERE ? IN (low_id, high_id)",
        (other_id,),
    ).fetchall()
    moved = []
    for row in rows:
        low, high = row["low_id"], row["high_id"]
        third = high if low == other_id else low
        if third != keep_id:
            moved.append((*ordered(keep_id, third), row["state"]))
    conn.execute("DELETE FROM contact_pairs WHERE ? IN (low_id, high_id)", (other_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO contact_pairs(low_id, high_id, state) VALUES (?, ?, ?)", moved
    )
