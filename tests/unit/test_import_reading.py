"""Every sound file reads: one text decoder for every format, vCards as exporters really
write them (tests/unit/data/imports), and one message for what cannot be read."""

from __future__ import annotations

import base64
import quopri
from functools import partial
from pathlib import Path

import pytest

from coffeechat.interop import csv_generic, json_backup, linkedin, vcard
from coffeechat.interop.records import ImportFormatError
from coffeechat.store import Store
from coffeechat.store.snapshot import VERSION
from coffeechat.usecases import exchange

DATA = Path(__file__).parent / "data" / "imports"
PARSERS = {"csv": csv_generic.parse, "linkedin": linkedin.parse, "vcard": vcard.parse}


def _people(store: Store) -> dict[str, object]:
    return {c.name: c for c in store.contacts.all()}


def test_a_fold_inside_a_utf8_character_is_mended(store: Store) -> None:
    report = exchange.import_file(store, "vcard", DATA / "owncloud_fold_inside_character.vcf")
    assert report.added == 1
    (person,) = store.contacts.all()
    assert person.name == "Дмитрий Шостакович Дмитриевич"
    assert "Встреча на конференции в Москве" in store.notes.research(person.id)


def test_loose_property_names_groups_slashes_and_dashes(store: Store) -> None:
    exchange.import_file(store, "vcard", DATA / "kde_property_names.vcf")
    (greg,) = store.contacts.all()
    assert (greg.email, greg.phone) == ("greg@example.pl", "+48 600 000 001")
    assert greg.family_name == "Brzęczyszczykiewicz"


def test_a_bare_property_is_an_empty_value(store: Store) -> None:
    exchange.import_file(store, "vcard", DATA / "evolution_bare_property.vcf")
    (anna,) = store.contacts.all()
    assert (anna.name, anna.email) == ("Anna Kowalska", "anna@kowalska.example")


def test_a_card_with_only_a_url_is_a_person(store: Store) -> None:
    report = exchange.import_file(store, "vcard", DATA / "url_only.vcf")
    assert report.added == 2 and not report.skipped
    urls = {c.name: c.url for c in store.contacts.all()}
    assert urls == {
        "linkedin.com/in/ana-silva": "https://www.linkedin.com/in/ana-silva/",
        "example.org/~bo": "https://example.org/~bo",
    }
    again = exchange.import_file(store, "vcard", DATA / "url_only.vcf")
    assert again.added == 0


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("csv", "utf16_bom.csv"),
        ("csv", "utf16_no_bom.csv"),
        ("csv", "cp1252.csv"),
        ("vcard", "cp1252_no_charset.vcf"),
    ],
)
def test_every_format_reads_utf16_and_8_bit_text(store: Store, fmt: str, name: str) -> None:
    report = exchange.import_file(store, fmt, DATA / name)
    assert report.added == len(store.contacts.all()) >= 1
    soren = _people(store)["Søren Ærø"]
    assert (soren.email, soren.organization) == ("soren@aero.example", "Ålborg Universitet")


def test_linkedin_export_saved_by_a_windows_spreadsheet(store: Store) -> None:
    exchange.import_file(store, "linkedin", DATA / "linkedin_cp1252.csv")
    (jose,) = store.contacts.all()
    assert (jose.name, jose.organization) == ("José Núñez", "Café Müller")


def test_a_utf8_file_with_one_latin1_line_keeps_both(store: Store) -> None:
    exchange.import_file(store, "csv", DATA / "utf8_with_one_latin1_line.csv")
    assert set(_people(store)) == {"Łukasz Żółć", "Renée Dupré"}


@pytest.mark.parametrize("fmt", [*PARSERS, "json"])
def test_what_cannot_be_read_is_refused_in_one_message_style(fmt: str) -> None:
    parse = PARSERS.get(fmt, partial(json_backup.parse, newest=VERSION))
    data = b"Name,Email\nAda,a@b.c\n\x89PNG\x00\x01\x02"
    with pytest.raises(ImportFormatError) as caught:
        parse(data, "photo.png")
    assert str(caught.value) == "photo.png, line 3: unreadable text (binary data); save it as UTF-8"


def test_a_broken_utf16_file_is_refused_in_the_same_style() -> None:
    with pytest.raises(ImportFormatError, match=r"unreadable text \(broken UTF-16 at byte"):
        csv_generic.parse(b"\xff\xfeN\x00a\x00\x00\xd8", "wide.csv")


def test_a_large_quoted_printable_card_reads_whole(store: Store) -> None:
    """A 4 MB quoted-printable PHOTO (a few thousand soft breaks) beside the person:
    joined in linear time (benchmarks/ times it); here, nothing of the card is lost."""
    blob = quopri.encodestring(base64.b64encode(bytes(range(256)) * 11_000))
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Aas;Henrik\r\nFN:Henrik Aas\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=B8tt p=C3=A5 =\r\nseminaret\r\n"
        b"PHOTO;ENCODING=QUOTED-PRINTABLE:" + blob.replace(b"\n", b"\r\n") + b"\r\n"
        b"EMAIL:henrik@aas.example\r\nEND:VCARD\r\n"
    )
    assert len(card) > 3_800_000
    exchange.import_bytes(store, "vcard", card, "big.vcf")
    (henrik,) = store.contacts.all()
    assert henrik.email == "henrik@aas.example"
    assert store.notes.research(henrik.id) == "Møtt på seminaret"
