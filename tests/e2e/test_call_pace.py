"""The call at a real pace in a real terminal: lines sent in one burst, ctrl+e mid-line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import first, rows
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

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


def _notes(db: Path) -> list[str]:
    return [text for (text,) in rows(db, "SELECT text FROM note_lines ORDER BY id")]


def _notes_when(db: Path, count: int) -> list[str]:
    """The note lines on disk, once there are *count* of them."""

    def enough() -> list[str]:
        notes = _notes(db)
        return notes if len(notes) >= count else []

    return wait_until_sync(
        enough,
        timeout=20,
        what=lambda: f"{count} note lines; on disk: {_notes(db)!r}",
    )


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
    assert rows(db, "SELECT state, draft_note FROM interviews") == [("held", "")]


def test_words_typed_on_the_call_are_the_note(terminal: Terminal, tmp_path: Path) -> None:
    db = _start_call(terminal, tmp_path)
    terminal.burst("the salary bands, ask story 0")
    wait_until_sync(  # saved as the draft line
        lambda: first(db, "SELECT draft_note FROM interviews") == "the salary bands, ask story 0",
        timeout=20,
        what=lambda: f"the draft line; on disk: {rows(db, 'SELECT draft_note FROM interviews')}",
    )
    # The space typed a space; it ticked nothing.
    assert first(db, "SELECT count(*) FROM checklist_items WHERE asked") == 0
    assert "Questions 0/" in terminal.screen() and "My story ·" not in terminal.screen()
