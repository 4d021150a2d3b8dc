"""Export… offers the folder of the last export, and never writes the offered path on a
single hasty enter."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, Static

from coffeechat import preferences
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.transfer import TransferScreen
from tests.conftest import make_app, seed
from tests.palette import run_from_palette
from tests.waiting import wait_until


def _message(screen: TransferScreen) -> str:
    return str(screen.query_one("#transfer-message", Static).render())


async def _open_export(pilot) -> TransferScreen:
    await run_from_palette(pilot, "Export…")
    screen = pilot.app.screen
    assert isinstance(screen, TransferScreen)
    await pilot.pause()
    return screen


async def test_the_offered_path_is_not_selected_and_tab_enter_asks_first(
    store: Store, clock: Clock, tmp_path: Path, monkeypatch
) -> None:
    """The path field has its cursor after the text and nothing selected; tab then enter
    on the offered path explains where it would write and writes nothing; a second enter
    writes there."""
    home = tmp_path / "home-folder"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_export(pilot)
        path_input = screen.query_one("#transfer-path", Input)
        assert path_input.has_focus
        assert path_input.value == "~/coffeechat-export.json"
        assert path_input.selection.is_empty
        assert path_input.cursor_position == len(path_input.value)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert "enter again" in _message(screen)
        assert str(home / "coffeechat-export.json") in _message(screen)
        assert not (home / "coffeechat-export.json").exists()
        path_input.focus()
        await pilot.press("enter")
        await wait_until(lambda: not isinstance(app.screen, TransferScreen), what="the export")
    assert json.loads((home / "coffeechat-export.json").read_text())["format"] == "coffeechat"


async def test_the_next_export_offers_the_last_folder_used(
    store: Store, clock: Clock, tmp_path: Path, monkeypatch
) -> None:
    """After exporting into ~/exports/2026, the next Export… (even after a restart)
    offers that folder, written with ~."""
    home = tmp_path / "home-folder"
    (home / "exports" / "2026").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_export(pilot)
        screen.query_one("#transfer-path", Input).value = "~/exports/2026/march.json"
        await pilot.press("enter")
        await wait_until(lambda: not isinstance(app.screen, TransferScreen), what="the export")
    assert (home / "exports" / "2026" / "march.json").is_file()
    assert preferences.load()["export_folder"] == "~/exports/2026"
    again = make_app(store, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await _open_export(pilot)
        offered = screen.query_one("#transfer-path", Input).value
        assert offered == "~/exports/2026/coffeechat-export.json"


async def test_the_open_format_list_stays_inside_the_dialog_at_80x24(
    store: Store, clock: Clock
) -> None:
    """Opening the format list at 80x24 draws it within the dialog's border."""
    from textual.containers import Vertical
    from textual.widgets import Select

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_export(pilot)
        screen.query_one("#transfer-format", Select).focus()
        await pilot.press("enter")
        overlay = await wait_until(
            lambda: next((w for w in screen.query("SelectOverlay") if w.region.area), None),
            what="the open format list",
        )
        await pilot.pause()
        frame = screen.query_one(Vertical).region
        assert overlay.region.bottom <= frame.bottom - 1, (overlay.region, frame)
        assert overlay.region.y > frame.y
