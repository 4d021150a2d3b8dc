"""Merging two contacts by hand: everything moves to the one kept, in one transaction."""

from __future__ import annotations

import sqlite3

import pytest

from coffeechat.models import Contact, Status
from coffeechat.store import Store
from coffeechat.usecases import exchange
from coffeechat.usecases.merge import (
    MergeError,
    merge_contacts,
    not_a_duplicate,
    preview_merge,
)


def _everything_about(store: Store, cid: int, referrer: int) -> None:
    """A record of every kind about contact *cid*, the way the app writes them."""
    conn = store.database.conn
    store.notes.save_research(cid, "Runs the imaging core")
    store.notes.save_self_assessment(cid, "Learn how the core is funded")
    conn.execute("INSERT INTO articles(contact_id, title) VALUES (?, 'Core paper')", (cid,))
    draft = conn.execute(
        "INSERT INTO drafts(contact_id, template, body) VALUES (?, 'intro', 'Hello?')", (cid,)
    ).lastrowid
    conn.execute(
        "INSERT INTO followups(contact_id, kind, due_date, draft_id) "
        "VALUES (?, 'follow_up', '2026-03-19', ?)",
        (cid, draft),
    )
    interview = conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'held')", (cid,)
    ).lastrowid
    outcome = conn.execute(
        "INSERT INTO outcomes(interview_id, kind) VALUES (?, 'referral offered')", (interview,)
    ).lastrowid
    conn.execute("INSERT INTO referrals(outcome_id, name) VALUES (?, 'Someone')", (outcome,))
    # They were referred to us through another call, and referred someone themselves.
    other_outcome = conn.execute(
        "INSERT INTO outcomes(interview_id, kind) VALUES "
        "((SELECT id FROM interviews WHERE contact_id = ?), 'referral offered') RETURNING id",
        (referrer,),
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO referrals(outcome_id, name, contact_id) VALUES (?, 'Ana', ?)",
        (other_outcome, cid),
    )
    store.contacts.add(Contact(name="Referred by the other", referred_by=cid))


@pytest.fixture
def pair(store: Store) -> tuple[Contact, Contact, Contact]:
    referrer = store.contacts.add(Contact(name="Maria Okafor"))
    store.database.conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'held')", (referrer.id,)
    )
    keep = store.contacts.add(
        Contact(name="Ana Silva", organization="Fiocruz", email="ana@fiocruz.br", tags="bio")
    )
    store.notes.save_research(keep.id, "Met at the symposium")
    other = store.contacts.add(
        Contact(
            name="Ana Silva",
            organization="Fiocruz",
            email="ana.silva@gmail.example",
            phone="+55 21 5555 0101",
            url="https://www.linkedin.com/in/ana-silva-2",
            title="Lab Manager",
            tags="bio, imaging",
            status=Status.INTERVIEWED,
        )
    )
    _everything_about(store, other.id, referrer.id)
    return keep, other, referrer


def test_preview_says_what_will_move(store: Store, pair) -> None:
    keep, other, _ = pair
    plan = preview_merge(store, keep.id, other.id)
    assert plan.moves == {
        "notes": 2,
        "articles": 1,
        "drafts": 1,
        "follow-ups": 1,
        "interviews": 1,
        "outcomes": 1,
        "referrals": 3,
    }
    assert plan.filled == ("title", "phone", "profile URL", "tags")
    text = plan.describe()
    assert text.startswith("Merge Ana Silva into Ana Silva: moves 2 notes, 1 article, 1 draft")
    assert "Fills title, phone, profile URL, tags." in text
    assert store.contacts.get(other.id) is not None, "a preview changes nothing"


def test_merge_moves_everything_and_fills_what_the_kept_one_lacks(store: Store, pair) -> None:
    keep, other, referrer = pair
    merge_contacts(store, keep.id, other.id)
    assert store.contacts.get(other.id) is None
    kept = store.contacts.get(keep.id)
    assert kept.email == "ana@fiocruz.br", "the kept contact's own values stay"
    assert (kept.title, kept.phone) == ("Lab Manager", "+55 21 5555 0101")
    assert kept.url == "https://www.linkedin.com/in/ana-silva-2"
    assert kept.tags == "bio, imaging"
    assert kept.status == Status.INTERVIEWED, "the further pipeline step wins"
    conn = store.database.conn
    for table in ("articles", "drafts", "followups", "interviews"):
        count = f"SELECT count(*) AS n FROM {table} WHERE contact_id = ?"
        assert conn.execute(count, (keep.id,)).fetchone()["n"] == 1, table
        assert conn.execute(count, (other.id,)).fetchone()["n"] == 0, table
    assert (
        conn.execute(
            "SELECT count(*) AS n FROM outcomes o JOIN interviews i ON i.id = o.interview_id "
            "WHERE i.contact_id = ?",
            (keep.id,),
        ).fetchone()["n"]
        == 1
    )
    assert (
        conn.execute(
            "SELECT count(*) AS n FROM referrals WHERE contact_id = ?", (keep.id,)
        ).fetchone()["n"]
        == 1
    )
    referred = [c for c in store.contacts.all() if c.name == "Referred by the other"]
    assert referred[0].referred_by == keep.id
    research = store.notes.research(keep.id)
    assert research.startswith("Met at the symposium\n\nRuns the imaging core")
    assert "Merged from Ana Silva: email: ana.silva@gmail.example" in research
    assert store.notes.self_assessment(keep.id) == "Learn how the core is funded"
    assert referrer.id in {c.id for c in store.contacts.all()}


