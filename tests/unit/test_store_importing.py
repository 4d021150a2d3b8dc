"""Importing into the store: dedupe, merge, all-or-nothing, and the 30,000-row bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.interop.records import ImportFormatError
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases import exchange
from tests.conftest import seed
from tests.factories import write_connections

DATA = Path(__file__).parent / "data"


def test_linkedin_twice_adds_nothing_the_second_time(store: Store) -> None:
    path = DATA / "linkedin_nasty.csv"
    first = exchange.import_file(store, "linkedin", path)
    assert first.summary() == "5 added, 0 merged, 2 skipped (1 no name, 1 already present)"
    second = exchange.import_file(store, "linkedin", path)
    assert second.added == 0 and second.merged == 0
    assert store.contacts.count() == 5


def test_match_order_email_then_url_then_name_and_organization(store: Store) -> None:
    by_email = store.contacts.add(Contact(name="Someone Else", email="WEI@example.cn"))
    by_url = store.contacts.add(Contact(name="J. García", url="http://linkedin.com/in/jgarcia/"))
    by_name = store.contacts.add(Contact(name="ana silva", organization="FIOCRUZ"))
    report = exchange.import_file(store, "linkedin", DATA / "linkedin_nasty.csv")
    assert report.added == 2  # Sam and Mallory
    assert report.merged == 3
    merged = store.contacts.get(by_email.id)
    assert merged.name == "Someone Else"  # never overwritten
    assert merged.organization == "北京大学"  # empty field filled
    assert store.contacts.get(by_url.id).title == "Director Médico"
    assert store.contacts.get(by_name.id).connected_on == "2022-11-30"


def test_user_fields_are_never_overwritten(store: Store) -> None:
    mine = store.contacts.add(
        Contact(name="Dr. Lena Chen", email="lena.chen@example.edu", title="My own words")
    )
    exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Lena\nEMAIL:lena.chen@example.edu\nTITLE:Other\n"
        b"NOTE:Wrote the review\nEND:VCARD\n",
        "x.vcf",
    )
    assert store.contacts.get(mine.id).title == "My own words"
    body = store.database.conn.execute(
        "SELECT body FROM notes WHERE contact_id = ? AND kind = 'research'", (mine.id,)
    ).fetchone()[0]
    assert body == "Wrote the review\nOther title: Other", "the further title is kept aside"


def test_vcard_note_becomes_research_note_once(store: Store) -> None:
    path = DATA / "apple_iphone.vcf"
    exchange.import_file(store, "vcard", path)
    again = exchange.import_file(store, "vcard", path)
    assert again.summary() == "0 added, 0 merged, 2 skipped (2 already present)"
    notes = store.database.conn.execute("SELECT kind, body FROM notes").fetchall()
    assert len(notes) == 2 and {kind for kind, _ in notes} == {"research"}


def test_bad_file_imports_nothing(store: Store, tmp_path: Path) -> None:
    seed(store)
    before = store.contacts.count()
    bad = tmp_path / "cut.vcf"
    good = (DATA / "google_mixed.vcf").read_bytes()
    bad.write_bytes(good + b"BEGIN:VCARD\nVERSION:3.0\nFN:Half a card\n")
    with pytest.raises(ImportFormatError, match=r"cut\.vcf, line 25: truncated card"):
        exchange.import_file(store, "vcard", bad)
    assert store.contacts.count() == before


def test_missing_file_is_a_clean_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="No such file"):
        exchange.import_file(store, "csv", tmp_path / "nope.csv")


@pytest.mark.slow
def test_thirty_thousand_linkedin_rows(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    write_connections(path, 30_000)
    seen: list[tuple[int, int]] = []
    report = exchange.import_file(store, "linkedin", path, lambda d, t: seen.append((d, t)))
    assert report.added == 30_000
    assert store.contacts.count() == 30_000
    assert seen[-1] == (30_000, 30_000) and len(seen) > 10
    # How long it takes is a benchmark (benchmarks/import_linkedin.py), not a test.
    again = exchange.import_file(store, "linkedin", path)
    assert again.added == 0 and store.contacts.count() == 30_000


def test_a_write_while_an_import_prepares_is_seen_before_it_writes(store: Store) -> None:
    """Matching runs before the write transaction; a contact saved meanwhile (here from
    the progress callback, between the two) is matched inside it, never duplicated."""
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(f"P{i},Q,,p{i}@x.example,Acme,Analyst,15 Mar 2023\n" for i in range(1500))
    saved = []

    def meanwhile(done: int, total: int) -> None:
        if not saved:
            saved.append(store.contacts.add(Contact(name="Early Bird", email="p7@x.example")))

    report = exchange.import_bytes(store, "linkedin", (header + rows).encode(), "c.csv", meanwhile)
    assert (report.added, report.merged) == (1499, 1)
    assert store.contacts.count() == 1500
    (early,) = [c for c in store.contacts.all() if c.email == "p7@x.example"]
    assert early.name == "Early Bird" and early.organization == "Acme"
