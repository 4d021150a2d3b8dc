"""Merging two contacts into one: the rows that move (the rules are domain/merging.py,
the transaction and the order usecases/merge.py).

Everything about the other contact moves to the one kept: notes, articles, drafts,
follow-ups, interviews (with their outcomes), referrals, and the contacts it referred.
"""

from __future__ import annotations

import sqlite3

from ..domain.identity import email_key, url_key
from ..models import Contact
from .duplicates import ordered

# Tables whose link to a contact needs more than re-pointing; handled one by one.
_SPECIAL = {"notes", "contact_identifiers", "contact_pairs"}
_NOTE_KINDS = ("research", "self_assessment")


def _count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    """The number *sql* (a query of one value) counts."""
    return conn.execute(f"SELECT ({sql}) AS n", args).fetchone()["n"]


def moves(conn: sqlite3.Connection, keep_id: int, other_id: int) -> dict[str, int]:
    """How many records of each kind would move from *other_id* to *keep_id*, by plain
    name ("notes", "interviews", ...); zero counts left out."""
    counted = {
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
    return {what: n for what, n in counted.items() if n}


def absorb(
    conn: sqlite3.Connection,
    keep_id: int,
    other: Contact,
    values: dict[str, object],
    kept_aside: list[str],
) -> None:
    """Write *values* into *keep_id*, move everything of *other* to it (its differing
    values, *kept_aside*, into the research note), then delete *other*. The caller holds
    the transaction: a unique clash fails the whole merge, losing nothing."""
    assert other.id is not None
    other_id = other.id
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
