"""Advice acted on closes the loop with the referrer; the list's last interaction."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.outcome import advice_pieces
from coffeechat.domain.pipeline import tell_referrer_after_advice
from coffeechat.domain.templates import (
    REFERRER_UPDATE,
    REFERRER_UPDATE_ADVICE,
    blank_problem,
    default_text,
    fill,
)
from coffeechat.models import Contact, OutcomeKind, ReplyKind
from coffeechat.models_activity import Draft, Outcome
from coffeechat.store import Store
from coffeechat.usecases.advice import mark_advice_acted_on
from coffeechat.usecases.calls import end_call, start_call
from coffeechat.usecases.followups import complete_followup
from coffeechat.usecases.letters import letter_values
from coffeechat.usecases.merge import merge_contacts
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import log_touch, mark_sent, record_reply

TELL = "Tell Hannah Berg how it went with Jonah Park"


def _due_today(store: Store, day: date) -> list[tuple[str, str]]:
    agenda = build_agenda(store.followups, day, datetime.combine(day, time(8)), 7)
    return [(item.contact_name, item.title) for item in agenda.due_today]


def _referred_call(store: Store) -> tuple[Contact, Contact, int]:
    """Hannah referred Jonah; the call with Jonah on Monday 16 March gave two pieces of
    advice. Returns (Hannah, Jonah, the outcome's id)."""
    hannah = store.contacts.add(Contact(name="Hannah Berg", organization="Cascade"))
    jonah = store.contacts.add(Contact(name="Jonah Park", referred_by=hannah.id))
    interview = start_call(store, jonah.id or 0, datetime(2026, 3, 16, 10)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 16, 10, 25))
    outcome = Outcome(
        interview.id or 0,
        OutcomeKind.NO_REFERRAL,
        advice="- Read the FDA guidance on biomarkers\n\n- Join the regulatory meetup.",
    )
    saved = save_outcome(store, outcome, date(2026, 3, 16))
    return hannah, jonah, saved.outcome.id or 0


def test_the_rule_with_a_frozen_day() -> None:
    day = date(2026, 3, 25)
    assert tell_referrer_after_advice("Hannah Berg", "Jonah Park", [], day) == (TELL, day)
    assert tell_referrer_after_advice("Hannah Berg", "Jonah Park", [TELL], day) is None
    # An item about someone else they referred is another piece of news.
    other = "Tell Hannah Berg how it went with Sam Ortiz"
    assert tell_referrer_after_advice("Hannah Berg", "Jonah Park", [other], day) == (TELL, day)


def test_advice_comes_in_pieces_one_a_line() -> None:
    assert advice_pieces(
        "- Read the FDA guidance\n\n* Join a meetup\n1. Read it\n- Join a meetup"
    ) == [
        "Read the FDA guidance",
        "Join a meetup",
        "Read it",
    ]
    assert advice_pieces("  \n") == []


def test_advice_acted_on_tells_the_referrer_once(store: Store) -> None:
    hannah, _jonah, outcome_id = _referred_call(store)
    # Ending the call already put the item on Hannah's agenda (two business days on).
    assert _due_today(store, date(2026, 3, 18)) == [("Hannah Berg", TELL)]
    marked = mark_advice_acted_on(
        store, outcome_id, "Read the FDA guidance on biomarkers", datetime(2026, 3, 17, 9)
    )
    assert marked.tell is None and marked.referrer == "Hannah Berg"  # open already
    assert store.advice.acted_on(outcome_id) == {
        "Read the FDA guidance on biomarkers": "2026-03-17"
    }
    assert _due_today(store, date(2026, 3, 18)) == [("Hannah Berg", TELL)]
    # The update is sent (the item closes); then more advice is acted on: news again.
    (item,) = store.followups.for_contact(hannah.id or 0, open_only=True)[:1]
    complete_followup(store, item.id or 0, datetime(2026, 3, 18, 9))
    later = datetime(2026, 3, 25, 14)
    marked = mark_advice_acted_on(store, outcome_id, "Join the regulatory meetup.", later)
    assert marked.tell is not None and marked.tell.due_date == "2026-03-25"
    assert "On the agenda: " + TELL in marked.message()
    assert _due_today(store, date(2026, 3, 25)) == [("Hannah Berg", TELL)]
    # Marking it again, or another piece the same day, adds nothing.
    mark_advice_acted_on(store, outcome_id, "Join the regulatory meetup.", later)
    mark_advice_acted_on(store, outcome_id, "Read the FDA guidance on biomarkers", later)
    assert _due_today(store, date(2026, 3, 25)) == [("Hannah Berg", TELL)]
    referrer = store.contacts.get(hannah.id or 0)
    assert referrer is not None and referrer.next_action == TELL
    assert referrer.next_action_date == "2026-03-25"


