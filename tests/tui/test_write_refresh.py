"""A write shows at once in its row; the rest of the list is re-read off the event loop.

The background re-read is held at a gate here, so each test sees the list exactly as
the write left it, then opens the gate and sees the full re-read arrive.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.store.contacts import Contacts
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.contact_pane import ContactPane
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.waiting import wait_until

# The seeded list, soonest next action first, undated last (by name).
ORDER = ["Maria Okafor", "Tom Lindqvist", "李小龍 🐉 Émile", "[bold red]Not bold[/] \x1b[31mEsc"]
ORDER.append("Priya Raman")


def in_worker() -> bool:
    """The list's full re-read is the only one made off the interface's thread."""
    return threading.current_thread() is not threading.main_thread()


class Gate:
    """Holds the worker's full re-read."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.reads = 0
        real_rows = Contacts.rows

        def gated_rows(contacts: Contacts, *args, **kwargs):
            if in_worker():
                self.reads += 1
                self.open.wait(timeout=20)
            return real_rows(contacts, *args, **kwargs)

        monkeypatch.setattr(Contacts, "rows", gated_rows)


@pytest.fixture
def gate(store: Store, monkeypatch: pytest.MonkeyPatch) -> Gate:
    """The seeded contacts, and the gate on the re-read."""
    seed(store)
    return Gate(store, monkeypatch)


def names(pane: ContactPane) -> list[str]:
    return [row.name for row in pane.contact_list.rows]


def write_from_another_window(db_path: Path, name: str) -> None:
    other = Store.open(db_path)
    other.contacts.add(Contact(name=name))
    other.close()


