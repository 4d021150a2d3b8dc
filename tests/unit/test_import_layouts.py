"""Each export layout met in the wild imports with every field coffeechat has a place for.

The files in tests/unit/data carry the exact header rows the programs write.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from coffeechat.interop import csv_generic, linkedin, vcard
from coffeechat.interop.records import ImportFormatError
from coffeechat.interop.text_decoding import decode_text
from coffeechat.store import Store
from coffeechat.usecases import exchange

DATA = Path(__file__).parent / "data"


def _by_name(store: Store) -> dict:
    return {c.name: c for c in store.contacts.all()}


def test_google_contacts_current_layout(store: Store) -> None:
    report = exchange.import_file(store, "csv", DATA / "google_contacts.csv")
    assert report.added == 3 and not report.skipped
    # Addresses have no place in coffeechat: reported, never silently dropped.
    assert report.unknown_columns == ["Address 1 - Formatted", "Address 1 - City"]
    people = _by_name(store)
    maria = people["Dr. Maria José da Silva Okafor"]
    assert (maria.given_name, maria.family_name) == ("Maria José", "da Silva Okafor")
    assert maria.organization == "Northbridge Biologics"
    assert maria.title == "Director of Translational Science"
    assert maria.email == "maria@northbridge.example"
    assert maria.phone == "+1 617 555 0199", "the mobile number comes first"
    assert maria.url == "https://www.linkedin.com/in/maria-okafor"
    assert maria.tags == "Alumni, Biotech", "labels without Google's system groups"
    note = store.notes.research(maria.id)
    assert "Met at the ASCB poster session" in note
    assert "Other email: maria.okafor@mail.example" in note
    assert "Other phone: +1 617 555 0101" in note
    assert "Unit: Translational Medicine" in note
    # A row naming only an organization is kept, named by it.
    foundation = people["Harbor Health Foundation"]
    assert foundation.organization == "Harbor Health Foundation"
    assert foundation.email == "info@harbor.example" and foundation.tags == ""
    assert "Kenji Tanaka" in people


def test_google_contacts_older_layout(store: Store) -> None:
    report = exchange.import_file(store, "csv", DATA / "google_contacts_older.csv")
    assert report.added == 2 and not report.skipped and report.unknown_columns == []
    people = _by_name(store)
    priya = people["Priya Raman"]
    assert (priya.given_name, priya.family_name) == ("Priya", "Raman")
    assert (priya.organization, priya.title) == ("Independent", "Science Writer")
    assert (priya.email, priya.phone) == ("priya@raman.example", "+44 7700 900123")
    assert priya.url == "https://priya.example" and priya.tags == "Writers"
    assert "Other email: p.raman@wired.example" in store.notes.research(priya.id)
    lumen = people["Lumen Labs"]
    assert (lumen.organization, lumen.phone) == ("Lumen Labs", "+1 555 0100")


@pytest.mark.parametrize("name", ["outlook_contacts.csv", "outlook_contacts_semicolon.csv"])
def test_outlook_layout_comma_or_semicolon(store: Store, name: str) -> None:
    report = exchange.import_file(store, "csv", DATA / name)
    assert report.added == 2 and not report.skipped
    # Addresses have no place in coffeechat: reported, never silently dropped. Outlook's
    # per-row bookkeeping (Sensitivity, Priority…) and its honorific "Title" are not.
    assert report.unknown_columns == ["Business City"]
    people = _by_name(store)
    tom = people["Tom Lindqvist Jr."]
    assert (tom.given_name, tom.family_name) == ("Tom", "Lindqvist")
    assert tom.title == "Patient Advocacy Lead", "Job Title, not the honorific"
    assert tom.organization == "Harbor Health, Inc."
    assert tom.email == "tom.lindqvist@harbor.example"
    assert tom.phone == "+46 70 555 0101"
    assert tom.url == "https://harbor.example/tom"
    assert tom.tags == "Patients, Advocacy"
    note = store.notes.research(tom.id)
    assert "Runs the patient advocacy team" in note
    assert "Other email: tom@lindqvist.example" in note
    assert "Other phone: +46 8 555 0102, +46 8 555 0000" in note
    assert "Unit: Patient Services" in note
    emile = people["Émile Dubois"]
    assert (emile.organization, emile.title) == ("Lumen Labs", "Research Scientist")


@pytest.mark.parametrize("name", ["thunderbird_contacts.csv", "thunderbird_contacts_semicolon.csv"])
def test_thunderbird_layout_comma_or_semicolon(store: Store, name: str) -> None:
    report = exchange.import_file(store, "csv", DATA / name)
    assert report.added == 2 and not report.skipped and report.unknown_columns == []
    people = _by_name(store)
    noor = people["Noor Haddad"]
    assert (noor.organization, noor.title) == ("American University", "Professor")
    assert (noor.email, noor.phone) == ("noor@haddad.example", "+961 3 555 011")
    assert noor.url == "https://linkedin.com/in/noorhaddad/", "the LinkedIn page wins"
    note = store.notes.research(noor.id)
    assert "Ask about the core facility" in note
    assert "Other URL: https://uni.example/haddad" in note
    assert "Other email: n.haddad@uni.example" in note
    lena = people["Dr. Lena Chen"]
    assert (lena.given_name, lena.family_name) == ("Lena", "Chen")


def test_linkedin_older_export_without_url_and_with_times(store: Store) -> None:
    report = exchange.import_file(store, "linkedin", DATA / "linkedin_older.csv")
    assert report.added == 2
    samuel = _by_name(store)["Samuel Adeyemi"]
    assert samuel.connected_on == "2018-01-08"
    assert (samuel.organization, samuel.title) == ("Rocket Bio", "Venture Partner")
    assert samuel.email == "samuel@adeyemi.example" and samuel.url == ""
    assert _by_name(store)["Ingrid Berg"].connected_on == "2017-12-24"


def test_linkedin_resaved_dates_and_member_urns(store: Store) -> None:
    exchange.import_file(store, "linkedin", DATA / "linkedin_resaved.csv")
    people = _by_name(store)
    aisha = people["Aisha Osei"]
    assert aisha.email == "", "urn:li:member:… is not an email"
    assert aisha.connected_on == "2023-04-23"
    assert (aisha.given_name, aisha.family_name) == ("Aisha", "Osei")
    assert people["Ravi Kim"].connected_on == "2024-01-02"


def test_linkedin_keeps_first_and_last_as_given() -> None:
    parsed = linkedin.parse(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Mary Ann,van der Berg,,,,,\n",
        "c.csv",
    )
    (record,) = parsed.records
    assert (record.contact.given_name, record.contact.family_name) == ("Mary Ann", "van der Berg")


# --- vCard -----------------------------------------------------------------------------


def test_vcard_charset_parameter_is_honoured() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1252:M\xfcller;J\xfcrgen\r\n"
        b"FN;CHARSET=Windows-1252:J\xfcrgen M\xfcller\r\n"
        b"ORG;CHARSET=ISO-8859-1:Fa\xe7ade GmbH\r\nEND:VCARD\r\n"
    )
    (record,) = vcard.parse(data, "w.vcf").records
    assert record.contact.name == "Jürgen Müller"
    assert (record.contact.given_name, record.contact.family_name) == ("Jürgen", "Müller")
    assert record.contact.organization == "Façade GmbH"


def test_vcard_utf16_with_bom_is_text() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ωmega\r\nEMAIL:zoe@x.example\r\nEND:VCARD\r\n"
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text.encode("utf-16")):
        (record,) = vcard.parse(data, "u.vcf").records
        assert (record.contact.name, record.contact.email) == ("Zoë Ωmega", "zoe@x.example")


def test_vcard_cr_cr_lf_line_ends() -> None:
    data = b"BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Ada\r\r\nTITLE:Countess\r\r\nEND:VCARD\r\r\n"
    (record,) = vcard.parse(data, "cr.vcf").records
    assert (record.contact.name, record.contact.title) == ("Ada", "Countess")


def test_vcard_second_values_are_kept_in_the_note() -> None:
    data = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nNOTE:First note\nNOTE:Second note\n"
        b"ORG:Analytical Engines;Design\nORG:Royal Society\nTITLE:Countess\nTITLE:Mathematician\n"
        b"EMAIL:ada@a.example\nEMAIL:ada@b.example\nTEL;TYPE=CELL:1\nTEL;TYPE=HOME:2\nEND:VCARD\n"
    )
    (record,) = vcard.parse(data, "two.vcf").records
    contact = record.contact
    assert (contact.organization, contact.title) == ("Analytical Engines", "Countess")
    assert (contact.email, contact.phone) == ("ada@a.example", "1")
    assert record.full_note().splitlines() == [
        "First note",
        "Second note",
        "Unit: Design",
        "Other organization: Royal Society",
        "Other title: Mathematician",
        "Other email: ada@b.example",
        "Other phone: 2",
    ]
    assert record.other_emails == ("ada@b.example",)


def test_vcard_with_only_an_email_or_only_an_organization_is_named_by_it() -> None:
    data = (
        b"BEGIN:VCARD\nVERSION:3.0\nEMAIL:solo@x.example\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nORG:Acme Labs\nEND:VCARD\n"
    )
    first, second = vcard.parse(data, "n.vcf").records
    assert (first.contact.name, first.contact.email) == ("solo@x.example", "solo@x.example")
    assert (second.contact.name, second.contact.organization) == ("Acme Labs", "Acme Labs")


def test_a_bom_does_not_shift_the_bad_byte() -> None:
    data = b"\xef\xbb\xbfName,Email\nAda,a@b.c\n\x01\x02\x03\x80\x81,x\n"
    with pytest.raises(ImportFormatError) as caught:
        decode_text(data, "x.csv")
    assert caught.value.line == 3
    with pytest.raises(ImportFormatError, match=r"line 3: unreadable text \(.*\); save it as"):
        csv_generic.parse(data, "x.csv")


def test_a_bom_file_with_one_latin1_line_keeps_both() -> None:
    data = b"\xef\xbb\xbfName,Email\nAd\xc3\xa9le,a@b.c\nRen\xe9,r@b.c\n"
    names = [r.contact.name for r in csv_generic.parse(data, "x.csv").records]
    assert names == ["Adéle", "René"]
    (card,) = vcard.parse(b"\xef\xbb\xbfBEGIN:VCARD\nFN:Ren\xe9\nEND:VCARD\n", "v.vcf").records
    assert card.contact.name == "René"
