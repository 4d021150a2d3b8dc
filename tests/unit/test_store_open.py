"""Opening files: permissions, refusing what is not ours, migrations."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import stat
from pathlib import Path

import pytest

from coffeechat.store import Store, StoreError
from coffeechat.store.schema import APPLICATION_ID, SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "nested" / "cc.db"
    store = Store.open(path)
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_new_database_has_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cc.db")
    conn = store.database.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in [
        "contacts",
        "organizations",
        "notes",
        "articles",
        "questions",
        "interviews",
        "checklist_items",
        "note_lines",
        "outcomes",
        "referrals",
        "drafts",
        "followups",
        "settings",
        "search_index",
    ]:
        assert table in tables
    store.close()


def test_reopening_keeps_data(tmp_path: Path) -> None:
    from coffeechat.models import Contact

    path = tmp_path / "cc.db"
    store = Store.open(path)
    store.contacts.add(Contact(name="Ada"))
    store.close()
    again = Store.open(path)
    assert [c.name for c in again.contacts.all()] == ["Ada"]
    again.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (random.Random(7).randbytes(4096), "not an SQLite file"),
        (b"", "empty file"),
        (b"hello, I am a text file\n", "not an SQLite file"),
    ],
    ids=["random-bytes", "empty", "text"],
)
def test_refuses_files_that_are_not_databases(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StoreError, match=reason):
        Store.open(path)
    assert digest(path) == before


def test_refuses_another_programs_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert digest(path) == before


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "cc.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer coffeechat"):
        Store.open(path)
    assert digest(path) == before


def test_refuses_folder_and_unwritable_places(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "cc.db")


def test_refuses_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "cc.db"
    Store.open(path).close()
    path.chmod(0o400)
    before = digest(path)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(path)
    assert digest(path) == before


def test_a_file_another_instance_is_writing_is_read_with_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two instances starting at once: the file alone may look damaged while the other
    one writes it; with its -wal beside it, the log is read too instead of refusing."""
    from coffeechat.store import db as db_module

    path = tmp_path / "coffeechat.db"
    Store.open(path).close()
    real_probe = db_module._probe

    def torn(target: Path, options: str):
        if "immutable" in options:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_probe(target, options)

    monkeypatch.setattr(db_module, "_probe", torn)
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"")  # another instance's log
    Store.open(path).close()  # read with the log: opens
    wal.unlink(missing_ok=True)
    with pytest.raises(StoreError, match="malformed"):
        Store.open(path)  # no log beside it: really damaged, refused
