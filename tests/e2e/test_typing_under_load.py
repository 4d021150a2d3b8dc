"""Forms and the call typed in a real terminal while every core is busy: each value lands
in its own field, whether the keys come in one burst or 40 ms apart.

A CPU hog runs on every core for the whole test; keys go through tmux as a terminal
delivers them. Nothing waits between keys except the pace itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import rows
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e

PACES = [0.0, 0.04]
"""Seconds between keys: all at once (a paste, a fast typist on a busy machine), and a
quick typist."""


@pytest.fixture
def cpu_hog() -> Iterator[None]:
    hogs = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def _send(terminal: Terminal, keys: list[str], pace: float) -> None:
    """*keys*: tmux key names (Tab, Enter, C-e) and literal text; at *pace* 0 in one
    send-keys, else one key (one character) every *pace* seconds."""
    if not pace:
        terminal.burst(*keys)
        return
    for key in keys:
        named = (key[:1].isupper() and len(key) > 1 and key.isalpha()) or key.startswith("C-")
        for one in [key] if named else list(key):
            terminal.burst(one)
            time.sleep(pace)


def _start(terminal: Terminal, tmp_path: Path) -> Path:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Grace Hopper", organization="US Navy"))
    store.close()
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1", timeout=60)
    return db


@pytest.mark.parametrize("pace", PACES, ids=["burst", "40ms"])
def test_contact_form_typed_under_load(
    terminal: Terminal, tmp_path: Path, cpu_hog: None, pace: float
) -> None:
    db = _start(terminal, tmp_path)
    keys = ["n", "Alice Smith", "Tab", "Engineer", "Tab", "Acme Corp", "Tab"]
    keys += ["alice@acme.example", "Enter"]
    _send(terminal, keys, pace)
    sql = (
        "SELECT c.name, c.title, o.name, c.email FROM contacts c "
        "LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.name != 'Grace Hopper'"
    )
    saved = wait_until_sync(
        lambda: rows(db, sql), timeout=60, what=lambda: f"the contact saved:\n{terminal.screen()}"
    )
    assert saved == [("Alice Smith", "Engineer", "Acme Corp", "alice@acme.example")]


@pytest.mark.parametrize("pace", PACES, ids=["burst", "40ms"])
def test_outcome_form_typed_right_after_ctrl_e_under_load(
    terminal: Terminal, tmp_path: Path, cpu_hog: None, pace: float
) -> None:
    db = _start(terminal, tmp_path)
    terminal.press("c")
    terminal.wait_for("Questions 0/", timeout=60)
    # The outcome picked from its list, the confidence, then three answers.
    keys = ["C-e", "Enter", "Down", "Enter", "Tab", "4", "Tab", "Field moves fast", "Tab"]
    keys += ["Statistics", "Tab", "Start small", "C-s"]
    _send(terminal, keys, pace)
    terminal.wait_for("Did you ask who else to talk to?", timeout=60)
    terminal.press("n")
    sql = "SELECT learned, skills, advice, confidence FROM outcomes"
    saved = wait_until_sync(
        lambda: rows(db, sql), timeout=60, what=lambda: f"the outcome saved:\n{terminal.screen()}"
    )
    assert saved == [("Field moves fast", "Statistics", "Start small", 4)]


@pytest.mark.parametrize("pace", PACES, ids=["burst", "40ms"])
def test_call_notes_typed_under_load(
    terminal: Terminal, tmp_path: Path, cpu_hog: None, pace: float
) -> None:
    db = _start(terminal, tmp_path)
    terminal.press("c")
    terminal.wait_for("Questions 0/", timeout=60)
    keys = ["the salary bands", "Enter", "C-t", "Down", "ask story next", "Enter", "done"]
    keys += ["Enter"]
    _send(terminal, keys, pace)
    sql = "SELECT text FROM note_lines ORDER BY id"
    notes = wait_until_sync(
        lambda: [row[0] for row in rows(db, sql)] if len(rows(db, sql)) >= 3 else [],
        timeout=60,
        what=lambda: f"three notes:\n{terminal.screen()}",
    )
    assert notes == ["the salary bands", "ask story next", "done"]
    asked = rows(db, "SELECT count(*) FROM checklist_items WHERE asked")
    assert asked == [(1,)]
