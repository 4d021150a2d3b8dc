"""The outcome form in a real terminal: typing, then kill -9. What was typed is on disk
(all but at most its last 0.5 s) and the file is whole; the form opening with it again
is tests/tui/test_outcome_autosave.py."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import assert_intact, first
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e

TYPED = "Policy teams hire scientists who can write short briefs for ministers"


def _typed_learned(db: Path) -> str:
    typed = first(db, "SELECT value FROM settings WHERE key LIKE 'outcome_typed.%'")
    return json.loads(typed).get("learned", "") if typed else ""


def test_sigkill_while_typing_the_outcome_keeps_the_text(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Grace Hopper", organization="US Navy"))
    store.close()

    env = base_env(tmp_path, db)
    terminal.start([], env)
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    terminal.press("C-e")
    terminal.wait_for("Outcome of the call with Grace Hopper")
    terminal.press("Enter")  # the outcome choices
    terminal.wait_for("dead end")
    terminal.press("Down", "Enter", "Tab")
    terminal.type("4")
    terminal.press("Tab")  # "What I learned about the field"
    terminal.type(TYPED)
    terminal.wait_for("short briefs")
    # Typed text reaches the file by the pause alone (its 0.5 s deadline is held by
    # tests/tui/test_autosave.py; a busy machine may take longer).
    wait_until_sync(lambda: _typed_learned(db) == TYPED, timeout=20)
    pid = terminal.app_pid()
    os.kill(pid, signal.SIGKILL)
    terminal.wait_for("__COFFEECHAT_EXITED__ 137")

    assert_intact(db)
    assert first(db, "SELECT count(*) FROM outcomes") == 0
    assert _typed_learned(db) == TYPED
