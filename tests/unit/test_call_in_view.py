"""What the caller needs in view: the phase and time left, the number on agenda lines."""

from __future__ import annotations

from datetime import datetime

import pytest

from coffeechat.domain.agenda import as_text, build_agenda
from coffeechat.domain.call import phase_line, time_left
from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import FollowUp, Outcome
from coffeechat.store import Store

NOW = datetime(2026, 3, 16, 10, 30)


@pytest.mark.parametrize(
    ("minute", "length", "expected"),
    [
        (0.5, 30, "Small talk: Thank them for their time; say why you reached out · 30 min left"),
        (5, 30, "Questions: Ask your questions, listen, take notes · 25 min left"),
        (24.5, 30, "Next steps: Ask who else you should talk to · 6 min left"),
        (28.5, 30, "Wrap up: Thank them for their time · 2 min left"),
        (29.5, 30, "Wrap up: Thank them for their time · under a minute left"),
        (
            33,
            30,
            "Over time: You promised them your time is up: thank them and offer to stop"
            " · 3 min over",
        ),
        (0.5, 15, "Small talk: Thank them for their time; say why you reached out · 15 min left"),
        (2, 15, "Questions: Ask your questions, listen, take notes · 13 min left"),
        (12.5, 15, "Next steps: Ask who else you should talk to · 3 min left"),
        (13.5, 15, "Wrap up: Thank them for their time · 2 min left"),
    ],
)
def test_the_phase_line_moves_with_the_clock(minute: float, length: int, expected: str) -> None:
    assert phase_line(minute * 60, length) == expected


def test_time_left_at_the_edges() -> None:
    assert time_left(0, 15) == "15 min left"
    assert time_left(15 * 60, 15) == "time is up"
    assert time_left(15 * 60 + 59, 15) == "time is up"
    assert time_left(16 * 60, 15) == "1 min over"


def test_agenda_lines_carry_the_number_to_dial_else_the_email(store: Store) -> None:
    phoned = store.contacts.add(Contact(name="Ada Lovelace", phone="+44 20 7946 0018"))
    mailed = store.contacts.add(Contact(name="Grace Hopper", email="grace@example.org"))
    for contact in (phoned, mailed):
        store.followups.add(FollowUp(contact.id, "follow_up", "2026-03-16", "Call them"))
    agenda = build_agenda(store.followups, NOW.date(), NOW, 7)
    assert [(item.contact_name, item.reach) for item in agenda.due_today] == [
        ("Grace Hopper", "grace@example.org"),  # by family name: Hopper, Lovelace
        ("Ada Lovelace", "+44 20 7946 0018"),
    ]
    text = as_text(agenda)
    assert "Ada Lovelace (+44 20 7946 0018) — Call them" in text
    assert "Grace Hopper (grace@example.org) — Call them" in text


def test_calls_in_progress_are_listed_until_they_end(store: Store) -> None:
    contact = store.contacts.add(Contact(name="Ada Lovelace"))
    interview = store.interviews.create(contact.id)
    assert store.interviews.calls_in_progress() == {}
    store.interviews.start(interview.id, NOW, [])
    assert store.interviews.calls_in_progress() == {contact.id: "Ada Lovelace"}
    store.interviews.end(interview.id, NOW)
    assert store.interviews.calls_in_progress() == {}


def test_the_latest_reflection_is_the_one_the_brief_shows(store: Store) -> None:
    assert store.outcomes.last_reflection() is None
    for day, name, well in ((16, "Ada Lovelace", "Calm"), (18, "Grace Hopper", "Curious")):
        contact = store.contacts.add(Contact(name=name))
        interview = store.interviews.create(contact.id)
        store.interviews.start(interview.id, datetime(2026, 3, day, 9), [])
        store.interviews.end(interview.id, datetime(2026, 3, day, 9, 30))
        store.outcomes.save(
            Outcome(interview.id, OutcomeKind.NO_REFERRAL, went_well=well, do_differently="-"),
            today=NOW.date(),
        )
    last = store.outcomes.last_reflection()
    assert last is not None
    assert (last.contact_name, last.day, last.went_well) == (
        "Grace Hopper",
        "2026-03-18",
        "Curious",
    )
