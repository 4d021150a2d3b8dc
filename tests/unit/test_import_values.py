"""Imports never lose a person or a value: placeholders identify no one, and a record of
someone already here keeps every value it brings (tests/unit/data/imports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.domain.identity import (
    PLACEHOLDERS,
    Identity,
    email_key,
    is_placeholder,
    url_key,
)
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases import exchange

DATA = Path(__file__).parent / "data" / "imports"
_SPELLINGS = ("", "   ", "-", "--", "—", "?", "...", "N/A", "n.a.", "(none)", "<unknown>", "NULL")


@pytest.mark.parametrize(
    "value",
    [*sorted(PLACEHOLDERS), *_SPELLINGS],
)
def test_a_placeholder_is_no_value_and_identifies_no_one(value: str) -> None:
    assert is_placeholder(value)
    assert email_key(value) == "" and url_key(value) == ""
    assert not Identity.of(emails=(value,)).conflicts_with(Identity.of(emails=("a@b.example",)))


@pytest.mark.parametrize(
    "address",
    [
        "noreply@mailer.example",
        "no-reply@github.com",
        "No_Reply@x.example",
        "donotreply@x.example",
        "do-not-reply@x.example",
        "noreply+abc@x.example",
        "none@none.com",
        "n/a@x.example",
        "unknown@unknown.example",
        "mailto:noemail@x.example",
        "mailer-daemon@x.example",
    ],
)
def test_an_address_nobody_reads_identifies_no_one(address: str) -> None:
    assert email_key(address) == ""


@pytest.mark.parametrize(
    "value", ["Ann", "Acme", "x", "NA Lab", "Nonet Ltd", "reply@x.example", "ana@none.example"]
)
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)
    assert email_key("ana@none.example") == "ana@none.example"


@pytest.mark.parametrize(
    ("fmt", "name", "people"),
    [
        ("csv", "placeholder_emails.csv", 10),
        ("linkedin", "placeholder_linkedin.csv", 4),
        ("vcard", "placeholder_cards.vcf", 4),
    ],
)
def test_people_sharing_a_placeholder_are_all_imported(
    store: Store, fmt: str, name: str, people: int
) -> None:
    report = exchange.import_file(store, fmt, DATA / name)
    assert (report.added, report.merged, sum(report.skipped.values())) == (people, 0, 0)
    contacts = store.contacts.all()
    assert len(contacts) == people
    kept = {c.email for c in contacts} | {c.organization for c in contacts}
    assert not kept & {"-", "n/a", "N/A", "none", "unknown", "?"}, "a placeholder is no value"
    again = exchange.import_file(store, fmt, DATA / name)
    assert again.added == 0 and store.contacts.count() == people, "a re-import adds nobody"


def test_a_placeholder_in_a_backup_matches_no_one(store: Store) -> None:
    store.contacts.add(Contact(name="Ann Ames", email="-"))
    assert store.contacts.find_match(email="-") is None
    assert store.contacts.find_match(email="noreply@x.example") is None


def test_a_second_row_of_one_person_keeps_its_phone_and_title(store: Store) -> None:
    report = exchange.import_file(store, "csv", DATA / "second_phone.csv")
    assert (report.added, report.merged) == (1, 1)
    assert report.values_added == {"phone": 1, "title": 1}
    assert "1 added, 1 merged, 1 phone added, 1 title added, 1 skipped" in report.summary()
    (ann,) = store.contacts.all()
    assert (ann.phone, ann.title) == ("+1 555 0101", "Curator")
    assert store.notes.research(ann.id) == "Other phone: +1 555 0199"
    again = exchange.import_file(store, "csv", DATA / "second_phone.csv")
    assert (again.added, again.merged, again.values_added) == (0, 0, {})


def test_a_duplicate_card_keeps_its_second_phone_email_title_and_note(store: Store) -> None:
    report = exchange.import_file(store, "vcard", DATA / "duplicate_card.vcf")
    assert (report.added, report.merged) == (1, 1)
    assert report.values_added == {"title": 1, "email": 1, "phone": 1}
    (kai,) = store.contacts.all()
    assert kai.title == "Archivist"
    assert store.notes.research(kai.id).splitlines() == [
        "Met at the archive day",
        "Other email: kai.berg@home.example",
        "Other phone: +47 22 00 00 02",
    ]
    assert store.contacts.find_match(email="kai.berg@home.example") == kai.id


def test_a_match_with_a_stored_contact_keeps_further_values_on_one_line(store: Store) -> None:
    mine = store.contacts.add(Contact(name="Ann Ames", email="ann@ames.example", phone="1"))
    store.notes.save_research(mine.id, "Other phone: 2")
    data = b"Name,Email,Phone,Mobile\nAnn Ames,ann@ames.example,3,2\n"
    report = exchange.import_bytes(store, "csv", data, "more.csv")
    assert report.merged == 1 and report.values_added == {"phone": 1}
    assert store.notes.research(mine.id) == "Other phone: 2, 3"


def test_a_placeholder_url_is_no_value(store: Store) -> None:
    exchange.import_file(store, "linkedin", DATA / "placeholder_linkedin.csv")
    assert {c.url for c in store.contacts.all()} == {""}
