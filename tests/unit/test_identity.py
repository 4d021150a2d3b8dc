"""The identity rule: an email or a profile URL identifies a person; look-alikes stay two."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coffeechat.domain.identity import Identity, email_key, url_key
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases import exchange
from coffeechat.usecases.merge import merge_contacts, not_a_duplicate
from tests.conftest import seed
from tests.factories import write_connections

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
TWO_ANAS = HEADER + (
    b"Ana,Silva,https://www.linkedin.com/in/ana-silva-1,,Fiocruz,Research Fellow,15 Mar 2023\n"
    b"Ana,Silva,https://www.linkedin.com/in/ana-silva-2,,Fiocruz,Lab Manager,16 Mar 2023\n"
)


@pytest.mark.parametrize(
    "spelling",
    [
        "https://www.linkedin.com/in/ana-silva",
        "http://linkedin.com/in/ana-silva/",
        "HTTPS://WWW.LINKEDIN.COM/in/Ana-Silva",
        "https://br.linkedin.com/in/ana-silva?trk=people-guest",
        "linkedin.com/in/ana%2Dsilva#about",
    ],
)
def test_profile_urls_are_compared_normalised(spelling: str) -> None:
    assert url_key(spelling) == "linkedin.com/in/ana-silva"


def test_emails_are_compared_without_case_or_mailto() -> None:
    assert email_key(" MAILTO:Ana@Fiocruz.BR ") == "ana@fiocruz.br"


def test_conflicts_need_identifiers_on_both_sides() -> None:
    bare = Identity.of(name="Ana Silva", organization="Fiocruz")
    one = Identity.of(emails=("a@x.org",), urls=("linkedin.com/in/a",))
    assert not bare.conflicts_with(one) and not one.conflicts_with(bare)
    assert one.conflicts_with(Identity.of(emails=("b@x.org",)))
    assert one.conflicts_with(Identity.of(urls=("linkedin.com/in/b",)))
    assert not one.conflicts_with(Identity.of(emails=("A@X.org", "c@x.org")))


def test_two_people_with_one_name_at_one_employer_stay_two(store: Store) -> None:
    report = exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    assert report.added == 2 and report.possible_duplicates == 1
    assert "1 possible duplicate to review" in report.summary()
    titles = sorted(c.title for c in store.contacts.all())
    assert titles == ["Lab Manager", "Research Fellow"], "neither person's fields were lost"
    (pair,) = store.duplicates.possible()
    assert (pair.low_name, pair.high_name, pair.organization) == ("Ana Silva",) * 2 + ("Fiocruz",)
    again = exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    assert again.added == 0 and again.possible_duplicates == 0
    assert len(store.duplicates.possible()) == 1, "still one pair, not asked twice"


def test_not_a_duplicate_is_remembered_across_imports(store: Store) -> None:
    exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    (pair,) = store.duplicates.possible()
    not_a_duplicate(store, pair.high_id, pair.low_id)
    assert store.duplicates.possible() == []
    again = exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    assert again.added == 0 and store.duplicates.possible() == []
    # A third Ana is new: listed with both, the decided pair stays decided.
    third = HEADER + b"Ana,Silva,https://www.linkedin.com/in/ana-silva-3,,Fiocruz,PI,\n"
    report = exchange.import_bytes(store, "linkedin", third, "more.csv")
    assert report.possible_duplicates == 2
    assert len(store.duplicates.possible()) == 2
    assert store.duplicates.is_distinct(pair.low_id, pair.high_id)


def test_a_merge_is_remembered_across_imports(store: Store) -> None:
    exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    (pair,) = store.duplicates.possible()
    merge_contacts(store, pair.low_id, pair.high_id)
    assert store.contacts.count() == 1
    again = exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    assert again.added == 0 and again.possible_duplicates == 0
    assert store.contacts.count() == 1 and store.duplicates.possible() == []


def test_different_emails_are_two_people_and_no_email_is_copied(store: Store) -> None:
    ana = store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz", email="a@x.org"))
    data = HEADER + b"Ana,Silva,,b@x.org,Fiocruz,PI,\n"
    report = exchange.import_bytes(store, "linkedin", data, "c.csv")
    assert report.added == 1 and report.merged == 0
    assert store.contacts.get(ana.id).email == "a@x.org"
    emails = sorted(c.email for c in store.contacts.all())
    assert emails == ["a@x.org", "b@x.org"]


def test_name_and_employer_match_when_nothing_conflicts(store: Store) -> None:
    typed = store.contacts.add(Contact(name="ana silva", organization="FIOCRUZ"))
    report = exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    # The first Ana fills the contact typed by hand; the second has another URL.
    assert report.merged == 1 and report.added == 1 and report.possible_duplicates == 1
    merged = store.contacts.get(typed.id)
    assert merged.url == "https://www.linkedin.com/in/ana-silva-1"
    assert merged.name == "ana silva", "what the user typed is never overwritten"


def test_a_second_email_identifies_too(store: Store) -> None:
    exchange.import_bytes(
        store,
        "vcard",
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Wei Zhang\nEMAIL:wei@work.example\n"
        b"EMAIL:wei@home.example\nEND:VCARD\n",
        "a.vcf",
    )
    report = exchange.import_bytes(
        store, "linkedin", HEADER + b"Wei,Zhang,,wei@home.example,PKU,Postdoc,\n", "c.csv"
    )
    assert report.added == 0 and report.merged == 1
    (wei,) = store.contacts.all()
    assert (wei.email, wei.organization) == ("wei@work.example", "PKU")


def test_our_own_vcard_export_read_back_changes_nothing(store: Store) -> None:
    seed(store)
    text = exchange.export_text(store, "vcard").encode()
    report = exchange.import_bytes(store, "vcard", text, "mine.vcf")
    assert report.summary() == "0 added, 0 merged, 5 skipped (5 already present)"


def test_a_cards_uid_finds_its_contact_after_the_email_changed_here(store: Store) -> None:
    maria = seed(store)[0]
    text = exchange.export_text(store, "vcard").encode()
    store.contacts.update(replace(maria, email="maria@new-job.example"))
    report = exchange.import_bytes(store, "vcard", text, "old.vcf")
    assert report.added == 0 and report.possible_duplicates == 0
    assert store.contacts.get(maria.id).email == "maria@new-job.example"
    # The old address still identifies her.
    again = HEADER + b"Maria,Okafor,,maria@example.org,Elsewhere,,\n"
    assert exchange.import_bytes(store, "linkedin", again, "c.csv").added == 0


@pytest.mark.slow
def test_thirty_thousand_distinct_people_with_common_names_stay_thirty_thousand(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    write_connections(path, 30_000, common_names=True)
    report = exchange.import_file(store, "linkedin", path)
    assert report.added == store.contacts.count() == 30_000
    assert report.merged == 0 and not report.skipped
    assert report.possible_duplicates == store.duplicates.count() > 10_000
    # How long it takes is a benchmark (benchmarks/import_linkedin.py), not a test.
    emails = [c.email for c in store.contacts.all() if c.email]
    assert len(emails) == len(set(emails)) == 10_000, "nobody's email was copied onto another"


def test_a_merged_cards_uid_still_finds_the_contact_it_went_into(store: Store) -> None:
    amelie = Path(__file__).parent / "data/interop-real/vcard/vcardimport__amelie-alpha-3x.vcf"
    exchange.import_file(store, "vcard", amelie)
    first, second, third = store.contacts.all()
    merge_contacts(store, third.id, second.id)
    not_a_duplicate(store, first.id, third.id)
    store.contacts.update(replace(store.contacts.get(third.id), phone=""))
    again = exchange.import_file(store, "vcard", amelie)
    # The second card finds the contact it was merged into (it comes before the third
    # card in the file, so it is the one that fills the phone cleared here), not the
    # first Amelie, whose name and employer it shares too.
    assert store.contacts.get(third.id).phone == second.phone == "5551001002"
    assert store.contacts.get(first.id).phone == "5551001001"
    assert again.added == 0 and store.duplicates.possible() == []
