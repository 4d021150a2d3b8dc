"""Mistakes undone in a real terminal: a call started and ended by mistake comes back
and is discarded (also when it was started in an earlier session), a follow-up marked
done by mistake comes back with ctrl+z."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coffeechat.models import Contact, Status
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from tests.e2e.on_disk import rows
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    maria = store.contacts.add(
        Contact(name="Maria Okafor", organization="Northbridge", status=Status.LETTER_SENT)
    )
    today = date.today().isoformat()
    store.followups.add(FollowUp(maria.id or 0, "follow_up", today, title="Call Maria"))
    store.close()
    return db


def test_discard_a_mistaken_call_and_undo_a_done_item(terminal: Terminal, tmp_path: Path) -> None:
    db = _database(tmp_path)
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    # c, ctrl+e, escape: a call started and ended by mistake.
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    terminal.press("C-e")
    terminal.wait_for("Outcome of the call with Maria Okafor")
    terminal.press("Escape")
    terminal.wait_gone("Outcome of the call with Maria Okafor")
    terminal.wait_for("Contacts 1/1")
    assert rows(db, "SELECT status FROM contacts") == [("interviewed",)]
    # ctrl+z: the call runs again and Maria is as she was; then discard it.
    terminal.press("C-z")
    terminal.wait_for("Undone: Call ended")
    assert rows(db, "SELECT status FROM contacts") == [("letter sent",)]
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    terminal.press("C-p")
    terminal.type("Discard call")
    terminal.wait_for("Discard call")
    terminal.press("Enter")
    terminal.wait_for("Discard (y)")
    terminal.press("y")
    terminal.wait_for("Contacts 1/1")
    wait_until_sync(lambda: rows(db, "SELECT count(*) FROM interviews") == [(0,)])
    assert rows(db, "SELECT status FROM contacts") == [("letter sent",)]
    assert rows(db, "SELECT title FROM followups WHERE state = 'open' ORDER BY id")[0] == (
        "Call Maria",
    )
    # The agenda: done by mistake, and back with ctrl+z.
    terminal.press("a")
    terminal.wait_for("Call Maria")
    terminal.press("space")
    terminal.wait_for("Done: Call Maria")
    assert rows(db, "SELECT state FROM followups WHERE title = 'Call Maria'") == [("done",)]
    terminal.press("C-z")
    terminal.wait_for("Undone: Done: Call Maria")
    assert rows(db, "SELECT state FROM followups WHERE title = 'Call Maria'") == [("open",)]
    terminal.press("Escape")
    terminal.wait_gone("Agenda ·")
    terminal.press("C-q")
    assert terminal.exit_code() == 0


def test_a_call_left_running_is_discarded_in_the_next_session(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = _database(tmp_path)
    env = base_env(tmp_path, db)
    terminal.start([], env)
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    terminal.press("C-q")  # quit with the call running
    assert terminal.exit_code() == 0
    assert rows(db, "SELECT state FROM interviews") == [("in progress",)]
    later = Terminal()
    try:
        later.start([], env)
        later.wait_for("Contacts 1/1")
        later.press("c")  # picks the call up, ends it, then takes the end back
        later.wait_for("Questions 0/")
        later.press("C-e")
        later.wait_for("Outcome of the call with Maria Okafor")
        later.press("Escape")
        later.wait_gone("Outcome of the call with Maria Okafor")
        later.wait_for("Contacts 1/1")
        assert rows(db, "SELECT status FROM contacts") == [("interviewed",)]
        later.press("C-z")
        later.wait_for("Undone: Call ended")
        later.press("c")
        later.wait_for("Questions 0/")
        later.press("C-p")
        later.type("Discard call")
        later.wait_for("Discard call")
        later.press("Enter")
        later.wait_for("Discard (y)")
        later.press("y")
        later.wait_for("Call with Maria Okafor discarded")
        wait_until_sync(lambda: rows(db, "SELECT count(*) FROM interviews") == [(0,)])
        assert rows(db, "SELECT status FROM contacts") == [("letter sent",)]
        assert rows(db, "SELECT title FROM followups WHERE state = 'open'") == [("Call Maria",)]
        later.press("C-q")
        assert later.exit_code() == 0
    finally:
        later.close()
