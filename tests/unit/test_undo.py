"""Undo, built once: every use case a key runs returns how to reverse itself, and
undoing puts every record back exactly (only the rows' "changed at" moves on)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coffeechat.demo import fill_demo
from coffeechat.domain.templates import INTRO
from coffeechat.models import Contact, Status
from coffeechat.models_activity import Draft
from coffeechat.store import Store
from coffeechat.usecases import advice, calls, contacts, followups, merge, outreach
from coffeechat.usecases.undo import Undo, UndoStale, undo
from tests.conftest import FROZEN_NOW

NOW = FROZEN_NOW


def state(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the search index too), without "changed at"."""
    conn = store.database.conn
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            # How to discard each call is the undo's own record, not the user's data.
            "AND name NOT LIKE 'search_index_%' AND name != 'call_discards'"
        )
    ]
    found = {}
    for table in tables:
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
        listed = ", ".join(f'"{c}"' for c in columns if c != "updated_at")
        order = "rowid" if table != "search_index" else "source, ref_id"
        found[table] = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {order}').fetchall()
    return found


def _people(store: Store) -> dict[str, Contact]:
    return {c.name: c for c in store.contacts.all()}


def _id(store: Store, name: str) -> int:
    found = _people(store)[name].id
    assert found is not None
    return found


def _first_open(store: Store, name: str) -> int:
    items = store.followups.for_contact(_id(store, name), open_only=True)
    assert items and items[0].id is not None
    return items[0].id


def _merge(store: Store) -> Undo:
    first, twin = sorted(c.id or 0 for c in store.contacts.all() if c.name == "Maria Okafor")
    return merge.merge_contacts(store, first, twin).undo


def _end_call(store: Store) -> Undo:
    running = store.interviews.open_for(_id(store, "Sofia Castillo"))
    assert running is not None
    return calls.end_call(store, running.id or 0, NOW.replace(minute=55)).undo


def _mark_sent(store: Store) -> Undo:
    sofia = _people(store)["Sofia Castillo"]
    draft = store.drafts.working(sofia.id or 0, INTRO)
    assert draft is not None
    return outreach.mark_sent(store, draft, sofia, NOW).undo


def _advice(store: Store) -> Undo:
    outcome = store.outcomes.for_contact(_id(store, "Hannah Berg"))[-1]
    return advice.mark_advice_acted_on(store, outcome.id or 0, "A new piece", NOW).undo


def _prepared(store: Store) -> Undo:
    planned = store.interviews.open_for(_id(store, "Tom Lindqvist"))
    assert planned is not None and planned.id is not None
    return calls.mark_prepared(store, planned.id, "research", True).undo


#: Every use case a key runs, done once on the demo.
UNDOABLE: dict[str, Callable[[Store], Undo]] = {
    "follow-up done": lambda s: followups.complete_followup(s, _first_open(s, "Grace Liu"), NOW),
    "follow-up snoozed": lambda s: followups.reschedule_followup(
        s, _first_open(s, "Grace Liu"), "2026-03-30", NOW.date()
    ),
    "status changed": lambda s: (
        contacts.change_status(s, _id(s, "Maria Okafor"), Status.DECLINED, NOW.date()).undo
    ),
    "archived": lambda s: contacts.set_archived(s, _id(s, "Ben Adler"), True),
    "deleted": lambda s: contacts.delete_contact(s, _id(s, "Hannah Berg")),
    "merged": _merge,
    "call started": lambda s: calls.start_call(s, _id(s, "Sofia Castillo"), NOW).undo,
    "call ended": _end_call,
    "letter marked sent": _mark_sent,
    "advice ticked": _advice,
    "preparation ticked": _prepared,
}


#: What must be there first: the call that ends, the letter that is marked sent.
SETUP: dict[str, Callable[[Store], object]] = {
    "merged": lambda s: s.contacts.add(
        Contact(name="Maria Okafor", email="m.okafor@example.org", organization="Home")
    ),
    "call ended": lambda s: calls.start_call(s, _id(s, "Sofia Castillo"), NOW),
    "letter marked sent": lambda s: s.drafts.save(
        Draft(_id(s, "Sofia Castillo"), INTRO, body="Would you have 15 minutes?")
    ),
}


