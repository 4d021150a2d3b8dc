"""Import… and Export… from the palette, driven through Pilot."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from textual.widgets import Input, Select, Static

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.transfer import TransferScreen
from coffeechat.tui.widgets.contact_pane import ContactPane
from tests.conftest import make_app, seed
from tests.factories import write_connections
from tests.notices import Notice
from tests.palette import run_from_palette
from tests.unit.test_store_importing import DATA


async def test_import_from_the_palette_with_progress(
    store: Store, clock: Clock, tmp_path: Path, notices: list[Notice]
) -> None:
    path = tmp_path / "Connections.csv"
    write_connections(path, 3_000)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Import…")
        screen = app.screen
        assert isinstance(screen, TransferScreen)
        screen.query_one("#transfer-format", Select).value = "linkedin"
        screen.query_one("#transfer-path", Input).value = str(tmp_path / "missing.csv")
        await pilot.press("enter")
        await pilot.pause()
        message = screen.query_one("#transfer-message", Static)
        assert "no such file" in str(message.render())
        screen.query_one("#transfer-path", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, TransferScreen)
        assert screen.progress == (3_000, 3_000)
        pane = app.screen.query_one(ContactPane)
        assert pane.border_title == "Contacts 3000/3000"
        notes = [n.message for n in notices]
        assert any("3000 added, 0 merged, 0 skipped" in m for m in notes)


async def test_bad_file_shows_the_error_and_imports_nothing(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    seed(store)
    bad = tmp_path / "cut.vcf"
    bad.write_bytes((DATA / "google_mixed.vcf").read_bytes() + b"BEGIN:VCARD\nFN:x\n")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Import…")
        screen = app.screen
        screen.query_one("#transfer-format", Select).value = "vcard"
        screen.query_one("#transfer-path", Input).value = str(bad)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        text = str(screen.query_one("#transfer-message", Static).render())
        assert "cut.vcf, line 25: truncated card" in text
        await pilot.press("escape")
        assert app.screen.query_one(ContactPane).border_title == "Contacts 5/5"


async def test_export_from_the_palette(store: Store, clock: Clock, tmp_path: Path) -> None:
    seed(store)
    app = make_app(store, clock)
    target = tmp_path / "backup.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Export…")
        screen = app.screen
        assert isinstance(screen, TransferScreen)
        screen.query_one("#transfer-path", Input).value = str(tmp_path / "no" / "dir.json")
        await pilot.press("enter")
        await pilot.pause()
        assert "existing folder" in str(screen.query_one("#transfer-message", Static).render())
        screen.query_one("#transfer-path", Input).value = str(target)
        screen.query_one("#transfer-format", Select).value = "ics"
        await pilot.pause()
        assert screen.query_one("#transfer-path", Input).value == str(tmp_path / "backup.ics")
        screen.query_one("#transfer-format", Select).value = "json"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TransferScreen)
    assert len(json.loads(target.read_text())["contacts"]) == 5
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
