"""Lists of people file by family name then given name, as the name parser reads them:
"Dr. Henrik Aas" under A, "Ludwig van Beethoven" under B, a single name under itself,
"Last, First" beside "First Last". The key is stored with each contact, and every writer
keeps it right (form, every import, a referral, a merge, the sync, a restore)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from coffeechat.domain.names import sort_key
from coffeechat.domain.text import folded
from coffeechat.interop.records import ImportedContact
from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import Outcome, Referral
from coffeechat.store import Store, list_order
from coffeechat.usecases import exchange
from coffeechat.usecases.calls import end_call, start_call
from coffeechat.usecases.contacts import save_contact
from coffeechat.usecases.merge import merge_contacts
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.sync_apply import new_contact, take_in

FIXTURE_V1 = Path(__file__).parent / "data" / "v1.db"
# Read as a person's name, each would file under its last word (Oslo, AS, Bio).
ORGANIZATIONS_ONLY = ("Zeta Labs Oslo", "Nordlys Energi AS", "Yarrow Bio")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Dr. Henrik Aas", "Ann Berg"),  # a title is not a given name: A before B
        ("Aas, Henrik", "Ann Berg"),  # "Last, First"
        ("Ludwig van Beethoven", "Ann Cole"),  # the particle in lower case: under B
        ("Omar al-Hakim", "Ann Ito"),  # al- too: under H
        ("Ann Berg", "Vincent Van Gogh"),  # a capitalised particle is the name: under V
        ("Madonna", "Ann Nash"),  # a single name files under itself
        ("Ann Aas", "Henrik Aas"),  # one family name: by given name
        ("Aas", "Ann Aas"),  # the family name alone before anyone of that family
        ("Henrik Aas", "Per Aasen"),  # a shorter family name first
        ("Søren Kierkegaard", "Ann Kirk"),  # folded as searches fold: ø is o
        ("John Doe III", "Ann Dyer"),  # a suffix is not the family name
        ("Henrik Aas PhD", "Ann Berg"),
        ("ann berg", "Carl Berg"),  # case does not count
    ],
)
def test_names_file_by_family_name(before: str, after: str) -> None:
    assert sort_key(before) < sort_key(after)


def test_last_first_files_beside_first_last() -> None:
    assert sort_key("Aas, Henrik").split("\x1f")[:2] == sort_key("Henrik Aas").split("\x1f")[:2]


def test_the_parts_a_source_gave_win_over_parsing() -> None:
    # LinkedIn and vCard N give the parts: "Mary Ann" "Lee" is Lee, not "Ann Lee".
    assert sort_key("Mary Ann Lee", "Mary Ann", "Lee").startswith("lee\x1fmary ann")
    assert sort_key("Dr. Henrik Aas", "Dr. Henrik", "Aas").startswith("aas\x1fhenrik")


def _list(store: Store) -> list[str]:
    return [row.name for row in store.contacts.rows()]


def test_the_contact_list_files_undated_people_by_family_name(store: Store) -> None:
    for name in ("Zoe Adams", "Ludwig van Beethoven", "Dr. Henrik Aas", "Madonna", "Cole, Ann"):
        store.contacts.add(Contact(name=name))
    dated = store.contacts.add(Contact(name="Yann Zed", next_action_date="2026-03-20"))
    assert _list(store) == [
        dated.name,  # the soonest next action still comes first
        "Dr. Henrik Aas",
        "Zoe Adams",
        "Ludwig van Beethoven",
        "Cole, Ann",
        "Madonna",
    ]


def _held_call(store: Store, contact_id: int) -> int:
    moment = datetime(2026, 3, 16, 10)
    started = start_call(store, contact_id, moment)
    end_call(store, started.interview.id or 0, moment.replace(minute=30))
    return started.interview.id or 0


def _every_key_right(store: Store) -> None:
    rows = store.database.conn.execute(
        "SELECT c.name, c.given_name, c.family_name, c.sort_name, "
        "ifnull(o.name, '') AS organization FROM contacts c "
        "LEFT JOIN organizations o ON o.id = c.organization_id"
    ).fetchall()
    assert rows
    for row in rows:
        expected = sort_key(row["name"], row["given_name"], row["family_name"], row["organization"])
        assert row["sort_name"] == expected, row["name"]
    # A record with no person's name files under its organization as written.
    keys = {row["name"]: row["sort_name"] for row in rows}
    for name in ORGANIZATIONS_ONLY:
        if name in keys:
            assert keys[name] == folded(name), name


def test_every_writer_keeps_the_sort_key_right(store: Store, tmp_path: Path) -> None:
    # The form: a new contact, then renamed.
    ada = save_contact(store, Contact(name="Ada Lovelace"))
    save_contact(store, replace(ada, name="Lovelace, Augusta Ada"), base=ada)
    # Every import format, a match filling given and family names included.
    exchange.import_bytes(
        store,
        "linkedin",
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Henrik,Aas,https://www.linkedin.com/in/haas,,Vestkraft,,\n",
        "Connections.csv",
    )
    exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ludwig van Beethoven\r\nN:van Beethoven;Ludwig;;;\r\n"
        b"EMAIL:lvb@example.org\r\nEND:VCARD\r\n",
        "c.vcf",
    )
    exchange.import_bytes(store, "csv", b"Name,Email\nMadonna,m@example.org\n", "c.csv")
    # A card with only ORG, and a contact typed in the form as an organization.
    exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Zeta Labs Oslo\r\nEMAIL:hi@zeta.example\r\n"
        b"END:VCARD\r\n",
        "org.vcf",
    )
    save_contact(store, Contact(name="Yarrow Bio", organization="Yarrow Bio"))
    # A person suggested on a call becomes a contact.
    interview = _held_call(store, ada.id or 0)
    save_outcome(
        store,
        Outcome(
            interview, OutcomeKind.REFERRAL_OFFERED, referrals=(Referral("Dr. Omar al-Hakim"),)
        ),
        datetime(2026, 3, 16).date(),
    )
    # A merge that takes the other's given and family names.
    keep = store.contacts.add(Contact(name="Kim Park"))
    other = store.contacts.add(Contact(name="Kim Park", given_name="Kim", family_name="Park"))
    merge_contacts(store, keep.id or 0, other.id or 0)
    # The sync: a name changed in the address book, a card made there.
    take_in(store, "contact", keep.id or 0, {"name": "Park, Kimberly"}, datetime(2026, 3, 16))
    new_contact(store, ImportedContact(Contact(name="Yuna Sato", uid="sync-uid-1")))
    organization = Contact(name="Nordlys Energi AS", organization="Nordlys Energi AS", uid="s2")
    new_contact(store, ImportedContact(organization))
    _every_key_right(store)
    # A restore into an empty database derives the key again.
    document = exchange.export_text(store, "json")
    assert "sort_name" not in document, "derived from the names, not backed up"
    restored = Store.open(tmp_path / "restored.db")
    try:
        exchange.import_bytes(restored, "json", document.encode(), "backup.json")
        _every_key_right(restored)
        assert _list(restored) == _list(store)
    finally:
        restored.close()
    assert json.loads(document)["contacts"]


def test_the_migration_fills_the_key_of_contacts_already_there(tmp_path: Path) -> None:
    path = tmp_path / "coffeechat.db"
    shutil.copyfile(FIXTURE_V1, path)
    path.chmod(0o600)
    store = Store.open(path)
    try:
        _every_key_right(store)
        rows = store.contacts.rows(include_archived=True)
        assert len(rows) == 2
        assert rows == sorted(rows, key=list_order)
    finally:
        store.close()


def test_the_list_is_read_along_its_index(store: Store) -> None:
    plan = store.database.conn.execute(
        "EXPLAIN QUERY PLAN SELECT c.id FROM contacts c WHERE c.archived = 0 "
        "ORDER BY c.next_action_date = '', c.next_action_date, c.sort_name, c.id"
    ).fetchall()
    details = " ".join(row["detail"] for row in plan)
    assert "contacts_list_order" in details
    assert "TEMP B-TREE" not in details, "the list is sorted along the index, not afterwards"


def test_the_merge_picker_and_the_agenda_file_by_family_name(store: Store) -> None:
    first = store.contacts.add(Contact(name="Kai Berg"))
    for name in ("Ann Zorn", "Zed Adams"):
        store.contacts.add(Contact(name=name))
    picked = store.duplicates.every_candidate(first.id or 0)
    assert [row.name for row in picked] == ["Zed Adams", "Ann Zorn"]
    assert list(store.contacts.ids_by_name()) == ["Zed Adams", "Kai Berg", "Ann Zorn"]


def test_sqlite_and_python_order_the_keys_alike(store: Store) -> None:
    # The list inserts a changed row where SQL would have read it (list_order in Python).
    names = ["Đorđe Balašević", "Łukasz Żółć", "Anna Åberg", "Ærø Ås", "李 小龙", "Émile Zola"]
    for name in names:
        store.contacts.add(Contact(name=name))
    rows = store.contacts.rows()
    assert rows == sorted(rows, key=list_order)
    conn = sqlite3.connect(":memory:")
    keys = [sort_key(name) for name in names]
    conn.execute("CREATE TABLE k(v TEXT)")
    conn.executemany("INSERT INTO k VALUES (?)", [(k,) for k in keys])
    assert [v for (v,) in conn.execute("SELECT v FROM k ORDER BY v")] == sorted(keys)


@pytest.mark.parametrize("fmt", ["csv", "vcard", "markdown"])
def test_exports_for_people_list_them_by_family_name(store: Store, fmt: str) -> None:
    for name in ("Zoe Adams", "Ludwig van Beethoven", "Dr. Henrik Aas"):
        store.contacts.add(Contact(name=name))
    text = exchange.export_text(store, fmt)
    at = [text.index(name) for name in ("Henrik Aas", "Zoe Adams", "Beethoven")]
    assert at == sorted(at)


def test_a_record_with_no_persons_name_files_under_its_organization(store: Store) -> None:
    """Not read as given and family names: "Zeta Labs Oslo" files under Z, not under
    Oslo; a person at that organization still files by family name."""
    exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Zeta Labs Oslo\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Osland\r\nORG:Zeta Labs Oslo\r\n"
        b"END:VCARD\r\n",
        "c.vcf",
    )
    store.contacts.add(Contact(name="Pia Young"))
    assert _list(store) == ["Anna Osland", "Pia Young", "Zeta Labs Oslo"]


def test_the_migration_files_records_named_after_their_organization(tmp_path: Path) -> None:
    from coffeechat.store.schema_list_order import sort_name_of_organizations
    from tests.conftest import open_as_made_before

    path = tmp_path / "older.db"
    with pytest.MonkeyPatch.context() as patch:
        open_as_made_before(patch, sort_name_of_organizations)
        older = Store.open(path)
        older.contacts.add(Contact(name="Zeta Labs Oslo", organization="Zeta Labs Oslo"))
        older.database.conn.execute("UPDATE contacts SET sort_name = 'oslo'")
        older.close()
    store = Store.open(path)
    try:
        assert store.database.conn.execute("SELECT sort_name FROM contacts").fetchall()[0][
            "sort_name"
        ] == folded("Zeta Labs Oslo")
    finally:
        store.close()
