"""Export… in the app cannot overwrite the open database, by any name."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Select, Static

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.transfer import TransferScreen
from tests.conftest import make_app, seed
from tests.palette import run_from_palette


async def test_export_over_the_open_database_is_refused(
    db_path: Path, store: Store, clock: Clock, tmp_path: Path
) -> None:
    seed(store)
    (tmp_path / "alias.db").symlink_to(db_path)
    os.link(db_path, tmp_path / "hard.db")
    before = store.contacts.count(False)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Export…")
        screen = app.screen
        assert isinstance(screen, TransferScreen)
        screen.query_one("#transfer-format", Select).value = "csv"
        for target in (db_path, tmp_path / "alias.db", tmp_path / "hard.db"):
            screen.query_one("#transfer-path", Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
            message = str(screen.query_one("#transfer-message", Static).render())
            assert "it is the open database" in message, message
    assert store.database.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.contacts.count(False) == before
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