@pytest.mark.parametrize("name", sorted(UNDOABLE))
def test_every_undoable_use_case_undoes_to_the_state_before(store: Store, name: str) -> None:
    fill_demo(store, NOW)
    SETUP.get(name, lambda _s: None)(store)
    before = state(store)
    change = UNDOABLE[name](store)
    assert change, name
    assert state(store) != before
    undo(store, change)
    assert state(store) == before


def test_ending_a_call_undone_leaves_it_running_as_before(store: Store) -> None:
    fill_demo(store, NOW)
    sofia = _id(store, "Sofia Castillo")
    status_before = store.contacts.status_of(sofia)
    started = calls.start_call(store, sofia, NOW)
    running = state(store)
    ended = calls.end_call(store, started.interview.id or 0, NOW.replace(minute=55))
    assert store.contacts.status_of(sofia) is Status.INTERVIEWED
    undo(store, ended.undo)
    assert state(store) == running
    assert store.contacts.status_of(sofia) == status_before
    assert not [
        f for f in store.followups.for_contact(sofia, open_only=True) if f.kind == "thank_you"
    ]


def test_a_call_started_and_ended_by_mistake_is_discarded_whole(store: Store) -> None:
    fill_demo(store, NOW)
    before = state(store)
    started = calls.start_call(store, _id(store, "Sofia Castillo"), NOW)
    calls.end_call(store, started.interview.id or 0, NOW.replace(minute=31))
    assert calls.discard_call(store, started.interview.id or 0) == (
        "Call with Sofia Castillo discarded"
    )
    assert state(store) == before


def test_a_call_picked_up_in_a_later_session_is_discarded_to_before_it_began(
    store: Store, tmp_path
) -> None:
    fill_demo(store, NOW)
    maria = _id(store, "Tom Lindqvist")  # a call planned, follow-ups open
    before = state(store)
    first = calls.start_call(store, maria, NOW)
    path = store.path
    store.close()
    later = Store.open(path)  # the app quit with the call running, and opened again
    try:
        again = calls.start_call(later, maria, NOW.replace(minute=50))
        assert again.interview.id == first.interview.id
        calls.end_call(later, again.interview.id or 0, NOW.replace(hour=11))
        assert later.contacts.status_of(maria) is Status.INTERVIEWED
        assert calls.discard_call(later, again.interview.id or 0)
        assert state(later) == before, "status, follow-ups and the planned call as before"
        assert calls.discard_call(later, again.interview.id or 0) is None  # nothing left
    finally:
        later.close()


def test_a_discard_kept_in_the_file_that_does_not_read_changes_nothing(store: Store) -> None:
    fill_demo(store, NOW)
    started = calls.start_call(store, _id(store, "Sofia Castillo"), NOW)
    interview = started.interview.id or 0
    store.call_discards.put(interview, "{not json")
    moved_on = state(store)
    assert calls.discard_call(store, interview) is None
    assert state(store) == moved_on


def test_an_undo_refuses_when_the_records_changed_since(store: Store) -> None:
    fill_demo(store, NOW)
    maria = _id(store, "Maria Okafor")
    changed = contacts.change_status(store, maria, Status.DECLINED, NOW.date())
    contacts.change_status(store, maria, Status.THANKED, NOW.date())
    moved_on = state(store)
    with pytest.raises(UndoStale, match="changed again since"):
        undo(store, changed.undo)
    assert state(store) == moved_on


def test_triggers_made_ahead_record_only_inside_a_change_and_follow_a_new_column(
    store: Store,
) -> None:
    from coffeechat.usecases.undo import prepare

    prepare(store)  # as the app does while idle
    maria = store.contacts.add(Contact(name="Maria Okafor"))  # not recorded: no undo
    conn = store.database.conn
    assert conn.execute("SELECT count(*) FROM temp.undo_log").fetchone()[0] == 0
    assert maria.id is not None
    before = state(store)
    changed = contacts.change_status(store, maria.id, Status.LETTER_SENT, NOW.date())
    undo(store, changed.undo)
    assert state(store) == before
    conn.execute("ALTER TABLE contacts ADD COLUMN extra TEXT")  # a later migration
    conn.execute("UPDATE contacts SET extra = 'kept'")
    changed = contacts.change_status(store, maria.id, Status.LETTER_SENT, NOW.date())
    undo(store, changed.undo)
    row = conn.execute("SELECT status, extra FROM contacts").fetchone()
    assert (row["status"], row["extra"]) == (Status.TO_CONTACT.value, "kept")
