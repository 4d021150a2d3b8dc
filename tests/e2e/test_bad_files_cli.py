"""Bad database files through the real console script: one line, non-zero, untouched."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
from pathlib import Path

import pytest

from coffeechat.store import Store
from coffeechat.store.schema import SCHEMA_VERSION
from tests.e2e.tmux import console_script


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(8192))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.commit()
    conn.close()


def newer_schema(path: Path) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()


def read_only(path: Path) -> None:
    Store.open(path).close()
    path.chmod(0o400)


CASES = {
    "random bytes": (random_bytes, "not a coffeechat database"),
    "empty file": (empty, "empty file"),
    "another app's sqlite": (other_app, "belongs to another program"),
    "newer schema": (newer_schema, "newer coffeechat"),
    "read-only file": (read_only, "read-only"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_refused_untouched(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    db = tmp_path / "bad.db"
    make(db)
    before = digest(db)
    wal = Path(f"{db}-wal")
    wal_before = wal.exists()
    result = subprocess.run([console_script(), "--db", str(db)], capture_output=True, text=True)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert digest(db) == before
    assert wal.exists() == wal_before


def test_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    result = subprocess.run(
        [console_script(), "--db", str(blocker / "sub" / "cc.db")], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot create" in result.stderr
    assert "Traceback" not in result.stderr
