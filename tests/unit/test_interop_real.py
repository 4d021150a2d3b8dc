"""Every real file from other programs' test suites (tests/unit/data/interop-real, see its
SOURCES.md): sound ones import fully, broken ones are refused in one line naming why."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.interop.records import ImportFormatError
from coffeechat.store import Store
from coffeechat.usecases import exchange

REAL = Path(__file__).parent / "data" / "interop-real"

# file: (people, {name: {field: value}}) — spot checks of what each file holds.
SOUND = {
    "csv/gpcsolutions__outlook.csv": (3, {
        "Adam Glacius": {"email": "adam.glacius@anycom.com", "organization": "Acme Inc.",
                         "title": "Sales Planner", "phone": "+1 555 3227 8544"},
    }),
    "csv/thunderbird__basic_csv_addressbook.csv": (2, {"Jane Doe": {"email": "jane@doe.invalid"}}),
    "csv/thunderbird__csv_semicolon.csv": (2, {"John Doe": {"email": "john@doe.invalid"}}),
    "csv/thunderbird__export.csv": (2, {
        "contact number two": {"email": "contact2@invalid", "title": '"worker"'},
    }),
    "vcard/desloovere__examples_assets_contacts.vcf": (5, {
        "Ludwig-Götz Graßl": {"email": "ludwig-goetz@ludwig-goetz-grassl.org", "title": "Rentner"},
    }),
    "vcard/desloovere__tests_example.vcf": (1, {
        "Jeroen Desloovere": {"email": "site@example.com", "url": "http://www.jeroendesloovere.be"},
    }),
    "vcard/desloovere__tests_invalid_encoding.vcf": (1, {
        "Jeroen Desloovere": {"email": "site@example.com"},
    }),
    "vcard/ezvcard__John_Doe_ANDROID.vcf": (6, {
        "john.doe@company.com": {"email": "john.doe@company.com"},
        "Ñ Ñ Ñ Ñ": {"email": "bob@company.com", "phone": "123456", "organization": "ÑÑÑÑÑÑÑÑÑÑÑÑ"},
    }),
    "vcard/ezvcard__John_Doe_BLACK_BERRY.vcf": (1, {
        "John Doe": {"phone": "+96123456789", "organization": "Acme Solutions"},
    }),
    "vcard/ezvcard__John_Doe_EVOLUTION.vcf": (1, {
        "Mr. John Richter, James Doe Sr.": {"email": "john.doe@ibm.com", "organization": "IBM",
                                            "title": "Money Counter"},
    }),
    "vcard/ezvcard__John_Doe_GMAIL.vcf": (1, {
        "Mr. John Richter, James Doe Sr.": {"email": "john.doe@ibm.com", "phone": "905-555-1234"},
    }),
    "vcard/ezvcard__John_Doe_IPHONE.vcf": (1, {
        "Mr. John Richter James Doe Sr.": {"email": "john.doe@ibm.com", "organization": "IBM",
                                           "title": "Money Counter", "phone": "905-555-1234"},
    }),
    "vcard/ezvcard__John_Doe_LOTUS_NOTES.vcf": (1, {
        "Mr. Doe John I Johny": {"email": "john.doe@ibm.com", "title": "Generic Accountant"},
    }),
    "vcard/ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf": (1, {
        "Mr. John Richter,James Doe Sr.": {"email": "john.doe@ibm.com", "phone": "905-777-1234"},
    }),
    "vcard/ezvcard__John_Doe_MS_OUTLOOK.vcf": (1, {
        "Mr. John Richter James Doe Sr.": {"email": "john.doe@ibm.cm", "organization": "IBM"},
    }),
    "vcard/ezvcard__fullcontact.vcf": (1, {
        "Prefix FirstName MiddleName LastName Suffix": {
            "email": "work@example.com", "organization": "Organization1", "title": "Title1",
            "given_name": "FirstName MiddleName", "family_name": "LastName"},
    }),
    "vcard/ezvcard__gmail-list.vcf": (3, {"Doug White": {"email": "dwhite@gmail.com"}}),
    "vcard/ezvcard__gmail-single.vcf": (1, {
        "Greg Dartmouth": {"email": "gdartmouth@hotmail.com", "organization": "TheCompany",
                           "title": "TheJobTitle", "phone": "555 555 1111"},
    }),
    "vcard/ezvcard__gmail-single2.vcf": (1, {"VCard Test": {"email": "workemail@example.com"}}),
    "vcard/ezvcard__issue114.vcf": (1, {
        "Dummy, Dummy": {"email": "dummy.dummy@dummy.com", "organization": "Dummy GmbH"},
    }),
    "vcard/ezvcard__outlook-2003.vcf": (1, {
        "John Doe III": {"email": "jdoe@hotmail.com", "title": "The Job Title"},
    }),
    "vcard/ezvcard__outlook-2007.vcf": (1, {
        "Mr. Michael Angstadt Jr.": {"email": "mike.angstadt@gmail.com",
                                     "organization": "TheCompany"},
    }),
    "vcard/ezvcard__rfc2426-example.vcf": (2, {
        "Frank Dawson": {"email": "Frank_Dawson@Lotus.com",
                         "organization": "Lotus Development Corporation"},
        "Tim Howes": {"email": "howes@netscape.com", "phone": "+1-415-937-3419"},
    }),
    "vcard/ezvcard__rfc6350-example.vcf": (1, {
        "Simon Perreault": {"email": "simon.perreault@viagenie.ca", "organization": "Viagenie"},
    }),
    "vcard/ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf": (1, {
        "John Doe": {"email": "doe.john@hotmail.com", "organization": "TheOrganization",
                     "title": "TheTitle"},
    }),
    "vcard/folker__AnsiIssue.vcf": (1, {"Ralf Rastral": {"family_name": "Rastral"}}),
    "vcard/folker__LabelIssue.vcf": (1, {
        "Rudi Wimmel": {"email": "Wimmel@wurstdarm.de", "organization": "Wurstdarm KG",
                        "title": "Compliance Officer"},
    }),
    "vcard/folker__LargeFile.vcf": (1000, {}),
    "vcard/folker__Library_v2.vcf": (1, {
        "Herr Max Anderer Mustermann sen.": {"email": "max.mustermann@musterfirma.de",
                                             "organization": "Musterfirma GmbH"},
    }),
    "vcard/folker__MultiAnsiFilterTests_German.vcf": (1, {
        "Sören Täve Nüßlebaum": {"family_name": "Nüßlebaum"},
    }),
    "vcard/folker__MultiAnsiFilterTests_Greek.vcf": (1, {
        "Βαγγέλης": {"family_name": "Παπαθανασίου"},
    }),
    # 8-bit text with no charset named: detected (Windows-1252).
    "vcard/folker__MultiAnsiFilterTests_v3Ansi.vcf": (2, {
        "KMS Außenstelle": {"email": "blablö@blub.com", "organization": "KMS Außenstelle"},
    }),
    "vcard/folker__MultiAnsiFilterTests_v3Utf16Bom.vcf": (2, {
        "KMS Außenstelle": {"email": "blablö@blub.com", "organization": "KMS Außenstelle"},
    }),
    "vcard/folker__NextCloudPhotoIssue2.vcf": (1, {"xxx": {"organization": "xxx"}}),
    "vcard/folker__NextCloudPhotoIssue3.vcf": (1, {"yyy": {"title": "yyy"}}),
    "vcard/folker__Outlook_v2.vcf": (1, {
        "Herr Max Anderer Mustermann sen.": {"title": "Musterposition"},
    }),
    # A card holding only a photo and Outlook's card layout: nobody to import.
    "vcard/folker__Photo_Outlook_v2.vcf": (0, {}),
    "vcard/folker__Photo_v3.vcf": (1, {
        "Emma Musterfrau": {"email": "emma.musterfrau@googlemail.com"},
    }),
    "vcard/folker__Utf-8_Greek.vcf": (1, {"Βαγγέλης": {"given_name": "Ευάγγελος Οδυσσέας"}}),
    "vcard/folker__Utf-8_Hebrew.vcf": (1, {"אפרים קישון": {"family_name": "Kishon"}}),
    "vcard/folker__Utf-8_Ukrainian.vcf": (1, {
        "Віталій Володи́мирович Кличко́": {"family_name": "Кличко́"},
    }),
    "vcard/folker__WhatsAppIssue.vcf": (1, {"zzMad Perla 45": {"phone": "7yy-zzz-xxx"}}),
    "vcard/folker__v2_1.vcf": (1, {
        "Maxl": {"email": "privat@folker-kinzel.de", "organization": "Firma", "title": "Position"},
    }),
    "vcard/folker__v3.vcf": (2, {"Folker Kinzel": {"email": "email1@wumms.de"}}),
    "vcard/folker__v4.vcf": (2, {
        "Möhrke Gerda": {"email": "info@kinderland-blubblub.de", "organization": "KiTa Öhrdingen"},
    }),
    "vcard/thunderbird__dos_vcard_addressbook.vcf": (1, {
        "Name Surname": {"email": "example@gmail.com"},
    }),
    "vcard/thunderbird__export.vcf": (2, {"contact number two": {"email": "contact2@invalid"}}),
    "vcard/vcard4android__allfields-vcard3.vcf": (1, {
        "Ämi Display": {"email": "private@example.com", "organization": "ABC, Inc.",
                        "title": "Director, Research and Development"},
    }),
    "vcard/vcard4android__strange-rev.vcf": (1, {"Name Name": {"phone": "+49000000"}}),
    "vcard/vcard4android__unknown-properties-with-labels.vcf": (1, {
        "Unknown property with label": {},
    }),
    "vcard/vcard4android__vcard4.vcf": (1, {"VCard 4 Test": {"uid": "vcard4test"}}),
    # Three cards of one person (Apple's duplicate-contacts test): three UIDs, three
    # entries, listed as possible duplicates rather than merged.
    "vcard/vcardimport__amelie-alpha-3x.vcf": (3, {}),
    "vcard/vobject__radicale-1587.vcf": (1, {
        "Given Family": {"given_name": "Given Additional", "family_name": "Family"},
    }),
}  # fmt: skip

BROKEN = {
    "vcard/folker__Cropped_2_1.vcf": "line 1: truncated card: BEGIN:VCARD without END:VCARD",
    "vcard/folker__Empty.vcf": "empty file",
}


def test_every_real_file_is_accounted_for() -> None:
    files = {
        p.relative_to(REAL).as_posix() for p in REAL.rglob("*") if p.suffix in (".vcf", ".csv")
    }
    assert files == set(SOUND) | set(BROKEN)
    listed = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"| {name} |" in listed for name in files), "each file's origin is recorded"


def _fmt(name: str) -> str:
    return "vcard" if name.endswith(".vcf") else "csv"


@pytest.mark.parametrize("name", sorted(SOUND))
def test_sound_real_file_imports_fully(store: Store, name: str) -> None:
    count, checks = SOUND[name]
    report = exchange.import_file(store, _fmt(name), REAL / name)
    assert report.added == store.contacts.count() == count
    assert report.merged == 0 and report.skipped.get("already present", 0) == 0
    people = {}
    for contact in store.contacts.all():
        people.setdefault(contact.name, contact)
    for person, fields in checks.items():
        assert person in people, sorted(people)[:10]
        for field, want in fields.items():
            assert getattr(people[person], field) == want, (person, field)
    again = exchange.import_file(store, _fmt(name), REAL / name)
    assert again.added == 0 and store.contacts.count() == count, "a re-import adds nobody"


def test_every_email_phone_organization_and_title_of_a_sound_card_is_kept(store: Store) -> None:
    exchange.import_file(store, "vcard", REAL / "vcard/ezvcard__John_Doe_ANDROID.vcf")
    bob = next(c for c in store.contacts.all() if c.email == "bob@company.com")
    note = store.notes.research(bob.id)
    assert "Other email: ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ" in note
    assert "Other phone: 123456" not in note, "one number written three times is one number"
    assert "Other organization: " in note and "Other URL: http://www.company.com" in note


def test_three_cards_of_one_name_stay_three_possible_duplicates(store: Store) -> None:
    exchange.import_file(store, "vcard", REAL / "vcard/vcardimport__amelie-alpha-3x.vcf")
    titles = sorted(c.title for c in store.contacts.all())
    assert titles == ["Another Duplicated Test Subject", "Duplicated Test Subject", "Test Subject"]
    assert len(store.duplicates.possible()) == 3


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_real_file_is_refused_in_one_line(store: Store, name: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        exchange.import_file(store, _fmt(name), REAL / name)
    message = str(caught.value)
    assert message.startswith(str(REAL / name))
    assert BROKEN[name] in message
    assert "\n" not in message
    assert store.contacts.count() == 0
