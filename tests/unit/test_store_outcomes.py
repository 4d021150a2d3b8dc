"""Saving outcomes: referrals become contacts once, the agenda gets its items once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.outcome import referral_key, unique_referrals
from coffeechat.models import Contact, OutcomeKind, Status
from coffeechat.models_activity import Draft, NextStep, Outcome, Referral
from coffeechat.store import Store
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import mark_sent
from tests.conftest import seed

MONDAY = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 10, 30)


def _held_call(store: Store, contact_id: int) -> int:
    interview = store.interviews.create(contact_id, scheduled_at="2026-03-16T10:00")
    assert interview.id is not None
    store.interviews.start(interview.id, datetime(2026, 3, 16, 10, 0), [])
    store.interviews.end(interview.id, datetime(2026, 3, 16, 10, 25))
    return interview.id


def _outcome(interview_id: int, *referrals: Referral, steps=()) -> Outcome:
    return Outcome(
        interview_id=interview_id,
        kind=OutcomeKind.REFERRAL_OFFERED,
        learned="Regulatory work is a real path",
        confidence=4,
        referrals=referrals,
        next_steps=tuple(steps),
    )


def _names(store: Store) -> list[str]:
    return sorted(c.name for c in store.contacts.all())


def test_referrals_become_contacts_referred_by_the_interviewed(store: Store) -> None:
    maria = seed(store)[0]
    assert maria.id is not None
    call = _held_call(store, maria.id)
    saved = save_outcome(
        store,
        _outcome(
            call,
            Referral("Ada Park", title="QA Lead", organization="Nova Bio", how_to_reach="LinkedIn"),
            Referral("Ben Osei", email="ben@example.org"),
        ),
        MONDAY,
    )
    assert len(saved.created) == 2 and saved.linked == []
    ada = store.contacts.get(saved.created[0])
    assert ada is not None
    assert (ada.name, ada.organization, ada.title) == ("Ada Park", "Nova Bio", "QA Lead")
    assert ada.referred_by == maria.id
    assert ada.status is Status.TO_CONTACT
    assert ada.how_found == "referral"
    note = store.notes.get("research", contact_id=ada.id)
    assert note is not None and "LinkedIn" in note.body
    assert [r.contact_id for r in saved.outcome.referrals] == saved.created
    after = store.contacts.get(maria.id)
    assert after is not None and after.status is Status.INTERVIEWED


def test_a_referral_links_an_existing_contact_by_email_url_or_name_and_org(store: Store) -> None:
    contacts = seed(store)
    maria, tom, priya = contacts[0], contacts[1], contacts[2]
    assert maria.id is not None
    call = _held_call(store, maria.id)
    saved = save_outcome(
        store,
        _outcome(
            call,
            Referral("T. Lindqvist", email="TOM.LINDQVIST@example.org"),
            Referral("priya raman", organization="independent"),
        ),
        MONDAY,
    )
    assert saved.created == []
    assert saved.linked == [tom.id, priya.id]
    assert len(store.contacts.all()) == 5
    # Known people with no referrer yet are now reached through Maria.
    linked = store.contacts.get(tom.id)  # type: ignore[arg-type]
    assert linked is not None and linked.referred_by == maria.id


def test_two_rows_for_one_person_make_one_contact(store: Store) -> None:
    maria = seed(store)[0]
    assert maria.id is not None
    call = _held_call(store, maria.id)
    saved = save_outcome(
        store,
        _outcome(
            call,
            Referral("Ada Park", organization="Nova Bio"),
            Referral(" ada  park ", organization="NOVA BIO", title="QA Lead"),
        ),
        MONDAY,
    )
    assert len(saved.created) == 1
    assert _names(store).count("Ada Park") == 1
    assert store.contacts.get(saved.created[0]).title == "QA Lead"  # type: ignore[union-attr]


def test_resaving_edits_without_duplicates(store: Store) -> None:
    maria = seed(store)[0]
    assert maria.id is not None
    call = _held_call(store, maria.id)
    first = save_outcome(
        store,
        _outcome(
            call,
            Referral("Ada Park", organization="Nova Bio"),
            steps=[NextStep("Read the FDA guidance", "2026-03-20")],
        ),
        MONDAY,
    )
    before = len(store.contacts.all())
    again = first.outcome
    edited = replace(
        again,
        learned="Edited",
        referrals=(*again.referrals, Referral("Ben Osei", email="ben@example.org")),
        next_steps=(*again.next_steps, NextStep("Send my CV draft to a friend", "2026-03-23")),
    )
    second = save_outcome(store, edited, MONDAY)
    assert second.outcome.id == first.outcome.id
    assert second.outcome.learned == "Edited"
    assert len(store.contacts.all()) == before + 1
    assert [r.name for r in second.outcome.referrals] == ["Ada Park", "Ben Osei"]
    kinds = sorted(f.kind for f in store.followups.for_contact(maria.id))
    assert kinds == ["next_step", "next_step", "thank_you"]
    # A third save of the same thing changes nothing.
    save_outcome(store, second.outcome, MONDAY)
    assert len(store.contacts.all()) == before + 1
    assert len(store.followups.for_contact(maria.id)) == 3
    # Removing a step removes its open follow-up.
    save_outcome(store, replace(second.outcome, next_steps=()), MONDAY)
    assert [f.kind for f in store.followups.for_contact(maria.id)] == ["thank_you"]


def test_thank_you_shows_once_on_the_agenda_and_leaves_when_sent(store: Store) -> None:
    maria = seed(store)[0]
    assert maria.id is not None
    call = _held_call(store, maria.id)
    agenda = build_agenda(store.followups, MONDAY, NOW, 7)
    assert len(agenda.thank_yous) == 1  # owed from the held call alone
    save_outcome(
        store, _outcome(call, steps=[NextStep("Read the FDA guidance", "2026-03-20")]), MONDAY
    )
    agenda = build_agenda(store.followups, MONDAY, NOW, 7)
    assert [(i.when, i.contact_name) for i in agenda.thank_yous] == [("2026-03-17", "Maria Okafor")]
    assert [(i.when, i.title) for i in agenda.coming_up] == [
        ("2026-03-20", "Next step: Read the FDA guidance")
    ]
    draft = store.drafts.save(Draft(maria.id, "thank_you", body="Thank you!"))
    mark_sent(store, draft, maria, datetime(2026, 3, 16, 18, 0))
    agenda = build_agenda(store.followups, MONDAY, NOW, 7)
    assert agenda.thank_yous == []


def test_status_never_moves_backwards(store: Store) -> None:
    emile = seed(store)[4]
    assert emile.id is not None
    call = _held_call(store, emile.id)
    save_outcome(store, _outcome(call), MONDAY)
    assert store.contacts.get(emile.id).status is Status.KEEP_IN_TOUCH  # type: ignore[union-attr]


def test_a_referral_never_makes_a_referral_loop(store: Store) -> None:
    boss = store.contacts.add(Contact(name="Boss", email="boss@example.org"))
    maria = store.contacts.add(Contact(name="Maria", referred_by=boss.id))
    assert maria.id is not None
    call = _held_call(store, maria.id)
    saved = save_outcome(store, _outcome(call, Referral("Boss", email="boss@example.org")), MONDAY)
    assert saved.linked == [boss.id]
    assert store.contacts.get(boss.id).referred_by is None  # type: ignore[arg-type,union-attr]


def test_unique_referrals_rules() -> None:
    rows = [
        Referral("A", email="a@x.org"),
        Referral("Someone else", email="A@X.ORG", title="CTO"),
        Referral("   "),
        Referral("B", url="example.org/b/"),
        Referral("B2", url="https://example.org/b"),
    ]
    merged = unique_referrals(rows)
    assert [(r.name, r.title) for r in merged] == [("A", "CTO"), ("B", "")]
    assert referral_key(Referral("X", organization="Y")) == ("name", "x\x00y")
