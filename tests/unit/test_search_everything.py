"""ctrl+f's store search reaches call notes, answers, outcomes and letters as sent."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import Draft, NextStep, Outcome, Question, Referral
from coffeechat.store import Store
from coffeechat.store.search_schema import search_everything
from coffeechat.usecases.outcomes import save_outcome
from tests.conftest import open_as_made_before, seed

MONDAY = date(2026, 3, 16)
QUESTION = Question("What does a typical week look like for you?")
V1_FIXTURE = Path(__file__).parent / "data" / "v1.db"


def _held_call(store: Store, contact_id: int, answer: str = "", note: str = "") -> int:
    interview = store.interviews.create(contact_id, scheduled_at="2026-03-16T10:00")
    assert interview.id is not None
    store.interviews.start(interview.id, datetime(2026, 3, 16, 10, 0), [QUESTION])
    if answer:
        store.interviews.set_answer(store.interviews.checklist(interview.id)[0].id, answer)
    if note:
        store.interviews.add_note(
            interview.id, note, minute=3, checklist_item_id=None, now=datetime(2026, 3, 16, 10, 3)
        )
    store.interviews.end(interview.id, datetime(2026, 3, 16, 10, 25))
    return interview.id


def _only(store: Store, words: str):
    hits = store.search.query(words)
    assert len(hits) == 1, [h.label for h in hits]
    return hits[0]


def _matched(hit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.highlights]


def test_a_call_note_is_found_and_says_which_call(store: Store) -> None:
    maria, *_ = seed(store)
    call = _held_call(store, maria.id, note="She moved from the bench to regulatory affairs")
    hit = _only(store, "regulatory")
    assert hit.source == "call_note" and hit.kind == "call_note"
    assert hit.contact_id == maria.id and hit.interview_id == call
    assert hit.label == "Maria Okafor · Call 2026-03-16 · note"
    assert _matched(hit) == ["regulatory"]


def test_an_answer_is_found_with_its_question_and_follows_edits(store: Store) -> None:
    maria, *_ = seed(store)
    interview = store.interviews.create(maria.id, scheduled_at="2026-03-16T10:00")
    store.interviews.start(interview.id, datetime(2026, 3, 16, 10, 0), [QUESTION])
    items = store.interviews.checklist(interview.id)
    store.interviews.set_answer(items[0].id, "Mostly audits and sterility checks")
    hit = _only(store, "sterility")
    assert hit.source == "answer" and hit.interview_id == interview.id
    question = "What does a typical week look like for…"  # cut at 40 characters
    assert hit.label == f"Maria Okafor · Call 2026-03-16 · answer to: {question}"
    store.interviews.set_answer(items[0].id, "Mostly writing")
    assert store.search.query("sterility") == []
    assert _only(store, "writing").source == "answer"
    store.interviews.set_answer(items[0].id, "")
    assert store.search.query("writing") == []


def test_each_outcome_field_next_step_and_referral_is_found(store: Store) -> None:
    maria, *_ = seed(store)
    call = _held_call(store, maria.id)
    outcome = Outcome(
        interview_id=call,
        kind=OutcomeKind.REFERRAL_OFFERED,
        learned="Quality assurance hires from the bench",
        advice="Take the evening course in biostatistics",
        went_well="Kept to twenty minutes",
        confidence=4,
        next_steps=(NextStep("Read the ICH guidelines", "2026-03-20"),),
        referrals=(Referral("Ada Park", organization="Nova Bio", how_to_reach="mention Maria"),),
    )
    save_outcome(store, outcome, MONDAY)
    hit = _only(store, "biostatistics")
    assert (hit.source, hit.part, hit.interview_id) == ("outcome", "advice", call)
    assert hit.label == "Maria Okafor · Outcome of Call 2026-03-16 · advice"
    assert _only(store, "assurance").part == "learned"
    assert _only(store, "twenty").label.endswith("· went well")
    step = _only(store, "ICH")
    assert step.source == "next_step" and step.interview_id == call
    assert step.label == "Maria Okafor · Outcome of Call 2026-03-16 · next step, due 2026-03-20"
    referral = [h for h in store.search.query("Nova") if h.source == "referral"]
    assert len(referral) == 1 and referral[0].interview_id == call
    # Editing the outcome re-indexes it: the old advice is gone, the new one found.
    saved = store.outcomes.for_interview(call)
    save_outcome(store, Outcome(**{**_fields(saved), "advice": "Shadow a QA audit"}), MONDAY)
    assert store.search.query("biostatistics") == []
    assert _only(store, "shadow").part == "advice"


def _fields(outcome: Outcome) -> dict:
    return {name: getattr(outcome, name) for name in Outcome.__dataclass_fields__}


def test_letters_are_found_once_sent_and_drafts_are_not(store: Store) -> None:
    maria, *_ = seed(store)
    draft = store.drafts.save(
        Draft(maria.id, "intro_letter", subject="Alumni hello", body="Your work on zebrafish?")
    )
    assert store.search.query("zebrafish") == [], "a working draft is not a letter yet"
    store.drafts.mark_sent(draft, sent_at="2026-03-11T09:00:00")
    hit = _only(store, "zebrafish")
    assert hit.source == "letter" and hit.contact_id == maria.id and hit.ref_id == draft.id
    assert hit.label == "Maria Okafor · Letter sent 2026-03-11 (intro letter)"
    assert _only(store, "alumni hello").source == "letter"  # the subject too


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("nunez", "Talked to Núñez-García about the Montréal site"),
        ("MONTREAL", "Talked to Núñez-García about the Montréal site"),
        ("Núñez", "nunez garcia runs the lab"),
    ],
)
def test_case_and_accents_are_ignored_both_ways(store: Store, typed: str, written: str) -> None:
    maria, *_ = seed(store)
    _held_call(store, maria.id, note=written)
    assert _only(store, typed).source == "call_note"


def test_forgetting_a_person_takes_every_kind_of_hit_with_them(store: Store) -> None:
    maria, *_ = seed(store)
    call = _held_call(store, maria.id, note="okapi")
    save_outcome(
        store,
        Outcome(interview_id=call, kind=OutcomeKind.DEAD_END, advice="okapi", confidence=3),
        MONDAY,
    )
    draft = store.drafts.save(Draft(maria.id, "intro_letter", body="okapi?"))
    store.drafts.mark_sent(draft, sent_at="2026-03-11T09:00:00")
    assert len(store.search.query("okapi")) == 3
    store.contacts.forget(maria.id)
    assert store.search.query("okapi") == []


def test_a_schema_1_file_finds_its_old_call_notes(tmp_path: Path) -> None:
    path = tmp_path / "coffeechat.db"
    shutil.copyfile(V1_FIXTURE, path)
    path.chmod(0o600)
    store = Store.open(path)
    try:
        hit = _only(store, "polonium")  # a note line written by schema 1
        assert hit.source == "call_note" and hit.label.startswith("Maria Sklodowska · Call")
        assert _only(store, "Nobel").source == "note"
    finally:
        store.close()


def test_the_migration_indexes_outcomes_and_letters_already_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "coffeechat.db"
    open_as_made_before(monkeypatch, search_everything)
    store = Store.open(path)
    maria, *_ = seed(store)
    call = _held_call(store, maria.id, note="heron")
    save_outcome(
        store,
        Outcome(
            interview_id=call,
            kind=OutcomeKind.FOLLOW_UP_SCHEDULED,
            resources="The egret handbook",
            confidence=3,
            next_steps=(NextStep("Email the ibis group", "2026-03-20"),),
        ),
        MONDAY,
    )
    draft = store.drafts.save(Draft(maria.id, "thank_you", body="Thanks for the stork tips"))
    store.drafts.mark_sent(draft, sent_at="2026-03-17T09:00:00")
    assert store.search.query("heron") == []  # the old index never held call notes
    store.close()
    monkeypatch.undo()

    store = Store.open(path)
    try:
        assert _only(store, "heron").source == "call_note"
        assert _only(store, "egret").part == "resources"
        assert _only(store, "ibis").source == "next_step"
        assert _only(store, "stork").source == "letter"
        # And the triggers of the new index keep it in step afterwards.
        store.interviews.add_note(
            call, "crane", minute=9, checklist_item_id=None, now=datetime(2026, 3, 16, 10, 9)
        )
        assert _only(store, "crane").interview_id == call
    finally:
        store.close()


def test_a_word_in_more_texts_than_are_ranked_ranks_the_latest(store: Store) -> None:
    """Past ``ranked`` matches only the latest entries are ranked: the best of those
    come first; with fewer matches every one is ranked, as before."""
    bodies = ["advice advice"] + ["advice and more words here"] * 3 + ["advice advice"]
    people = []
    for number, body in enumerate(bodies):
        person = store.contacts.add(Contact(name=f"Person {number}"))
        assert person.id is not None
        store.notes.save_research(person.id, body)
        people.append(person.id)
    everyone = [hit.contact_id for hit in store.search.query("advice")]
    assert sorted(everyone) == people
    assert everyone[:2] == [people[0], people[4]]  # the short ones, saying it twice
    latest = [hit.contact_id for hit in store.search.query("advice", ranked=3)]
    assert sorted(latest) == people[-3:]  # the oldest two are not ranked
    assert latest[0] == people[4]
