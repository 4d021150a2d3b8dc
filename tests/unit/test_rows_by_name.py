"""The store reads rows by column name: the suite's guard (tests/rows_by_name.py) holds it."""

from __future__ import annotations

import pytest

from coffeechat.store import Store
from tests.rows_by_name import NamedOnly, PositionalRead

READERS = """
def by_position(conn):
    return conn.execute("SELECT 1 AS one, 2 AS two").fetchone()[1]

def unpacked(conn):
    one, two = conn.execute("SELECT 1 AS one, 2 AS two").fetchone()
    return two

def by_name(conn):
    return conn.execute("SELECT 1 AS one, 2 AS two").fetchone()["two"]
"""


def _module(name: str) -> dict:
    namespace: dict = {"__name__": name}
    exec(compile(READERS, f"<{name}>", "exec"), namespace)
    return namespace


def test_every_store_connection_of_the_suite_is_guarded(store: Store) -> None:
    row = store.database.conn.execute("SELECT 1 AS one").fetchone()
    assert isinstance(row, NamedOnly)


@pytest.mark.parametrize("reader", ["by_position", "unpacked"])
def test_a_positional_read_in_the_store_fails(store: Store, reader: str) -> None:
    readers = _module("coffeechat.store.probe")
    with pytest.raises(PositionalRead):
        readers[reader](store.database.conn)
    assert readers["by_name"](store.database.conn) == 2


def test_a_positional_read_elsewhere_is_left_alone(store: Store) -> None:
    readers = _module("tests.probe")
    assert readers["by_position"](store.database.conn) == 2
    assert readers["unpacked"](store.database.conn) == 2
