"""Rows read by column name in the store: a row the store reads by position fails the test.

Every connection hands back ``sqlite3.Row`` (store/db.py), which also answers ``row[0]``
and unpacks like a tuple. The suite opens its connections with ``NamedOnly`` instead,
which refuses both when the caller is a module of ``coffeechat.store``: a column added or
moved in a SELECT can then never shift a value into another field unnoticed. (Tests and
sqlite-utils may still read positionally: only the store is held to names. The one
exception is ``store.db``, whose ``record`` pairs each value with its own column's name.)
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STORE = "coffeechat.store"
PAIRS_NAMES = "coffeechat.store.db"


class PositionalRead(AssertionError):
    pass


def _store_is_reading() -> bool:
    # Frame 0 is this function, 1 the NamedOnly method, 2 whoever read the row.
    caller = sys._getframe(2).f_globals.get("__name__", "")
    return caller != PAIRS_NAMES and (caller == STORE or caller.startswith(STORE + "."))


class NamedOnly(sqlite3.Row):
    def __getitem__(self, key: Any) -> Any:
        if not isinstance(key, str) and _store_is_reading():
            raise PositionalRead(f"the store read a row by position ({key!r}); name the column")
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[Any]:
        if _store_is_reading():
            raise PositionalRead("the store unpacked a row by position; name the columns")
        return super().__iter__()


def connect_named_only(original):
    """*original* (store.db.connect) whose connections hand back NamedOnly rows."""

    def connect(path: Path) -> sqlite3.Connection:
        conn = original(path)
        conn.row_factory = NamedOnly
        return conn

    return connect
