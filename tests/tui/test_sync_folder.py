"""The "Sync folder…" palette command and the sync at app start."""

from __future__ import annotations

from pathlib import Path

from coffeechat import sync_config
from coffeechat.domain.clock import Clock
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from coffeechat.sync_config import SyncConfig
from coffeechat.tui import sync_actions
from coffeechat.tui.sync_folder_form import SyncFolderForm
from coffeechat.usecases.sync import sync
from tests.conftest import FROZEN_NOW, make_app, seed
from tests.on_top import on_top
from tests.palette import run_from_palette
from tests.tui.test_full_disk import recorded
from tests.waiting import wait_until


async def test_sync_folder_saves_the_setting_and_syncs_in_a_worker(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    seed(store)
    vdir = tmp_path / "phone"
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        messages = recorded(app)
        await run_from_palette(pilot, "Sync folder…")
        form = await on_top(pilot, SyncFolderForm)
        form.query_one("#field-folder").value = str(vdir)
        form.query_one("#field-scope").value = "friends"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SyncFolderForm), "an unknown scope is refused in place"
        form.query_one("#field-scope").value = "active"
        await pilot.press("enter")
        await wait_until(lambda: len(messages) == 2, what="the sync's report")
        assert messages == [
            "Contacts: fix the field marked in red",
            "5 written, 0 removed, 0 came in, 0 conflicts, 0 left alone",
        ]
    assert sync_config.load() == SyncConfig(str(vdir), "active")
    assert len(list((vdir / "contacts").glob("*.vcf"))) == 5


async def test_the_app_takes_back_a_todo_ticked_on_the_phone_at_start(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    maria = seed(store)[0]
    assert maria.id is not None
    followup = store.followups.add(FollowUp(maria.id, "follow_up", "2026-03-18", "Call Maria"))
    vdir = tmp_path / "phone"
    sync(store, vdir, FROZEN_NOW)
    [todo] = (vdir / "followups").glob("followup-*.ics")
    todo.write_bytes(todo.read_bytes().replace(b"STATUS:NEEDS-ACTION", b"STATUS:COMPLETED"))
    sync_config.save(SyncConfig(str(vdir), "all"))

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(
            lambda: (got := store.followups.get(followup.id or 0)) and got.state == "done",
            what="the to-do taken back",
        )
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_change_saved_in_the_app_reaches_the_vdir(
    store: Store, clock: Clock, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(sync_actions, "KEEP_CURRENT_SECONDS", 0.1)
    priya = seed(store)[2]
    assert priya.id is not None
    vdir = tmp_path / "phone"
    sync_config.save(SyncConfig(str(vdir), "all"))
    card = vdir / "contacts" / f"{priya.uid}.vcf"

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(card.exists, what="the sync at start")
        store.contacts.with_changes(priya.id, title="Editor at large")  # the app's connection
        await wait_until(lambda: "TITLE:Editor at large" in card.read_text(), what="a new sync")
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_the_sync_view_lists_what_came_in_went_out_and_each_conflict(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    from coffeechat.tui.screens.sync_log import SyncLogScreen

    maria = seed(store)[0]
    assert maria.id is not None
    vdir = tmp_path / "phone"
    sync(store, vdir, FROZEN_NOW)
    card = vdir / "contacts" / f"{maria.uid}.vcf"
    text = card.read_text().replace("\r\n ", "")
    title = next(line for line in text.splitlines() if line.startswith("TITLE:"))
    text = "\r\n".join(x for x in text.splitlines() if not x.startswith("TEL"))
    text = text.replace("END:VCARD", "TEL;TYPE=CELL:+1 555 0100\r\nEND:VCARD")
    card.write_text(text.replace(title, "TITLE:Chief of Staff"))
    store.contacts.with_changes(maria.id, title="VP Research")
    sync(store, vdir, FROZEN_NOW)

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Sync log")
        screen = await wait_until(lambda: isinstance(app.screen, SyncLogScreen) and app.screen)
        shown = str(screen.query_one("#sync-log").render())
        assert "conflict" in shown and "kept “VP Research”" in shown
        assert "“Chief of Staff”" in shown and "went out" in shown
        assert "came in" in shown and "phone “+1 555 0100”" in shown
        await pilot.press("escape")
        await wait_until(lambda: not isinstance(app.screen, SyncLogScreen), what="closed")
    research = store.notes.research(maria.id)
    assert "title: kept “VP Research”, elsewhere it was “Chief of Staff”" in research