async def release(app, pilot, gate: Gate) -> None:
    gate.open.set()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_archive_removes_the_row_at_once_and_the_rest_follows(
    store: Store, clock: Clock, db_path: Path, gate: Gate
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        write_from_another_window(db_path, "Aaron Other Window")
        await pilot.press("down", "x")
        await pilot.pause()
        assert gate.reads == 1, "the full re-read started and is held"
        assert names(pane) == [n for n in ORDER if n != "Tom Lindqvist"]
        assert pane.border_title == "Contacts 4/4"
        assert pane.contact_list.highlighted_id == app.screen.contact.id
        assert app.screen.contact.name == "李小龍 🐉 Émile", "the next row took its place"
        await release(app, pilot, gate)
        assert "Aaron Other Window" in names(pane), "the re-read brought the rest"
        assert pane.border_title == "Contacts 5/5"
        assert app.screen.contact.name == "李小龍 🐉 Émile"


async def test_status_change_shows_in_the_row_at_once(
    store: Store, clock: Clock, gate: Gate
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await pilot.press("s", "down", "enter")  # letter sent -> follow-up due
        await pilot.pause()
        assert gate.reads == 1
        assert pane.contact_list.rows[0].status == "follow-up due"
        assert app.screen.contact.status == "follow-up due"
        await release(app, pilot, gate)
        assert pane.contact_list.rows[0].status == "follow-up due"
        assert names(pane) == ORDER


async def test_saving_the_form_moves_the_row_to_its_place_at_once(
    store: Store, clock: Clock, gate: Gate
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await pilot.press("end", "enter")  # Priya, undated, last
        await pilot.pause()
        app.screen.query_one("#field-next_action_date", Input).value = "2026-03-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert gate.reads == 1
        assert names(pane) == ["Priya Raman", *ORDER[:-1]]
        assert pane.contact_list.cursor == 0, "the cursor followed the row"
        assert pane.contact_list.rows[0].next_action_date == "2026-03-01"
        await release(app, pilot, gate)
        assert names(pane) == ["Priya Raman", *ORDER[:-1]]
        assert pane.contact_list.cursor == 0


async def test_a_new_contact_and_a_deleted_one_show_at_once(
    store: Store, clock: Clock, gate: Gate
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "Nadia New"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert names(pane)[-2:] == ["Nadia New", "Priya Raman"]
        assert app.screen.contact.name == "Nadia New"
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert names(pane) == ORDER
        assert app.screen.contact.name == "Priya Raman", "the cursor stayed in place"
        await release(app, pilot, gate)
        assert names(pane) == ORDER


async def test_filter_and_list_stay_focusable_while_rows_load(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coffeechat.tui.screens.main import MainScreen

    for n in range(30):
        store.contacts.add(Contact(name=f"Person {n:02d}", tags="bulk" if n % 2 else ""))
    monkeypatch.setattr(MainScreen, "FIRST_PAGE", 10)
    gate = Gate(store, monkeypatch)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await pilot.pause()
        assert pane.rows_pending and gate.reads == 1
        chain = app.screen.focus_chain
        assert pane.filter_input in chain and pane.contact_list in chain
        await pilot.press("slash", "b", "u", "l", "k")
        assert app.focused is pane.filter_input
        assert pane.filter_input.value == "bulk"
        await release(app, pilot, gate)
        assert not pane.rows_pending
        assert pane.border_title == "Contacts 15/30", "the filter typed meanwhile applies"


async def test_a_failing_worker_notifies_and_the_app_stays_up(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch, notices: list[Notice]
) -> None:
    seed(store)
    real_rows = Contacts.rows

    def broken_rows(contacts: Contacts, *args, **kwargs):
        if in_worker():
            raise sqlite3.OperationalError("disk I/O error")
        return real_rows(contacts, *args, **kwargs)

    monkeypatch.setattr(Contacts, "rows", broken_rows)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n for n in notices if n.severity == "error"]
        assert len(errors) == 1
        assert "disk I/O error" in errors[0].message and "\n" not in errors[0].message
        assert errors[0].markup is False
        assert app.is_running
        await pilot.press("down")
        assert app.screen.query_one(ContactList).cursor == 1, "keys still act"


def test_every_worker_goes_through_the_failure_policy() -> None:
    """``@work`` or ``run_worker`` straight from Textual would end the app on an error."""
    import coffeechat.tui

    tui = Path(coffeechat.tui.__file__).parent
    offenders = [
        f"{path.relative_to(tui)}:{number}"
        for path in tui.rglob("*.py")
        if path.name != "workers.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip().startswith("@work") or "run_worker(" in line
    ]
    assert offenders == [], "use coffeechat.tui.workers.background"


async def test_keys_pressed_before_the_detail_tabs_mount_wait_and_act_in_order(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Research, Interviews and Timeline tabs are mounted a frame after the list;
    keys pressed before that are queued, never dropped. (Held here until the keys are
    in: Pilot itself only starts once the first frames are painted.)"""
    import asyncio

    from textual.widgets import TabbedContent

    from coffeechat.tui.screens.main import MainScreen
    from coffeechat.tui.widgets.research import ResearchPane

    hold = asyncio.Event()
    real_mount = MainScreen.mount_detail

    def held_mount(self) -> None:
        async def when_released() -> None:
            await hold.wait()
            await real_mount(self)

        tasks.append(asyncio.get_running_loop().create_task(when_released()))

    tasks: list[asyncio.Task[None]] = []

    monkeypatch.setattr(MainScreen, "mount_detail", held_mount)
    seed(store)
    app = make_app(store, clock)
    app.detail_before_ready = False
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        for key in ("down", "r", "escape", "down"):
            app.post_message(events.Key(key, None))
        # (Not pilot.pause(): it waits for the app's queue, which r is holding.)
        await wait_until(lambda: screen.contact.name == "Tom Lindqvist", what="down acted")
        # Turns of the event loop (not time) for a key that was not queued to act.
        for _ in range(50):
            await asyncio.sleep(0)
        assert not screen.detail_mounted.is_set()
        assert screen.contact.name == "Tom Lindqvist", "down acted; r waits; the rest behind it"
        hold.set()
        await asyncio.wait_for(screen.detail_mounted.wait(), timeout=10)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-research", "r was not dropped"
        assert isinstance(app.focused, ContactList), "escape acted after r, not before"
        assert screen.contact.name == "李小龍 🐉 Émile", "then down"
        assert screen.query_one(ResearchPane).contact == screen.contact


async def test_export_runs_in_a_thread_with_progress_and_a_failure_leaves_the_form_usable(
    store: Store,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    notices: list[Notice],
) -> None:
    from textual.widgets import ProgressBar

    from coffeechat.tui.screens import transfer
    from tests.palette import run_from_palette

    seed(store)
    release_export = threading.Event()
    real_export = transfer.export_text
    failures = iter([RuntimeError("the disk went away"), None])

    def held_export(*args, **kwargs):
        release_export.wait(timeout=20)
        if failure := next(failures):
            raise failure
        return real_export(*args, **kwargs)

    monkeypatch.setattr(transfer, "export_text", held_export)
    target = tmp_path / "backup.json"
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Export…")
        screen = app.screen
        screen.query_one("#transfer-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.running and screen.query_one(ProgressBar).has_class("-running")
        assert screen.progress == (0, 2), "exporting in the background, the screen live"
        release_export.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and not screen.running, "usable again"
        assert any("the disk went away" in n.message for n in notices)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not screen and screen.progress == (2, 2)
    assert target.exists()
