"""A checklist that fits the call: sized to its length, every TIARA group, the
referral question last."""

from __future__ import annotations

import pytest

from coffeechat.domain.questions import (
    DEFAULT_QUESTIONS,
    REFERRAL_QUESTION,
    TIARA,
    estimated_minutes,
    fit_to_call,
    questions_for,
)
from coffeechat.models_activity import Question
from coffeechat.store import Store

BANK = [Question(text, group=group, id=n) for n, (group, text) in enumerate(DEFAULT_QUESTIONS)]


@pytest.mark.parametrize(("length", "count"), [(15, 6), (30, 10)])
def test_the_default_set_fits_the_call(length: int, count: int) -> None:
    picked = fit_to_call(BANK, length)
    assert len(picked) == questions_for(length) == count
    assert {q.group for q in picked} == set(TIARA)
    assert picked[-1].text == REFERRAL_QUESTION
    assert len({q.id for q in picked}) == count  # no question twice
    # Bank order within each group, groups in TIARA order before the closing question.
    body = picked[:-1]
    assert [TIARA.index(q.group) for q in body] == sorted(TIARA.index(q.group) for q in body)
    assert estimated_minutes(count, length) <= length


def test_the_referral_question_is_added_when_the_bank_lost_it() -> None:
    bank = [q for q in BANK if "who else" not in q.text.lower()]
    picked = fit_to_call(bank, 15)
    assert picked[-1].text == REFERRAL_QUESTION and picked[-1].id is None
    assert len(picked) == 6


def test_own_groups_take_their_turn_after_tiara() -> None:
    own = Question("What would you tell your younger self?", group="Personal", id=99)
    picked = fit_to_call([*BANK, own], 30)
    assert own in picked
    assert picked.index(own) == len(picked) - 2  # after TIARA, before the closing question


def test_too_many_questions_are_estimated_over_the_length() -> None:
    assert estimated_minutes(6, 15) <= 15 < estimated_minutes(8, 15)
    assert estimated_minutes(10, 30) <= 30 < estimated_minutes(14, 30)


def test_the_store_sizes_its_defaults(store: Store) -> None:
    assert len(store.questions.defaults_for(15)) == 6
    assert len(store.questions.defaults_for(30)) == 10
    assert all(q.id is not None for q in store.questions.defaults_for(30))
