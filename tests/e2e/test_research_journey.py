"""Research notes in a real terminal: typed text survives kill -9 after half a second."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import rows
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


def _research(db: Path) -> list[tuple]:
    return rows(db, "SELECT kind, contact_id, body FROM notes ORDER BY id")


def test_notes_survive_kill_after_the_debounce(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    ada = store.contacts.add(Contact(name="Ada Lovelace", organization="Analytical Engines"))
    store.close()

    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("r")
    terminal.wait_for("About Ada Lovelace")
    terminal.type("Wrote the first program")
    terminal.wait_for("Wrote the first program")
    expected = [("research", ada.id, "Wrote the first program")]
    wait_until_sync(lambda: _research(db) == expected, timeout=20)  # the pause alone
    os.kill(terminal.app_pid(), signal.SIGKILL)
    terminal.exit_code()

    assert _research(db) == [("research", ada.id, "Wrote the first program")]


def test_search_finds_a_note_and_brief_shows_it(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Ada Lovelace"))
    grace = store.contacts.add(Contact(name="Grace Hopper"))
    store.notes.save_self_assessment(grace.id, "Ask about the first compiler")
    store.close()

    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 2/2")
    terminal.press("C-f")
    terminal.wait_for("Search notes, calls, outcomes and letters")
    terminal.type("compil")
    terminal.wait_for("Grace Hopper · goals")
    terminal.press("Enter")
    terminal.wait_for("About Grace Hopper")
    terminal.wait_for("^t Preview")  # the goals editor has the keys
    terminal.press("Escape")
    # The list has the keys again. Not "the heading is gone": the editor scrolls it away
    # on its own, and a key sent right after escape would read as alt+key.
    terminal.wait_for("/ Filter")
    terminal.press("b")
    terminal.wait_for("What I want to learn, and why them")
    terminal.wait_for("Ask about the first compiler")
    terminal.press("Escape")
    terminal.wait_gone("What I want to learn, and why them")
    terminal.press("C-q")
    assert terminal.exit_code() == 0
