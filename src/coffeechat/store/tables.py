"""sqlite-utils' view of an open connection: its table helpers, without its side effects."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def tables(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils on *conn*, leaving the connection as coffeechat set it up.

    By default sqlite-utils turns recursive triggers on for the whole connection (our
    triggers are written for SQLite's default, off) and lets installed plugins add SQL
    functions; neither is wanted on the user's file. Imported here, on first use: the
    import costs more than painting the first screen.
    """
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
