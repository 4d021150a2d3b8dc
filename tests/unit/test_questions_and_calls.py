"""The question bank, the job-asking check, the call timer and the interview store."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.call import call_minute, elapsed, format_clock, phase
from coffeechat.domain.questions import DEFAULT_QUESTIONS, JOB_WORDS, TIARA, asks_for_job
from coffeechat.models import Contact, Medium
from coffeechat.store import Store

NOW = datetime(2026, 3, 16, 10, 30)


def test_default_set_is_thoughtful_and_never_asks_for_a_job() -> None:
    assert len(DEFAULT_QUESTIONS) >= 25
    texts = [text for _, text in DEFAULT_QUESTIONS]
    assert "Who else would you suggest I talk to?" in texts
    assert {group for group, _ in DEFAULT_QUESTIONS} == set(TIARA)
    assert len(set(texts)) == len(texts)
    assert not [text for text in texts if asks_for_job(text)]


def test_job_words_are_caught_as_whole_words_any_case() -> None:
    assert asks_for_job("Are you HIRING at the moment?")
    assert asks_for_job("Could I send you my CV?")
    assert asks_for_job("Is there an opening on your team?")
    assert asks_for_job("Would you hire me?")
    assert asks_for_job("Can I forward my résumé")
    assert not asks_for_job("What is your view on open science?")
    assert not asks_for_job("Jobson and the cvs pharmacy were positionally fine")
    assert not asks_for_job("")


@given(st.sampled_from(JOB_WORDS), st.text(alphabet=" .,?!"), st.text(alphabet=" .,?!"))
def test_any_job_word_between_separators_is_flagged(word: str, left: str, right: str) -> None:
    assert asks_for_job(f"x{left or ' '}{word.upper()}{right or ' '}y")


@given(st.text(alphabet="abdfgklmqtuwxz "))
def test_text_without_job_letters_is_never_flagged(text: str) -> None:
    # None of the job words can be spelt from these letters (no 'e', 'i', 'o', 'p', 'c'...).
    assert not asks_for_job(text)


def test_timer_and_phases() -> None:
    assert elapsed(30, "", NOW) == 30
    assert elapsed(30, (NOW - timedelta(seconds=95)).isoformat(), NOW) == 125
    assert call_minute(125) == 2
    assert format_clock(125) == "02:05"
    assert format_clock(3725) == "1:02:05"
    assert phase(10, 30).name == "Small talk"
    assert phase(5 * 60, 30).name == "Questions"
    assert phase(25 * 60, 30).nudge == "Ask who else you should talk to"
    assert phase(29 * 60, 30).nudge == "Thank them for their time"
    assert phase(31 * 60, 30).name == "Over time"
    assert phase(13 * 60, 15).name == "Wrap up"


@given(
    st.floats(min_value=0, max_value=10_000),
    st.floats(min_value=0, max_value=10_000),
    st.sampled_from([15, 30]),
)
def test_phases_never_go_backwards(offset: float, further: float, length: int) -> None:
    # phase() is a pure table from an offset into the call to its phase: a larger offset
    # never maps to an earlier phase.
    order = ["Small talk", "Questions", "Next steps", "Wrap up", "Over time"]
    earlier, later = sorted((offset, further))
    assert order.index(phase(earlier, length).name) <= order.index(phase(later, length).name)


def test_bank_is_seeded_once_and_edits_stick(store: Store) -> None:
    bank = store.questions.all()
    assert len(bank) == len(DEFAULT_QUESTIONS)
    assert all(q.is_default for q in bank)
    added = store.questions.add("Are you hiring?", "My group")
    assert added.asks_for_job and not added.is_default
    assert "My group" in store.questions.groups()
    store.questions.update(added.id, text="What do you read?", group="Resources")
    assert not store.questions.get(added.id).asks_for_job
    store.questions.move(added.id, -100)
    assert store.questions.all()[0].id == added.id
    for question in store.questions.all():
        store.questions.delete(question.id)
    assert store.questions.all() == []  # deleting everything does not bring defaults back


def test_a_call_without_a_checklist_uses_the_default_set(store: Store) -> None:
    contact = store.contacts.add(Contact(name="Ada"))
    interview = store.interviews.create(contact.id, length_minutes=15, medium=Medium.VIDEO)
    started = store.interviews.start(interview.id, NOW, store.questions.defaults())
    assert started.state == "in progress"
    assert started.running_since
    items = store.interviews.checklist(interview.id)
    assert [i.text for i in items] == [text for _, text in DEFAULT_QUESTIONS]
    assert store.interviews.open_for(contact.id).id == interview.id


def test_ticks_notes_draft_timer_and_end(store: Store) -> None:
    contact = store.contacts.add(Contact(name="Ada"))
    picked = store.questions.all()[:3]
    interview = store.interviews.create(contact.id, questions=picked)
    store.interviews.start(interview.id, NOW, store.questions.defaults())
    items = store.interviews.checklist(interview.id)
    assert [i.text for i in items] == [q.text for q in picked]
    store.interviews.set_asked(items[1].id, True, NOW)
    store.interviews.set_answer(items[1].id, "Gene therapy")
    store.interviews.save_draft(interview.id, "half a thought")
    store.interviews.add_note(
        interview.id, "they moved from the bench", minute=3, checklist_item_id=items[1].id, now=NOW
    )
    assert store.interviews.get(interview.id).draft_note == ""
    [note] = store.interviews.notes(interview.id)
    assert (note.minute, note.checklist_item_id) == (3, items[1].id)
    item = store.interviews.checklist(interview.id)[1]
    assert item.asked and item.answer == "Gene therapy" and item.asked_at

    paused = store.interviews.pause(interview.id, NOW + timedelta(seconds=90))
    assert paused.elapsed_seconds == 90 and paused.running_since == ""
    store.interviews.resume(interview.id, NOW + timedelta(seconds=500))
    ended = store.interviews.end(interview.id, NOW + timedelta(seconds=530))
    assert ended.state == "held" and ended.elapsed_seconds == 120 and ended.ended_at
    assert store.interviews.open_for(contact.id) is None


def test_checklist_reorder_and_story(store: Store) -> None:
    contact = store.contacts.add(Contact(name="Ada"))
    interview = store.interviews.create(contact.id, questions=store.questions.all()[:3])
    first, second, third = store.interviews.checklist(interview.id)
    store.interviews.move_item(third.id, -1)
    assert [i.id for i in store.interviews.checklist(interview.id)] == [
        first.id,
        third.id,
        second.id,
    ]


def test_when_accepts_date_and_time_only() -> None:
    from coffeechat.domain.call import check_when, parse_when

    assert check_when("") is None
    assert parse_when("2026-03-18 14:30") == datetime(2026, 3, 18, 14, 30)
    assert parse_when("2026-03-18") == datetime(2026, 3, 18)
    assert check_when("tomorrow at 3")
    assert check_when("2026-02-30 10:00")


def test_a_call_in_progress_is_picked_up_before_a_planned_one(store: Store) -> None:
    contact = store.contacts.add(Contact(name="Ada"))
    running = store.interviews.create(contact.id)
    store.interviews.start(running.id, NOW, [])
    store.interviews.create(contact.id, scheduled_at="2026-04-01T09:00")
    assert store.interviews.open_for(contact.id).id == running.id