def test_the_merged_contacts_email_still_finds_the_kept_one(store: Store, pair) -> None:
    keep, other, _ = pair
    merge_contacts(store, keep.id, other.id)
    report = exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nORG:Fiocruz\nEMAIL:ana.silva@gmail.example\n"
        b"END:VCARD\n",
        "ana.vcf",
    )
    assert report.added == 0 and report.possible_duplicates == 0


def test_a_merge_is_one_transaction(store: Store, pair) -> None:
    keep, other, _ = pair
    conn = store.database.conn
    # A table from some later feature that allows one row per contact: moving the
    # other's row onto the kept one fails halfway through the merge.
    conn.execute(
        "CREATE TABLE sync_state (id INTEGER PRIMARY KEY, "
        "contact_id INTEGER UNIQUE REFERENCES contacts(id) ON DELETE CASCADE)"
    )
    conn.execute("INSERT INTO sync_state(contact_id) VALUES (?), (?)", (keep.id, other.id))
    before = exchange.export_text(store, "json")
    with pytest.raises(sqlite3.IntegrityError):
        merge_contacts(store, keep.id, other.id)
    assert exchange.export_text(store, "json") == before, "nothing moved, nothing filled"
    assert not conn.in_transaction


def test_merging_a_contact_with_itself_or_a_gone_one_is_refused(store: Store, pair) -> None:
    keep = pair[0]
    with pytest.raises(MergeError, match="itself"):
        merge_contacts(store, keep.id, keep.id)
    with pytest.raises(MergeError, match="no longer exists"):
        merge_contacts(store, keep.id, 9999)


def test_two_people_are_told_apart_only_while_both_are_there(store: Store, pair) -> None:
    """A pair shown in one window, merged or deleted in another: "two people" is refused
    in one line and remembers nothing."""
    keep, other, _referrer = pair
    with pytest.raises(MergeError, match="itself"):
        not_a_duplicate(store, keep.id, keep.id)
    store.contacts.forget(other.id)
    with pytest.raises(MergeError, match="no longer exists"):
        not_a_duplicate(store, keep.id, other.id)
    assert (
        store.database.conn.execute("SELECT count(*) AS n FROM contact_pairs").fetchone()["n"] == 0
    )


def test_the_picker_offers_possible_duplicates_first(store: Store) -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Silva,https://www.linkedin.com/in/a1,,Fiocruz,,\n"
        b"Ana,Silva,https://www.linkedin.com/in/a2,,Fiocruz,,\n"
        b"Ana,Silva,https://www.linkedin.com/in/a3,,USP,,\n"
        b"Anabel,Costa,https://www.linkedin.com/in/a4,,USP,,\n"
    )
    exchange.import_bytes(store, "linkedin", data, "c.csv")
    first = store.contacts.all()[0]
    rows = store.duplicates.merge_candidates(first.id)
    assert [(r.organization, r.possible_duplicate) for r in rows] == [
        ("Fiocruz", True),
        ("USP", False),
    ]
    typed = store.duplicates.merge_candidates(first.id, "ana")
    # Possible duplicates first, then by family name: Costa before Silva.
    assert [r.name for r in typed] == ["Ana Silva", "Anabel Costa", "Ana Silva"]
    assert typed[0].possible_duplicate and not typed[1].possible_duplicate
    not_a_duplicate(store, first.id, rows[0].id)
    assert store.duplicates.possible() == []
    assert not store.duplicates.merge_candidates(first.id)[0].possible_duplicate


def test_a_referral_chain_through_the_merged_contact_is_kept(store: Store) -> None:
    maria = store.contacts.add(Contact(name="Maria"))
    other = store.contacts.add(Contact(name="Ana Silva", referred_by=maria.id))
    keep = store.contacts.add(Contact(name="Ana Silva", referred_by=other.id))
    merge_contacts(store, keep.id, other.id)
    assert store.contacts.get(keep.id).referred_by == maria.id
