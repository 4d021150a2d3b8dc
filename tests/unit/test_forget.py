""" "Forget this contact" leaves nothing about the person: not in any table, not in the
full-text index, not in the bytes of the file."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from coffeechat.models import Contact
from coffeechat.models_activity import Article, Draft, FollowUp
from coffeechat.store import Store

SECRET = "Xylophonist"
"""A word that appears only in what we write about the person to forget."""


def _fill(store: Store) -> tuple[int, int]:
    """Return (id of the person to forget, id of a contact who stays)."""
    stays = store.contacts.add(Contact(name="Grace Hopper", organization="US Navy"))
    gone = store.contacts.add(
        Contact(
            name=f"Zed {SECRET}",
            organization="US Navy",
            email="zed@example.org",
            referred_by=stays.id,
        )
    )
    referred = store.contacts.add(Contact(name="Referred Person", referred_by=gone.id))
    assert gone.id and stays.id and referred.id
    now = datetime(2026, 3, 16, 10, 30)
    store.notes.save_research(gone.id, f"research {SECRET} research")
    store.notes.save_self_assessment(gone.id, f"why them {SECRET}")
    store.articles.add(Article(contact_id=gone.id, title=f"Paper {SECRET}", notes=SECRET))
    draft = store.drafts.save(Draft(contact_id=gone.id, template="thank_you", body=SECRET))
    store.followups.add(
        FollowUp(contact_id=gone.id, kind="follow_up", due_date="2026-03-20", draft_id=draft.id)
    )
    interview = store.interviews.create(gone.id, questions=store.questions.all()[:2])
    store.interviews.start(interview.id, now, [])
    item = store.interviews.checklist(interview.id)[0]
    store.interviews.set_answer(item.id, f"answer {SECRET}")
    store.interviews.add_note(
        interview.id, f"line {SECRET}", minute=2, checklist_item_id=item.id, now=now
    )
    store.interviews.save_draft(interview.id, f"typing {SECRET}")
    conn = store.database.conn
    outcome_id = conn.execute(
        "INSERT INTO outcomes(interview_id, kind, learned) VALUES (?, 'referral offered', ?)",
        (interview.id, SECRET),
    ).lastrowid
    conn.execute(
        "INSERT INTO referrals(outcome_id, name, contact_id) VALUES (?, ?, ?)",
        (outcome_id, f"Someone {SECRET}", referred.id),
    )
    # A call with the contact who stays, where the forgotten person was the referral.
    other = store.interviews.create(stays.id)
    other_outcome = conn.execute(
        "INSERT INTO outcomes(interview_id, kind) VALUES (?, 'referral offered')", (other.id,)
    ).lastrowid
    conn.execute(
        "INSERT INTO referrals(outcome_id, name, contact_id) VALUES (?, ?, ?)",
        (other_outcome, f"Zed {SECRET}", gone.id),
    )
    store.notes.save_research(stays.id, "Grace research stays")
    return gone.id, stays.id


def _rows_mentioning(conn: sqlite3.Connection, word: str) -> list[tuple[str, tuple]]:
    found = []
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table}"):
            if any(word in str(value) for value in row):
                found.append((table, row))
    return found


def test_forget_removes_the_person_and_everything_about_them(tmp_path: Path) -> None:
    db = tmp_path / "coffeechat.db"
    store = Store.open(db)
    gone, stays = _fill(store)
    assert store.search.query(SECRET), "the note is searchable before"
    store.contacts.forget(gone)
    conn = store.database.conn
    assert store.contacts.get(gone) is None
    for table in ("notes", "articles", "drafts", "followups", "interviews"):
        assert (
            conn.execute(
                f"SELECT count(*) AS n FROM {table} WHERE contact_id = ?", (gone,)
            ).fetchone()["n"]
            == 0
        ), table
    for table in ("checklist_items", "note_lines", "outcomes"):
        orphans = conn.execute(
            f"SELECT count(*) AS n FROM {table} "
            "WHERE interview_id NOT IN (SELECT id FROM interviews)"
        ).fetchone()["n"]
        assert orphans == 0, table
    assert (
        conn.execute(
            "SELECT count(*) AS n FROM referrals WHERE contact_id = ?", (gone,)
        ).fetchone()["n"]
        == 0
    )
    assert _rows_mentioning(conn, SECRET) == []
    assert store.search.query(SECRET) == []
    assert (
        conn.execute(
            "SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?", (SECRET,)
        ).fetchone()["n"]
        == 0
    )
    # The others keep their data; a contact they referred loses only the link.
    assert store.contacts.get(stays) is not None
    assert store.notes.research(stays) == "Grace research stays"
    referred = next(c for c in store.contacts.all() if c.name == "Referred Person")
    assert referred.referred_by is None
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    store.close()


def test_forgotten_text_is_gone_from_the_bytes_of_the_file(tmp_path: Path) -> None:
    db = tmp_path / "coffeechat.db"
    store = Store.open(db)
    assert store.database.conn.execute("PRAGMA secure_delete").fetchone()["secure_delete"] == 1
    gone, _ = _fill(store)
    store.contacts.forget(gone)
    # Checked while the app still has the file open, and again after it closed.
    for path in tmp_path.iterdir():
        assert SECRET.lower().encode() not in path.read_bytes().lower(), path.name
    store.close()
    for path in tmp_path.iterdir():
        assert SECRET.encode() not in path.read_bytes(), f"{path.name} still holds it"
        assert SECRET.lower().encode() not in path.read_bytes(), f"{path.name} holds a token"


def test_forgotten_words_leave_a_busy_search_index_too(tmp_path: Path) -> None:
    db = tmp_path / "coffeechat.db"
    store = Store.open(db)
    for i in range(300):
        other = store.contacts.add(Contact(name=f"Person {i}"))
        assert other.id
        store.notes.save_research(other.id, f"note {i} about lab work and careers")
    gone, _ = _fill(store)
    for i in range(300, 400):
        other = store.contacts.add(Contact(name=f"Person {i}"))
        assert other.id
        store.notes.save_research(other.id, f"later note {i}")
    store.contacts.forget(gone)
    store.close()
    for path in tmp_path.iterdir():
        assert SECRET.encode() not in path.read_bytes(), f"{path.name} still holds it"
        assert SECRET.lower().encode() not in path.read_bytes(), f"{path.name} holds a token"
