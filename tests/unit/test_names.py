"""Names read as people write them: titles, suffixes, "Last, First", particles, single
names; letters greet by the form chosen per contact, and the checker flags a greeting
that is only a title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coffeechat.domain.draft_checker import check_draft
from coffeechat.domain.names import (
    NameParts,
    greeting_name,
    is_only_a_title,
    parse_name,
    parts_by_sort_key,
    sort_key,
)
from coffeechat.domain.outreach import placeholder_values
from coffeechat.domain.templates import default_text, fill
from coffeechat.interop import vcard
from coffeechat.models import Contact
from coffeechat.models_activity import Profile
from coffeechat.store import Store
from coffeechat.usecases import exchange

DATA = Path(__file__).parent / "data" / "imports"


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Dr. Henrik Aas", NameParts("Dr.", "Henrik", "", "Aas")),
        ("Aas, Henrik", NameParts("", "Henrik", "", "Aas")),
        ("Prof. Dr. Jürgen Müller", NameParts("Prof. Dr.", "Jürgen", "", "Müller")),
        ("Ludwig van Beethoven", NameParts("", "Ludwig", "", "van Beethoven")),
        ("Maria de la Cruz", NameParts("", "Maria", "", "de la Cruz")),
        ("Omar al-Hakim", NameParts("", "Omar", "", "al-Hakim")),
        ("García Márquez, Gabriel", NameParts("", "Gabriel", "", "García Márquez")),
        ("Madonna", NameParts("", "Madonna")),
        ("John Doe III", NameParts("", "John", "", "Doe", "III")),
        ("Rev. Martin Luther King Jr.", NameParts("Rev.", "Martin", "Luther", "King", "Jr.")),
        ("Lena Chen, M.D.", NameParts("", "Lena", "", "Chen", "M.D.")),
        ("Henrik Aas, PhD", NameParts("", "Henrik", "", "Aas", "PhD")),
        ("Herr Max Mustermann sen.", NameParts("Herr", "Max", "", "Mustermann", "sen.")),
    ],
)
def test_names_are_split_as_people_write_them(written: str, parts: NameParts) -> None:
    assert parse_name(written) == parts


_CUT = ["Henrik Aas", "Mary Ann Lee", "Ada Raman 0", "Ada Adeyemi 10198", "Zoë Chen",
        "Søren Kierkegaard", "Дмитрий Иванов", "王小明", "Jean-Luc Picard", "Madonna",
        "Vincent Van Gogh", "Ada  Raman", "Ludwig van Beethoven", "Maria de la Cruz",
        "Omar al-Hakim", "Ana María de la Cruz y López", "van Ada", "Ada van"]  # fmt: skip
_PARSED = ["Dr. Henrik Aas", "Aas, Henrik", "John Doe III", "Lena Chen, M.D.", "Mr Ada",
           "García Márquez, Gabriel", "Rev. Martin Luther King Jr.", "Henrik Aas PhD",
           "Ada 'Bee' Raman"]  # fmt: skip


@pytest.mark.parametrize("written", _CUT + _PARSED)
def test_the_sort_key_gives_back_the_parsed_given_and_family_names(written: str) -> None:
    """A card's N is cut where the stored sort key says, never differently from a parse;
    a name the cut cannot account for (a title, a suffix, "Last, First") is parsed."""
    parts = parse_name(written)
    cut = parts_by_sort_key(written, sort_key(written))
    assert (cut is not None) == (written in _CUT)
    if cut is not None:
        assert not (parts.title or parts.suffix)
        assert cut == (" ".join(filter(None, (parts.given, parts.middle))), parts.family)


def test_a_record_named_after_its_organization_is_not_cut_by_its_key() -> None:
    key = sort_key("Zeta Labs Oslo", organization="Zeta Labs Oslo")
    assert parts_by_sort_key("Zeta Labs Oslo", key, "Zeta Labs Oslo") is None


def test_greeting_is_the_given_name_unless_a_form_was_chosen() -> None:
    assert greeting_name("Dr. Henrik Aas") == "Henrik"
    assert greeting_name("Dr. Henrik Aas", greeting="Dr. Aas") == "Dr. Aas"
    assert greeting_name("Dr. Henrik Aas", given_name="Dr. Henrik") == "Henrik"
    assert greeting_name("Madonna") == "Madonna"
    assert is_only_a_title("Prof. Dr.") and not is_only_a_title("Dr. Aas")


def test_csv_names_are_split_into_given_and_family(store: Store) -> None:
    exchange.import_file(store, "csv", DATA / "names_as_written.csv")
    parts = {c.name: (c.given_name, c.family_name) for c in store.contacts.all()}
    assert parts == {
        "Dr. Henrik Aas": ("Henrik", "Aas"),
        "Beethoven, Ludwig van": ("Ludwig", "van Beethoven"),
        "Omar al-Hakim": ("Omar", "al-Hakim"),
        "Madonna": ("Madonna", ""),
        "John Doe III": ("John", "Doe"),
        "Lena Chen M.D.": ("Lena", "Chen"),
    }


def test_linkedin_titles_and_degrees_leave_the_given_and_family_names(store: Store) -> None:
    exchange.import_file(store, "linkedin", DATA / "linkedin_titles_in_names.csv")
    (henrik,) = store.contacts.all()
    assert (henrik.given_name, henrik.family_name) == ("Henrik", "Aas")


def test_the_vcard_writes_the_title_as_a_prefix() -> None:
    card = vcard.card(Contact(name="Dr. Henrik Aas"))
    assert "N:Aas;Henrik;;Dr.;\r\n" in card
    stored = vcard.card(Contact(name="Dr. Henrik Aas", given_name="Dr. Henrik", family_name="Aas"))
    assert "N:Aas;Henrik;;Dr.;\r\n" in stored


def _letter(contact: Contact, template: str) -> str:
    values = placeholder_values(
        profile=Profile(name="Kai Berg"), contact=contact, today=date(2026, 3, 2)
    )
    return fill(default_text(template), values).text


def test_letters_greet_by_the_chosen_form(store: Store) -> None:
    henrik = Contact(name="Dr. Henrik Aas", organization="UiO")
    assert _letter(henrik, "intro_letter").startswith("Dear Henrik,")
    formal = store.contacts.add(Contact(name="Dr. Henrik Aas", greeting="Dr. Aas"))
    assert store.contacts.get(formal.id).greeting == "Dr. Aas", "the form is stored"
    assert _letter(formal, "intro_letter").startswith("Dear Dr. Aas,")
    values = placeholder_values(profile=Profile(name="Kai"), contact=formal, today=date.today())
    assert fill("Thank you, ${contact_first_name}", values).text == "Thank you, Dr. Aas"


@pytest.mark.parametrize("opening", ["Dear Dr.,", "Hi Prof. Dr.,", "Hello Mr", "Dear Frau,"])
def test_the_checker_flags_a_greeting_that_is_only_a_title(opening: str) -> None:
    findings = check_draft(f"{opening}\nWould you have 15 minutes?")
    assert "greeting" in [f.rule for f in findings if f.level == "bad"]


@pytest.mark.parametrize("opening", ["Dear Dr. Aas,", "Dear Henrik,", "Hi Madonna!"])
def test_the_checker_accepts_a_greeting_with_a_name(opening: str) -> None:
    findings = check_draft(f"{opening}\nWould you have 15 minutes?")
    assert "greeting" not in [f.rule for f in findings]