def test_the_update_names_the_advice_until_it_is_sent(store: Store) -> None:
    hannah, _jonah, outcome_id = _referred_call(store)
    assert store.advice.to_tell(hannah.id or 0) is None
    mark_advice_acted_on(store, outcome_id, "Join the regulatory meetup.", datetime(2026, 3, 20, 9))
    mark_advice_acted_on(store, outcome_id, "Read the FDA guidance", datetime(2026, 3, 20, 10))
    told = store.advice.to_tell(hannah.id or 0)
    assert told is not None and tuple(told) == (
        "Jonah Park",
        "Read the FDA guidance",
        ("Join the regulatory meetup.", "Read the FDA guidance"),
    )
    referrer = store.contacts.get(hannah.id or 0)
    assert referrer is not None
    # The update letter names every piece acted on, as a list.
    letter = fill(
        default_text(REFERRER_UPDATE_ADVICE),
        letter_values(store, referrer, date(2026, 3, 20)),
    ).text
    assert "- Join the regulatory meetup.\n- Read the FDA guidance." in letter
    # Nobody has signed yet: the one blank left says where its value comes from.
    assert blank_problem(letter) == (
        "${my_name} has no value: fill it in My profile (ctrl+p, My profile), or edit the text"
    )
    draft = store.drafts.save(Draft(hannah.id or 0, REFERRER_UPDATE, body="News!"))
    mark_sent(store, draft, referrer, datetime(2026, 3, 20, 11))
    assert store.advice.to_tell(hannah.id or 0) is None
    assert _due_today(store, date(2026, 3, 20)) == []  # sending it closed the item


def test_unmarking_and_advice_from_someone_nobody_referred(store: Store) -> None:
    _hannah, _jonah, outcome_id = _referred_call(store)
    mark_advice_acted_on(store, outcome_id, "Join the regulatory meetup.", datetime(2026, 3, 17))
    undone = mark_advice_acted_on(
        store, outcome_id, "Join the regulatory meetup.", datetime(2026, 3, 17), acted=False
    )
    assert not undone.acted and store.advice.acted_on(outcome_id) == {}
    lena = store.contacts.add(Contact(name="Lena Novak"))
    interview = start_call(store, lena.id or 0, datetime(2026, 3, 16, 14)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 16, 14, 20))
    saved = save_outcome(
        store,
        Outcome(interview.id or 0, OutcomeKind.DEAD_END, advice="Try a CRO"),
        date(2026, 3, 16),
    )
    marked = mark_advice_acted_on(store, saved.outcome.id or 0, "Try a CRO", datetime(2026, 3, 17))
    assert (
        marked.tell is None and marked.referrer == "" and marked.message() == "Acted on: Try a CRO."
    )
    with pytest.raises(ValueError, match="no longer exists"):
        mark_advice_acted_on(store, 9999, "Try a CRO", datetime(2026, 3, 17))


def _list_day(store: Store, contact_id: int) -> str:
    row = store.contacts.row(contact_id)
    assert row is not None
    return row.last_interaction


def test_the_lists_last_interaction_is_keep_in_touchs(store: Store) -> None:
    """The column the list reads agrees with the keep-in-touch definition after every
    kind of event, including an out-of-office reply (not one) and a merge."""
    ana = store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz"))
    aid = ana.id or 0

    def agrees(expected: str) -> None:
        assert _list_day(store, aid) == expected
        assert store.history.last_interaction(aid)[0] == expected
        assert [r.last_interaction for r in store.contacts.rows() if r.id == aid] == [expected]

    agrees("")
    draft = store.drafts.save(Draft(aid, "intro_letter", body="Hello?"))
    agrees("")  # a draft is not a letter until it is sent
    mark_sent(store, draft, ana, datetime(2026, 3, 2, 9))
    agrees("2026-03-02")
    record_reply(store, aid, date(2026, 3, 4))
    agrees("2026-03-04")
    record_reply(store, aid, date(2026, 3, 9), ReplyKind.OUT_OF_OFFICE, back_on=date(2026, 3, 20))
    agrees("2026-03-04")
    interview = start_call(store, aid, datetime(2026, 3, 23, 10)).interview
    agrees("2026-03-04")  # a call counts once it is held
    end_call(store, interview.id or 0, datetime(2026, 3, 23, 10, 30))
    agrees("2026-03-23")
    log_touch(store, aid, date(2026, 5, 1), "coffee")
    agrees("2026-05-01")
    store.database.conn.execute("DELETE FROM interactions WHERE kind = 'touch'")
    agrees("2026-03-23")
    # A merge moves the other's letters and calls: the kept contact's day follows them.
    other = store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz", email="a@f.br"))
    log_touch(store, other.id or 0, date(2026, 6, 1))
    merge_contacts(store, aid, other.id or 0)
    agrees("2026-06-01")


def test_the_migration_fills_the_last_interaction_of_existing_contacts(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coffeechat.store.schema import MIGRATIONS
    from tests.conftest import open_as_made_before

    path = tmp_path / "older.db"
    # A file written by a version before the column.
    open_as_made_before(monkeypatch, MIGRATIONS[-1])
    older = Store.open(path)
    ana = older.contacts.add(Contact(name="Ana Silva"))
    ben = older.contacts.add(Contact(name="Ben Osei"))
    older.contacts.add(Contact(name="Cleo Duarte"))
    draft = older.drafts.save(Draft(ana.id or 0, "intro_letter", body="Hello?"))
    older.drafts.mark_sent(draft, sent_at="2026-02-02T09:00:00")
    interview = older.interviews.create(ben.id or 0, scheduled_at="2026-02-10T10:00")
    older.interviews.start(interview.id or 0, datetime(2026, 2, 10, 10), [])
    older.interviews.end(interview.id or 0, datetime(2026, 2, 10, 10, 30))
    older.database.conn.execute(
        "INSERT INTO interactions(contact_id, kind, day) VALUES (?, 'touch', '2026-03-01')",
        (ana.id,),
    )
    older.close()
    monkeypatch.undo()
    store = Store.open(path)
    try:
        rows = {row.name: row.last_interaction for row in store.contacts.rows()}
        assert rows == {"Ana Silva": "2026-03-01", "Ben Osei": "2026-02-10", "Cleo Duarte": ""}
    finally:
        store.close()
