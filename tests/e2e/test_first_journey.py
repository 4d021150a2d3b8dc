"""The real console script in a real terminal: add a contact, quit, find it on disk."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.e2e.on_disk import rows
from tests.e2e.tmux import Terminal, base_env

pytestmark = pytest.mark.e2e


def test_add_contact_by_keyboard_and_quit(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "coffeechat.db"
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Welcome to coffeechat")  # an empty database opens on the welcome
    terminal.press("n")  # its "add your first contact"
    terminal.wait_for("New contact")
    terminal.type("Grace Hopper")
    terminal.press("Tab")
    terminal.type("Rear Admiral")
    terminal.press("Tab")
    terminal.type("US Navy")
    terminal.press("Tab")
    terminal.type("grace@example.org")
    terminal.press("Enter")
    terminal.wait_for("Contacts 1/1")
    assert "Welcome to coffeechat" not in terminal.screen()
    terminal.press("C-q")
    assert terminal.exit_code() == 0

    saved = rows(
        db,
        "SELECT c.name, c.title, o.name, c.email FROM contacts c "
        "JOIN organizations o ON o.id = c.organization_id",
    )
    assert saved == [("Grace Hopper", "Rear Admiral", "US Navy", "grace@example.org")]
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_bad_database_file_gives_one_line_and_no_traceback(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "not-a-db.db"
    db.write_bytes(b"\x00\x01garbage" * 100)
    before = db.read_bytes()
    terminal.start([], base_env(tmp_path, db))
    assert terminal.exit_code() != 0
    screen = terminal.printed()
    assert "not a coffeechat database" in screen
    assert "Traceback" not in screen
    assert db.read_bytes() == before
