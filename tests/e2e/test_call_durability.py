"""A call in a real terminal, then kill -9: the tick and both notes are on disk."""

from __future__ import annotations

import os
import signal
from datetime import datetime
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import assert_intact, first, rows
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


def _draft_note(db: Path) -> str | None:
    return first(db, "SELECT draft_note FROM interviews")


def test_sigkill_mid_call_loses_nothing(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Grace Hopper", organization="US Navy"))
    store.close()

    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    terminal.wait_for("Questions 0/10 asked")
    terminal.press("C-t")
    terminal.wait_for("Questions 1/10 asked")
    terminal.type("She moved from the bench to policy")
    terminal.press("Enter")
    terminal.wait_for("She moved from the bench")
    terminal.type("Half typed")
    terminal.wait_for("Half typed")
    # The line being typed reaches the file by the pause alone (its 0.5 s deadline is
    # held by tests/tui/test_autosave.py; a busy machine may take longer).
    wait_until_sync(lambda: _draft_note(db) == "Half typed", timeout=20)  # the pause alone
    pid = terminal.app_pid()
    os.kill(pid, signal.SIGKILL)
    terminal.wait_for("__COFFEECHAT_EXITED__ 137")
    assert not Path(f"/proc/{pid}").exists()

    assert_intact(db)
    assert first(db, "SELECT count(*) FROM checklist_items WHERE asked = 1") == 1
    assert rows(db, "SELECT text FROM note_lines") == [("She moved from the bench to policy",)]
    assert rows(db, "SELECT state, draft_note FROM interviews") == [("in progress", "Half typed")]


def test_reopening_after_a_kill_restores_the_call(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    contact = store.contacts.add(Contact(name="Grace Hopper"))
    interview = store.interviews.create(contact.id, questions=store.questions.all()[:3])
    store.interviews.start(interview.id, datetime.now(), [])
    item = store.interviews.checklist(interview.id)[0]
    store.interviews.set_asked(item.id, True, datetime.now())
    store.interviews.save_draft(interview.id, "where was I")
    store.close()

    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    screen = terminal.wait_for("Questions 1/3 asked")
    assert "where was I" in screen
