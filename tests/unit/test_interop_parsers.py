"""Parsers on realistic, nasty files: the shared fixtures and our own worse ones."""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.interop import csv_generic, json_backup, linkedin, vcard
from coffeechat.interop.records import ImportFormatError

DATA = Path(__file__).parent / "data"
# Copies of the project's shared sample exports, kept in the repository so a clean
# clone tests them too.
SHARED = DATA / "shared"


def shared(name: str) -> bytes:
    return (SHARED / name).read_bytes()


def test_linkedin_shared_sample() -> None:
    parsed = linkedin.parse(shared("linkedin_connections_sample.csv"), "c.csv")
    names = [r.contact.name for r in parsed.records]
    assert names[:3] == ["Maria Okafor", "Tom Lindqvist", "Priya Raman"]
    tom = parsed.records[1].contact
    assert tom.organization == "Harbor Health, Inc."
    assert tom.email == "tom.lindqvist@example.org"
    assert tom.connected_on == "2023-11-19"
    assert parsed.records[0].contact.email == ""
    assert parsed.records[0].line == 5


def test_linkedin_bom_crlf_preamble_quotes_and_unicode() -> None:
    parsed = linkedin.parse((DATA / "linkedin_nasty.csv").read_bytes(), "c.csv")
    by_line = {r.line: r.contact for r in parsed.records}
    assert by_line[5].name == "José García Márquez"
    assert by_line[5].organization == "Laboratorios Andinos, S.A."
    assert by_line[5].connected_on == "2023-03-15"
    assert by_line[6].name == "Wei 张"
    assert by_line[6].organization == "北京大学"
    assert by_line[7].name == "Sam 🚀 O'Neil Jr."
    assert by_line[7].title == 'Head of "Moonshots"'
    # A quoted newline inside a cell: the row spans lines 8-9; the next starts at 12.
    assert by_line[8].title == "Research Fellow (part-time)"
    assert 12 in by_line
    assert by_line[13].name.startswith("[bold red]Mallory[/]")  # stored as given
    assert parsed.skipped == [(11, "no name")]
    assert all(r.contact.how_found == "LinkedIn" for r in parsed.records)


def test_linkedin_without_header_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="not a LinkedIn Connections export"):
        linkedin.parse(b"Name,Email\nA,a@b.c\n", "other.csv")


def test_linkedin_unclosed_quote_names_the_line() -> None:
    data = b'First Name,Last Name,URL\nAna,Silva,x\nBo,"Unclosed,y\n'
    with pytest.raises(ImportFormatError) as caught:
        linkedin.parse(data, "cut.csv")
    assert str(caught.value).startswith("cut.csv, line 3:")


def test_an_export_in_latin1_is_read_in_its_charset() -> None:
    data = "First Name,Last Name\nJosé,Núñez\n".encode("latin-1")
    (record,) = linkedin.parse(data, "latin.csv").records
    assert record.contact.name == "José Núñez"


def test_vcard_shared_sample() -> None:
    parsed = vcard.parse(shared("contacts_sample.vcf"), "c.vcf")
    lena, sam = (r for r in parsed.records)
    assert lena.contact.name == "Dr. Lena Chen"
    assert lena.contact.organization == "Meridian Research Institute"
    assert lena.contact.phone == "+1 617 555 0142"
    assert "ASHG poster session" in lena.full_note()
    assert "Genomics Core" in lena.full_note()
    assert sam.contact.url == "https://example.com/team/samuel"


def test_vcard_apple_folded_grouped_quoted_printable_photo() -> None:
    parsed = vcard.parse((DATA / "apple_iphone.vcf").read_bytes(), "apple.vcf")
    jm, elodie = parsed.records
    assert jm.contact.name == "Prof. Dr. Jürgen Müller"
    assert jm.contact.organization == "Universität Zürich"
    assert "Unit: Institut für Biochemie" in jm.full_note()
    assert jm.contact.title == "Head of the Protein Lab, Group Leader"
    assert jm.contact.email == "j.mueller@example.ch"  # item1.EMAIL, type=pref
    assert jm.other_emails == ("jm@work.example",)
    assert jm.contact.phone == "+41 44 635 11 11"  # the pref one, though listed second
    assert jm.contact.url == "https://www.linkedin.com/in/jmueller"
    assert jm.note.startswith("Met at EMBO 2024.\nAsked about the move to industry; follow")
    assert jm.contact.tags == "conference, biochem"
    assert elodie.contact.name == "Élodie Dupré de la Fontaine-Saint-Germain"
    assert elodie.note == "Café après le séminaire"
    assert elodie.contact.phone == "+33 6 12 34 56 78"
    assert elodie.line == 21


