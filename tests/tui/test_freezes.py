"""Nothing the user types or points the app at freezes it: a FIFO in place of a
letter template, a search that never ends (enter before its results, quit while it
runs), a huge paste into the search or the filter. A frozen app fails these by the
timeout of the waiting helper, never by a time assertion."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from coffeechat import paths
from coffeechat.domain.clock import Clock
from coffeechat.domain.contact_filter import ContactFilter
from coffeechat.domain.text import MAX_QUERY_WORDS, query_words
from coffeechat.models import Status
from coffeechat.models_activity import SearchHit
from coffeechat.store import Store
from coffeechat.store.search import Search, fts_query
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.research_screens import SearchScreen
from coffeechat.tui.widgets.search_box import SearchInput
from tests.conftest import make_app, seed
from tests.tui.burst import burst
from tests.waiting import wait_until, wait_until_sync

TEMPLATES = Path(__file__).parents[2] / "src" / "coffeechat" / "domain" / "default_templates"


async def test_a_fifo_in_place_of_every_letter_template_does_not_freeze_d(
    store: Store, clock: Clock
) -> None:
    maria = seed(store)[0]
    store.contacts.set_status(maria.id, Status.TO_CONTACT)  # the intro letter's stage
    folder = paths.config_dir() / "templates"
    folder.mkdir(parents=True)
    for template in TEMPLATES.glob("*.txt"):
        os.mkfifo(folder / template.name)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await wait_until(lambda: isinstance(app.screen, DraftEditor), timeout=20)
        text = app.screen.query_one(DraftText).text
        assert text.startswith("Dear Maria,")  # the shipped letter, not the pipe


ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE idle()) "
    "SELECT count(*) FROM c"
)
"""A query that never ends by itself, and mostly sleeps: SQLite sees the interrupt
between two rows, and the suite's other tests keep the CPU."""


def _idle() -> int:
    time.sleep(0.002)
    return 1


class EndlessSearch:
    """Search.query made to run until interrupted off the event loop, and recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loop_thread = threading.current_thread()
        self.on_loop: list[str] = []
        self.threads: list[threading.Thread] = []
        self.interrupted = 0
        self.finished = 0
        original = Search.query
        endless = self

        def query(self, text: str, limit: int = 50, conn=None) -> list[SearchHit]:
            if threading.current_thread() is endless.loop_thread:
                endless.on_loop.append(text)
                return original(self, text, limit, conn)
            endless.threads.append(threading.current_thread())
            connection = conn or self._conn
            connection.create_function("idle", 0, _idle)
            try:
                connection.execute(ENDLESS).fetchall()
            except sqlite3.OperationalError:
                endless.interrupted += 1
            finally:
                endless.finished += 1
            return []

        monkeypatch.setattr(Search, "query", query)


async def test_enter_before_results_never_searches_on_the_loop_and_quit_does_not_wait(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(store)
    endless = EndlessSearch(monkeypatch)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await wait_until(lambda: isinstance(app.screen, SearchScreen), timeout=20)
        # Each key waits for the search it started (key_order.WORK_WAIT): few keys.
        await burst(pilot, *"nob", "enter")
        await wait_until(lambda: endless.threads, timeout=20, what="a search in a thread")
        # The app answers while the search runs: more typing shows, and cancels it.
        await burst(pilot, *" p")
        field = app.screen.query_one(SearchInput)
        await wait_until(lambda: field.value == "nob p", timeout=20)
        await wait_until(lambda: endless.interrupted >= 1, timeout=20, what="an interrupt")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+q")
    assert endless.on_loop == []
    # Quitting stopped the search where it was: no thread left for Python to wait on.
    wait_until_sync(
        lambda: endless.finished == len(endless.threads),
        timeout=20,
        what="every search to end",
    )


def test_a_huge_query_counts_only_its_first_words() -> None:
    paste = " ".join(f"w{n}" for n in range(2_000)) + " " + "x" * 10_000
    words = query_words(paste)
    assert words == [f"w{n}" for n in range(MAX_QUERY_WORDS)]
    assert fts_query(paste).count("*") == MAX_QUERY_WORDS


def test_a_huge_filter_is_the_filter_of_its_first_words(store: Store) -> None:
    seed(store)
    rows = store.contacts.rows()
    everyone = ContactFilter(rows)
    paste = "a " * 5_000
    assert everyone.match(paste) == ContactFilter(rows).match(" ".join(["a"] * MAX_QUERY_WORDS))
