"""Schema scripts run statement by statement inside the migration's transaction.

``executescript`` would COMMIT first (a migration runs in the one transaction
``Database._migrate`` opens, after a backup), and sqlite-utils' script runner splits
schema 1 in 15-25 ms instead of 0.1 ms (benchmarks/schema_script.py).
"""

from __future__ import annotations

import sqlite3


def split_script(script: str) -> list[str]:
    """Split a schema script into statements (``executescript`` would COMMIT for us)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    assert not buffer.strip(), "schema script ends mid-statement"
    return statements


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run every statement of *script* on *conn*, in the transaction already open."""
    for statement in split_script(script):
        conn.execute(statement)
