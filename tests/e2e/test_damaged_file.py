"""A database with damaged pages, opened in the app: one line, no traceback (whose
locals would print people's notes), a failing exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.damaged_file import damage
from tests.e2e.tmux import Terminal, base_env

pytestmark = pytest.mark.e2e


def test_the_app_on_a_damaged_file_says_so_in_one_line(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    for n in range(300):
        store.contacts.add(Contact(name=f"Person {n}", title="Secret title " * 5))
    store.close()
    damage(db, "contacts")
    terminal.start([], {**base_env(tmp_path, db), "COLUMNS": "120", "LINES": "40"})
    code = terminal.exit_code(timeout=30)
    screen = terminal.printed()
    assert code == 1, screen
    assert "the database file is damaged" in screen, screen
    assert "Traceback" not in screen and "Secret title" not in screen, screen
