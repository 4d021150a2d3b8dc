"""Contacts and organizations in a real SQLite file."""

from __future__ import annotations

from dataclasses import replace

from coffeechat.models import Contact, Status
from coffeechat.store import Store
from tests.conftest import seed


def test_add_and_get_round_trips_every_field(store: Store) -> None:
    contact = Contact(
        name="Ada Lovelace",
        title="Analyst",
        organization="Analytical Engines",
        email="ada@example.org",
        phone="+44 20 7946 0000",
        url="https://example.org/ada",
        how_found="article",
        purpose="networking",
        status=Status.SCHEDULED,
        next_action="Call",
        next_action_date="2026-03-18",
        tags="math, engines",
        connected_on="2023-03-15",
    )
    saved = store.contacts.add(contact)
    assert saved.id is not None
    loaded = store.contacts.get(saved.id)
    assert loaded is not None
    assert loaded.uid, "every contact gets a stable UID"
    assert replace(loaded, id=None, created_at="", updated_at="", uid="") == contact


def test_organizations_are_shared_case_insensitively(store: Store) -> None:
    a = store.contacts.add(Contact(name="A", organization="Harbor Health"))
    b = store.contacts.add(Contact(name="B", organization="harbor health"))
    assert store.organizations.names() == ["Harbor Health"]
    org_ids = {
        row[0]
        for row in store.database.conn.execute(
            "SELECT organization_id FROM contacts WHERE id IN (?, ?)", (a.id, b.id)
        )
    }
    assert len(org_ids) == 1


def test_update_changes_fields(store: Store) -> None:
    saved = store.contacts.add(Contact(name="Ada", organization="X"))
    updated = store.contacts.update(replace(saved, title="Countess", organization="Y"))
    assert updated.title == "Countess"
    assert updated.organization == "Y"


def test_rows_sorted_by_next_action_date_undated_last(store: Store) -> None:
    seed(store)
    rows = store.contacts.rows()
    dates = [row.next_action_date for row in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[: len(dated)] == dated
    assert all(not d for d in dates[len(dated) :])


def test_archived_are_hidden_unless_asked(store: Store) -> None:
    saved = store.contacts.add(Contact(name="Old friend"))
    store.contacts.set_archived(saved.id, True)
    assert store.contacts.rows() == []
    assert [r.name for r in store.contacts.rows(include_archived=True)] == ["Old friend"]


def test_status_change(store: Store) -> None:
    saved = store.contacts.add(Contact(name="Ada"))
    store.contacts.set_status(saved.id, Status.THANKED)
    assert store.contacts.get(saved.id).status is Status.THANKED


def test_forget_removes_the_person_and_what_is_about_them(store: Store) -> None:
    saved = store.contacts.add(Contact(name="Ada"))
    conn = store.database.conn
    conn.execute(
        "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, 'x')", (saved.id,)
    )
    conn.execute(
        "INSERT INTO followups(contact_id, kind, due_date) VALUES (?, 'follow_up', '2026-01-01')",
        (saved.id,),
    )
    conn.execute(
        "INSERT INTO drafts(contact_id, template, body) VALUES (?, 'intro', 'Hi')", (saved.id,)
    )
    store.contacts.forget(saved.id)
    for table in ("contacts", "notes", "followups", "drafts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_referred_by_is_cleared_when_referrer_is_forgotten(store: Store) -> None:
    first = store.contacts.add(Contact(name="First"))
    second = store.contacts.add(Contact(name="Second", referred_by=first.id))
    store.contacts.forget(first.id)
    assert store.contacts.get(second.id).referred_by is None


def test_find_match_order(store: Store) -> None:
    a = store.contacts.add(Contact(name="Ada", email="ada@example.org", organization="X"))
    b = store.contacts.add(Contact(name="Bob", url="https://example.org/bob"))
    c = store.contacts.add(Contact(name="Cy", organization="Z Corp"))
    assert store.contacts.find_match(email="ADA@example.org") == a.id
    assert store.contacts.find_match(url="https://example.org/bob/") == b.id
    assert store.contacts.find_match(name="cy", organization="z corp") == c.id
    assert store.contacts.find_match(name="cy", organization="other") is None
    assert store.contacts.find_match() is None
    assert store.contacts.find_match(url="http://www.EXAMPLE.org/bob?ref=x") == b.id


def test_find_match_never_joins_people_whose_identifiers_differ(store: Store) -> None:
    ana = store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz", email="a@x.org"))
    assert store.contacts.find_match(name="Ana Silva", organization="Fiocruz") == ana.id
    assert (
        store.contacts.find_match(name="Ana Silva", organization="Fiocruz", email="b@x.org") is None
    )


def test_text_is_stored_as_given(store: Store) -> None:
    hostile = "[bold]x[/] \x1b]52;c;aGk=\x07 \u202eevil\u200b 🐉"
    saved = store.contacts.add(Contact(name=hostile))
    assert store.contacts.get(saved.id).name == hostile


def test_ids_by_name(store: Store) -> None:
    ada = store.contacts.add(Contact(name="Ada"))
    bob = store.contacts.add(Contact(name="Bob"))
    assert store.contacts.ids_by_name() == {"Ada": ada.id, "Bob": bob.id}
