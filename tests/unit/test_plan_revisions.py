"""A call re-planned in two windows: the plan is saved against the plan the dialog
loaded, so neither window's change is lost (usecases/calls.py save_plan)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from coffeechat.models import Contact, Medium
from coffeechat.models_activity import Question
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, save_plan, stored_plan
from coffeechat.usecases.revisions import EditConflict

NOW = datetime(2026, 3, 10, 9)
ASK = Question("What does a typical week look like?")
PATH = Question("How did you get into this field?")
NEXT = Question("Who else should I talk to?")


def _planned(store: Store) -> tuple[int, Plan]:
    contact = store.contacts.add(Contact(name="Tom Lindqvist"))
    contact_id = contact.id or 0
    interview = save_plan(
        store, contact_id, Plan("2026-03-18T14:00", Medium.PHONE, 30, (ASK, PATH)), NOW
    )
    return contact_id, stored_plan(store, interview)


def _in_other_window(db_path: Path, contact_id: int, plan: Plan, base: Plan) -> None:
    other = Store.open(db_path)
    try:
        save_plan(other, contact_id, plan, NOW, base)
    finally:
        other.close()


def _texts(plan: Plan) -> list[str]:
    return [q.text for q in plan.questions]


def test_a_time_moved_there_and_questions_changed_here_are_both_kept(
    db_path: Path, store: Store
) -> None:
    contact_id, base = _planned(store)
    _in_other_window(db_path, contact_id, replace(base, scheduled_at="2026-03-19T10:00"), base)
    mine = replace(base, medium=Medium.VIDEO, questions=(PATH, ASK, NEXT))
    saved = stored_plan(store, save_plan(store, contact_id, mine, NOW, base))
    assert saved.scheduled_at == "2026-03-19T10:00"
    assert saved.medium == Medium.VIDEO
    assert _texts(saved) == [PATH.text, ASK.text, NEXT.text]


def test_checklist_edits_of_both_windows_are_merged(db_path: Path, store: Store) -> None:
    contact_id, base = _planned(store)
    # There: a question added. Here: another one taken out.
    _in_other_window(db_path, contact_id, replace(base, questions=(ASK, PATH, NEXT)), base)
    saved = stored_plan(
        store, save_plan(store, contact_id, replace(base, questions=(ASK,)), NOW, base)
    )
    assert _texts(saved) == [ASK.text, NEXT.text]


def test_a_time_both_changed_is_asked_not_overwritten(db_path: Path, store: Store) -> None:
    contact_id, base = _planned(store)
    _in_other_window(db_path, contact_id, replace(base, scheduled_at="2026-03-19T10:00"), base)
    with pytest.raises(EditConflict) as raised:
        save_plan(store, contact_id, replace(base, scheduled_at="2026-03-20T15:00"), NOW, base)
    assert raised.value.fields == ("scheduled_at",)
    planned = store.interviews.open_for(contact_id)
    assert planned is not None and planned.scheduled_at == "2026-03-19T10:00"


def test_an_unchanged_plan_is_saved_as_the_dialog_has_it(store: Store) -> None:
    contact_id, base = _planned(store)
    mine = replace(base, length_minutes=45)
    assert stored_plan(store, save_plan(store, contact_id, mine, NOW, base)) == mine
