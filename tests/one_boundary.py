"""One boundary: the interface writes to the store only through ``coffeechat.usecases``.

Every connection the suite opens reports each statement it runs (SQLite's trace
callback: every execution, whatever path reached it: a repository, sqlite-utils, a
cursor). For a statement that changes the file, the stack that ran it is read from the
statement outwards: if a frame of ``coffeechat.tui`` comes before any frame of
``coffeechat.usecases``, the interface wrote by itself (directly, or through a helper
that is not a use case), and the test that drove it fails when it ends, naming the
statement and the interface line. Tests themselves, the command line and the store's own
opening (migrations) may write: only the interface is held.

The same trace holds the other rule of every connection: it is used only by the thread
that opened it. A worker reads through ``Store.reading()`` (a connection of its own); a
statement run on the interface's connection from another thread is collected too, with
the line that ran it (one connection stepped by two threads can hang both: see
``Store.reading``).

A trace callback cannot raise into the statement (SQLite swallows it), so the writes
are collected and the ``one_boundary`` fixture in tests/conftest.py fails the test.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

INTERFACE = "coffeechat.tui"
USE_CASES = "coffeechat.usecases"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@dataclass(frozen=True)
class StrayWrite:
    statement: str
    where: str
    fault: str = "wrote without a use case"


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


_FIRST_WORD = re.compile(rf"\s*({'|'.join(WRITES)}|WITH)\b", re.IGNORECASE)
"""A statement's first word when it may change the file (one C call: every statement
the suite runs passes here, nearly all of them reads)."""


def _changes_the_file(statement: str) -> bool:
    # A trigger's own statements are reported as comments ("-- ..."): never matched.
    found = _FIRST_WORD.match(statement)
    if found is None:
        return False
    if found.group(1).upper() == "WITH":
        return any(write in statement.upper() for write in WRITES[:4])
    return True


def stray_writer() -> str | None:
    """The interface line that ran the current statement without a use case, if any."""
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if _within(module, USE_CASES):
            return None
        if _within(module, INTERFACE):
            return f"{module}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return None


def store_caller() -> str:
    """The innermost line outside the store that ran the current statement."""
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if _within(module, "coffeechat") and not _within(module, "coffeechat.store"):
            return f"{module}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return "outside coffeechat"


class Boundary:
    """The stray writes (and statements run from another thread than the connection's)
    seen since the last ``take``."""

    def __init__(self) -> None:
        self.stray: list[StrayWrite] = []

    def trace(self, owner: int, statement: str) -> None:
        if threading.get_ident() != owner:
            fault = "ran a statement on another thread's connection"
            self.stray.append(StrayWrite(" ".join(statement.split())[:120], store_caller(), fault))
            return
        if not _changes_the_file(statement):
            return
        where = stray_writer()
        if where is not None:
            self.stray.append(StrayWrite(" ".join(statement.split())[:120], where))

    def take(self) -> list[StrayWrite]:
        seen, self.stray = self.stray, []
        return seen

    @staticmethod
    def report(stray: list[StrayWrite]) -> str:
        """One line per line at fault: what it did, how often, and its first statement."""
        by_line: dict[tuple[str, str], list[str]] = {}
        for write in stray:
            by_line.setdefault((write.where, write.fault), []).append(write.statement)
        return "\n".join(
            f"{where} {fault} ({len(statements)} statements; first: {statements[0]})"
            for (where, fault), statements in sorted(by_line.items())
        )

    def watching(
        self, original: Callable[[Path], sqlite3.Connection]
    ) -> Callable[[Path], sqlite3.Connection]:
        """*original* (store.db.connect) whose connections report their writes here."""

        def connect(path: Path) -> sqlite3.Connection:
            conn = original(path)
            # Only connections opened on the interface's own thread are traced: a worker
            # thread's reader never writes, and none but the interface's connection is
            # within a worker's reach.
            if threading.current_thread() is threading.main_thread():
                conn.set_trace_callback(partial(self.trace, threading.get_ident()))
            return conn

        return connect
