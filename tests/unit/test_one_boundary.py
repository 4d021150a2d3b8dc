"""The interface writes to the store only through use cases (tests/one_boundary.py).

Every test of the suite runs with the check on (the ``one_boundary`` fixture): these
plant writes in code that calls itself a module of ``coffeechat.tui`` and show the
check sees each way round the use cases, and lets the use cases and reads through.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coffeechat.store import Store, db
from coffeechat.usecases.first_run import dismiss_welcome
from tests.one_boundary import Boundary

PLANTED = """
def write_directly(store):
    store.settings.set("planted", "1")

def write_through_a_cursor(store):
    store.database.conn.cursor().execute("DELETE FROM settings")

def write_through(helper, store):
    helper(store)

def read(store):
    return store.settings.get("planted"), store.contacts.count()
"""


def _planted(module: str) -> dict[str, Callable[..., Any]]:
    """The functions above, as if defined in *module*."""
    namespace: dict[str, Any] = {"__name__": module}
    exec(compile(PLANTED, f"<{module}>", "exec"), namespace)
    return namespace


@pytest.fixture
def watched(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    boundary = Boundary()
    monkeypatch.setattr(db, "connect", boundary.watching(db.connect))
    store = Store.open(db_path)
    boundary.take()  # opening creates the file: not the interface's doing
    yield boundary, store
    store.close()


def test_a_screen_writing_to_a_repository_is_caught(watched) -> None:
    boundary, store = watched
    screen = _planted("coffeechat.tui.screens.planted")
    screen["write_directly"](store)
    (stray,) = boundary.take()
    assert stray.where.startswith("coffeechat.tui.screens.planted:")
    assert "write_directly" in stray.where
    assert stray.statement.startswith("INSERT INTO settings")


def test_a_write_by_cursor_is_caught_too(watched) -> None:
    boundary, store = watched
    _planted("coffeechat.tui.widgets.planted")["write_through_a_cursor"](store)
    assert [s.statement for s in boundary.take()] == ["DELETE FROM settings"]


def test_a_helper_outside_the_use_cases_does_not_hide_the_write(watched) -> None:
    boundary, store = watched
    helper = _planted("coffeechat.demo_helper")["write_directly"]
    _planted("coffeechat.tui.app_planted")["write_through"](helper, store)
    assert len(boundary.take()) == 1


def test_a_write_through_a_use_case_passes(watched) -> None:
    boundary, store = watched
    _planted("coffeechat.tui.screens.planted")["write_through"](dismiss_welcome, store)
    assert boundary.take() == []
    assert store.settings.get("welcome.dismissed") == "1"


def test_reads_and_writes_outside_the_interface_pass(watched) -> None:
    boundary, store = watched
    _planted("coffeechat.tui.screens.planted")["read"](store)
    _planted("tests.some_test")["write_directly"](store)  # a test seeding its data
    assert boundary.take() == []


def test_no_module_of_the_interface_runs_a_statement_or_opens_a_transaction() -> None:
    """The same boundary read from the source, for paths no test drives: the interface
    names no connection, statement or transaction at all (reads go through the
    repositories, writes through the use cases)."""
    import ast

    import coffeechat.tui

    root = Path(coffeechat.tui.__file__).parent
    forbidden = {"execute", "executemany", "executescript", "transaction", "conn"}
    found = [
        f"{path.relative_to(root)}:{node.lineno} .{node.attr}"
        for path in sorted(root.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in forbidden
    ]
    assert found == []


def test_a_worker_reading_on_the_interface_connection_is_caught(watched) -> None:
    boundary, store = watched
    reader = _planted("coffeechat.tui.screens.planted")["read"]
    worker = threading.Thread(target=reader, args=(store,))
    worker.start()
    worker.join()
    stray = boundary.take()
    assert stray and all(s.fault == "ran a statement on another thread's connection" for s in stray)
    assert all("coffeechat.tui.screens.planted" in s.where for s in stray)


def test_a_worker_reading_through_its_own_store_passes(watched) -> None:
    boundary, store = watched

    def read_own() -> None:
        with store.reading() as own:
            _planted("coffeechat.tui.screens.planted")["read"](own)

    worker = threading.Thread(target=read_own)
    worker.start()
    worker.join()
    assert boundary.take() == []
