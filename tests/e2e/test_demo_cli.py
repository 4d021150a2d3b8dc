"""`coffeechat --demo` in a real terminal: sample data in a throwaway database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, base_env

pytestmark = pytest.mark.e2e


def test_demo_opens_sample_data_and_cleans_up(terminal: Terminal, tmp_path: Path) -> None:
    real_db = tmp_path / "real" / "coffeechat.db"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = base_env(tmp_path, real_db) | {"TMPDIR": str(temp)}
    terminal.start(["--demo"], env)
    screen = terminal.wait_for("Contacts ")
    shown, total = map(int, re.search(r"Contacts (\d+)/(\d+)", screen).groups())
    assert shown == total > 0
    assert "demo data, deleted when you quit" in screen
    folders = list(temp.iterdir())
    assert len(folders) == 1 and (folders[0] / "demo.db").exists()
    assert folders[0].stat().st_mode & 0o777 == 0o700
    terminal.press("C-q")
    assert terminal.exit_code() == 0
    assert list(temp.iterdir()) == []
    assert not real_db.exists()  # the user's own database is never touched
