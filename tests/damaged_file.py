"""A real damaged database for tests: pages overwritten the way a disk fault would."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage(db: Path, table: str) -> None:
    """Overwrite the start of every page of *table*; the file still opens."""
    conn = sqlite3.connect(db)
    try:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))
        ]
    finally:
        conn.close()
    assert pages
    data = bytearray(db.read_bytes())
    for number in pages:
        offset = (number - 1) * page
        data[offset : offset + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))
