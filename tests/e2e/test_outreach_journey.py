"""The outreach journey in a real terminal: draft, copy, mark sent, agenda; and kill -9."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path

import pytest

from coffeechat.domain.business_days import add_business_days
from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import first
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(
        Contact(name="Maria Okafor", title="Director", organization="Northbridge Biologics")
    )
    store.settings.set("profile.name", "Ada Byron")
    store.settings.set("profile.background", "a postdoc in cell biology")
    store.close()
    return db


def test_draft_copy_mark_sent_and_see_it_on_the_agenda(terminal: Terminal, tmp_path: Path) -> None:
    db = _database(tmp_path)
    env = base_env(tmp_path, db)  # no DISPLAY: the copy must fall back to OSC 52 + file
    terminal.start([], env)
    terminal.wait_for("Contacts 1/1")
    terminal.press("d")
    terminal.wait_for("Names the")  # the checker has run (its lines wrap with the pane)
    terminal.press("C-b")
    terminal.wait_for("clipboard.txt")
    copied = (tmp_path / "xdg-state" / "coffeechat" / "clipboard.txt").read_text("utf-8")
    assert copied.startswith("Dear Maria,") and "Ada Byron" in copied
    terminal.press("C-s")
    terminal.wait_for("Mark sent (y)")
    terminal.press("y")
    terminal.wait_for("Contacts 1/1")
    terminal.press("a")
    follow_up = add_business_days(date.today(), 7).isoformat()
    terminal.wait_for(follow_up)
    # The copy's and the letter's notices may cover the line for a while.
    terminal.wait_for("Follow up with Maria Okafor")
    terminal.press("Escape")
    terminal.wait_gone("Agenda ·")
    terminal.press("C-q")
    assert terminal.exit_code() == 0


def _draft_body(db: Path) -> str:
    return first(db, "SELECT body FROM drafts", default="")


def test_kill_9_keeps_draft_typing_older_than_half_a_second(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = _database(tmp_path)
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("d")
    terminal.wait_for("Names the")  # the checker has run (its lines wrap with the pane)
    terminal.type(" Zebra")
    wait_until_sync(lambda: "Zebra" in _draft_body(db), timeout=20)  # the pause alone
    os.kill(terminal.app_pid(), signal.SIGKILL)
    terminal.exit_code()
    body = _draft_body(db)
    assert "Zebra" in body
    assert "Dear Maria," in body