def test_vcard_google_and_v4() -> None:
    parsed = vcard.parse((DATA / "google_mixed.vcf").read_bytes(), "g.vcf")
    li, amara, acme = parsed.records
    assert li.contact.name == "李 小龍 🎉"
    assert li.contact.email == "li@example.cn"  # WORK preferred over HOME
    assert amara.contact.email == "amara@example.ng"
    assert amara.contact.phone == "+234-555-0100"  # tel: URI of vCard 4.0
    assert acme.contact.name == "Acme Reagents"  # no FN/N: named after the ORG


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\nEMAIL:a@b.c\n", 1, "truncated card"),
        (b"BEGIN:VCARD\nFN:A\nEND:VCARD\nhello world\n", 4, "expected BEGIN:VCARD"),
        (b"BEGIN:VCARD\nFN:A\n;x:y\nEND:VCARD\n", 3, "not a vCard property"),
        (b"FN:No Begin\nEND:VCARD\n", 1, "expected BEGIN:VCARD"),
        (b"", None, "empty file"),
    ],
)
def test_bad_vcards_name_file_and_line(data: bytes, line: int | None, reason: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        vcard.parse(data, "bad.vcf")
    assert caught.value.line == line
    assert reason in str(caught.value)
    assert str(caught.value).startswith("bad.vcf")


def test_generic_csv_maps_headers_and_reports_unknown_columns() -> None:
    data = (
        b"Full Name;E-mail;Company;Job Title;LinkedIn;Notes;Favourite colour\r\n"
        b"Ada Lovelace;ada@example.org;Analytical Engines;Countess;https://x.example/ada;"
        b'"Line one\r\nline two";green\r\n'
        b";nobody@example.org;;;;;\r\n"
    )
    parsed = csv_generic.parse(data, "people.csv")
    ada, nameless = parsed.records
    assert ada.contact.email == "ada@example.org"
    assert ada.contact.organization == "Analytical Engines"
    assert ada.contact.title == "Countess"
    assert ada.note == "Line one\nline two"
    assert parsed.unknown_columns == ["Favourite colour"]
    # A row with no name is kept, named by what it has, rather than dropped.
    assert nameless.contact.name == nameless.contact.email == "nobody@example.org"
    assert parsed.skipped == []


def test_generic_csv_without_name_column_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="line 1: no name column"):
        csv_generic.parse(b"Email,Company\na@b.c,X\n", "x.csv")


PARSERS = [
    linkedin.parse,
    vcard.parse,
    csv_generic.parse,
    functools.partial(json_backup.parse, newest=2),
]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
@pytest.mark.parametrize("parse", PARSERS)
def test_parsers_raise_only_the_clean_error(parse, data: bytes) -> None:
    try:
        parse(data, "fuzz")
    except ImportFormatError as error:
        assert str(error).startswith("fuzz")
        assert "\n" not in str(error)


VCARD_LINE = st.sampled_from(
    ["BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "FN:A", "N:;;", "EMAIL;TYPE=a,b:x@y", " folded",
     "item1.TEL;PREF:1", "NOTE;ENCODING=QUOTED-PRINTABLE:a=", "ORG:a\\;b;c", ":", ";;", "=C3"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(VCARD_LINE, max_size=30))
def test_vcard_parser_on_shuffled_card_lines(lines: list[str]) -> None:
    with contextlib.suppress(ImportFormatError):
        vcard.parse("\r\n".join(lines).encode(), "fuzz.vcf")
