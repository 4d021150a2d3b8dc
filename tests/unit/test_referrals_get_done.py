"""Referrals get done: each person suggested on a call has a dated next action on the
agenda, naming the call it came from; the referrer is named only when they said yes."""

from __future__ import annotations

from datetime import date, datetime, time

from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.templates import INTRO
from coffeechat.models import Contact, Introduction, OutcomeKind
from coffeechat.models_activity import Draft, Outcome, Referral
from coffeechat.store import Store
from coffeechat.usecases.calls import end_call, start_call
from coffeechat.usecases.letters import letter_values, stage_letter
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import mark_sent

CALL = datetime(2026, 3, 13, 10)  # a Friday
TODAY = CALL.date()


def _call_with_referrals(store: Store) -> dict[str, Contact]:
    hannah = store.contacts.add(Contact(name="Hannah Berg", organization="Cascade"))
    started = start_call(store, hannah.id or 0, CALL)
    end_call(store, started.interview.id or 0, CALL.replace(minute=30))
    outcome = Outcome(
        started.interview.id or 0,
        OutcomeKind.REFERRAL_OFFERED,
        referrals=(
            Referral("Sam Ortiz", introduction=Introduction.USE_NAME),
            Referral("Leila Haddad", introduction=Introduction.NO_NAME),
            Referral("Priya Raman"),  # "May I use your name?" not asked
            Referral("Jonah Park", introduction=Introduction.BY_REFERRER),
        ),
    )
    save_outcome(store, outcome, TODAY)
    save_outcome(store, store.outcomes.for_contact(hannah.id or 0)[-1], TODAY)  # no repeat
    return {c.name: c for c in store.contacts.all()}


def test_every_person_suggested_has_a_dated_next_action(store: Store) -> None:
    people = _call_with_referrals(store)
    agenda = build_agenda(store.followups, date(2026, 3, 17), datetime.combine(TODAY, time()), 7)
    due = {i.contact_name: (i.when, i.title) for i in agenda.due_today}
    source = "suggested by Hannah Berg on the call of 2026-03-13"
    # Two business days after a Friday call: Tuesday.
    assert due == {
        "Sam Ortiz": (
            "2026-03-17",
            f"Write an intro letter to Sam Ortiz ({source}, who said you may use their name)",
        ),
        "Leila Haddad": (
            "2026-03-17",
            f"Write an intro letter to Leila Haddad without naming Hannah Berg ({source})",
        ),
        "Priya Raman": (
            "2026-03-17",
            f"Ask Hannah Berg if you may use their name, then write to Priya Raman ({source})",
        ),
    }
    for name in ("Sam Ortiz", "Leila Haddad", "Priya Raman"):
        contact = store.contacts.get(people[name].id or 0)
        assert contact is not None and contact.next_action_date == "2026-03-17"
    # Jonah is introduced by Hannah herself: the check-in is hers, not his.
    assert store.followups.for_contact(people["Jonah Park"].id or 0, open_only=True) == []


def test_the_referrer_is_named_only_when_they_said_yes(store: Store) -> None:
    people = _call_with_referrals(store)
    for name, named in (("Sam Ortiz", True), ("Leila Haddad", False), ("Priya Raman", False)):
        contact = people[name]
        assert stage_letter(store, contact) == INTRO
        values = letter_values(store, contact, TODAY)
        assert (values["referred_by"] == "Hannah Berg") is named, name


def test_the_intro_letter_sent_closes_the_referral_action(store: Store) -> None:
    sam = _call_with_referrals(store)["Sam Ortiz"]
    draft = store.drafts.save(Draft(sam.id or 0, INTRO, body="Would you have 15 minutes?"))
    mark_sent(store, draft, sam, datetime(2026, 3, 16, 9))
    kinds = [f.kind for f in store.followups.for_contact(sam.id or 0, open_only=True)]
    assert "write_referral" not in kinds


def test_a_call_held_counts_as_a_reply_in_the_stats(store: Store) -> None:
    from coffeechat.domain.stats import Letter

    ada = store.contacts.add(Contact(name="Ada Lovelace"))
    draft = store.drafts.save(Draft(ada.id or 0, INTRO, body="Would you have 15 minutes?"))
    mark_sent(store, draft, ada, datetime(2026, 3, 2, 9))
    started = start_call(store, ada.id or 0, CALL)
    end_call(store, started.interview.id or 0, CALL.replace(minute=30))
    [letter] = store.history.letters()
    assert isinstance(letter, Letter) and letter.replied_on == TODAY
    # An older record with a call but no reply date reads the same.
    store.contacts.with_changes(ada.id or 0, replied_on="")
    [letter] = store.history.letters()
    assert letter.replied_on == TODAY


def test_last_in_touch_counts_a_call_a_reply_and_a_touch_on_the_day_of_the_letter(
    store: Store,
) -> None:
    from coffeechat.usecases.outreach import log_touch, record_reply

    ada = store.contacts.add(Contact(name="Ada Lovelace"))
    draft = store.drafts.save(Draft(ada.id or 0, INTRO, body="Would you have 15 minutes?"))
    mark_sent(store, draft, ada, CALL.replace(hour=8))
    assert store.history.last_interaction(ada.id or 0) == ("2026-03-13", "letter")
    started = start_call(store, ada.id or 0, CALL)
    end_call(store, started.interview.id or 0, CALL.replace(minute=30))
    assert store.history.last_interaction(ada.id or 0) == ("2026-03-13", "call")
    record_reply(store, ada.id or 0, TODAY)
    assert store.history.last_interaction(ada.id or 0) == ("2026-03-13", "reply")
    log_touch(store, ada.id or 0, TODAY)
    assert store.history.last_interaction(ada.id or 0) == ("2026-03-13", "touch")
