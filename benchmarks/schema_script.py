"""Why the schema script is split by hand rather than by sqlite-utils.

A migration runs inside the one transaction ``Database._migrate`` opens, so it cannot
use ``sqlite3.executescript`` (which commits first). sqlite-utils'
``Database.executescript`` avoids that commit too, but finds statement ends by
re-joining the statement after every character (quadratic in its length); schema_script.py
splits by line. This prints both, and what creating a new database costs each way.

Usage: .venv/bin/python benchmarks/schema_script.py   (about a second)
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import timeit

from _common import ms, where_measured

from coffeechat.store.schema_first import V1
from coffeechat.store.schema_script import split_script


def _best(function, number: int = 10) -> float:
    return min(timeit.repeat(function, number=number, repeat=5)) / number


def _create(split_by_hand: bool) -> None:
    import sqlite_utils

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    if split_by_hand:
        for statement in split_script(V1):
            conn.execute(statement)
    else:
        sqlite_utils.Database(conn).executescript(V1)
    conn.execute("COMMIT")
    conn.close()


def _import_cost() -> float:
    """Extra wall time of ``import sqlite_utils`` in a fresh interpreter, median of 5."""

    def run(code: str) -> float:
        return _best(lambda: subprocess.run([sys.executable, "-c", code], check=True), 1)

    return run("import sqlite_utils") - run("pass")


def measure() -> dict[str, float]:
    from sqlite_utils.db import _iter_complete_sql_statements

    # The same statements (sqlite-utils keeps the comments in front of them).
    assert len(list(_iter_complete_sql_statements(V1))) == len(split_script(V1))
    return {
        "split_hand": _best(lambda: split_script(V1)),
        "split_sqlite_utils": _best(lambda: list(_iter_complete_sql_statements(V1))),
        "create_hand": _best(lambda: _create(True)),
        "create_sqlite_utils": _best(lambda: _create(False)),
        "import_sqlite_utils": _import_cost(),
    }


if __name__ == "__main__":
    with where_measured():
        figures = measure()
        print(f"schema 1 ({len(V1):,} characters, {len(split_script(V1))} statements)")
        print(f"  split by line (schema_script.py):         {ms(figures['split_hand'])}")
        print(f"  split by sqlite-utils:             {ms(figures['split_sqlite_utils'])}")
        print(f"  new database, split by line:       {ms(figures['create_hand'])}")
        print(f"  new database, sqlite-utils script: {ms(figures['create_sqlite_utils'])}")
        print(f"  import sqlite_utils (fresh interpreter): {ms(figures['import_sqlite_utils'])}")
