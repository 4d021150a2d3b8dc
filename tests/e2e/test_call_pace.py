"""The call at a real pace in a real terminal: lines sent in one burst, ctrl+e mid-line."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.tmux import Terminal, base_env

pytestmark = pytest.mark.e2e


def _start_call(terminal: Terminal, tmp_path: Path) -> Path:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Grace Hopper", organization="US Navy", phone="+1 555 0100"))
    store.close()
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    return db


def _notes_when(db: Path, count: int, timeout: float = 20.0) -> list[str]:
    """The note lines on disk, once there are *count* of them (polled, never slept)."""
    deadline = time.monotonic() + timeout
    while True:
        conn = sqlite3.connect(db)
        try:
            notes = [row[0] for row in conn.execute("SELECT text FROM note_lines ORDER BY id")]
        finally:
            conn.close()
        if len(notes) >= count or time.monotonic() > deadline:
            return notes
        time.sleep(0.05)


def test_three_lines_in_one_burst_are_three_notes(terminal: Terminal, tmp_path: Path) -> None:
    db = _start_call(terminal, tmp_path)
    terminal.burst("a", "Enter", "b", "Enter", "c", "Enter")
    assert _notes_when(db, 3) == ["a", "b", "c"]
    screen = terminal.wait_for("Questions 0/")  # nothing ticked by a stray key
    assert "Questions 1/" not in screen


def test_ctrl_e_mid_line_keeps_the_line_as_the_last_note(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = _start_call(terminal, tmp_path)
    terminal.burst("first line", "Enter", "half typed", "C-e")
    terminal.wait_for("Outcome")
    assert _notes_when(db, 2) == ["first line", "half typed"]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT state, draft_note FROM interviews").fetchall() == [("held", "")]
    finally:
        conn.close()


def test_words_typed_on_the_call_are_the_note(terminal: Terminal, tmp_path: Path) -> None:
    db = _start_call(terminal, tmp_path)
    terminal.burst("the salary bands, ask story 0")
    deadline = time.monotonic() + 20
    draft = ""
    while time.monotonic() < deadline:
        conn = sqlite3.connect(db)
        try:
            draft = conn.execute("SELECT draft_note FROM interviews").fetchone()[0]
            ticked = conn.execute("SELECT count(*) FROM checklist_items WHERE asked").fetchone()
        finally:
            conn.close()
        if draft == "the salary bands, ask story 0":
            break
        time.sleep(0.05)
    assert draft == "the salary bands, ask story 0"  # saved as the draft line
    assert ticked == (0,)  # the space typed a space; it ticked nothing
    assert "Questions 0/" in terminal.screen() and "My story ·" not in terminal.screen()
