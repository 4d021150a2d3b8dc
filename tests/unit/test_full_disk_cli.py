"""The command line on a full disk, a FIFO and a damaged file: one line, no traceback,
no hang, nothing left behind. The store on a full disk: one error kind, the file
intact, and writes that work again once there is space."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.models_activity import FollowUp
from coffeechat.store import StorageFull, Store, StoreError
from tests.damaged_file import damage
from tests.small_disk import SmallDisk, small_disk  # noqa: F401  (fixture)

SCRIPT = Path(sys.executable).parent / "coffeechat"


def run(*args: str, stdout=subprocess.PIPE, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout
    )


def one_line_error(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 1, result
    assert expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_export_and_agenda_to_a_full_stdout(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = Store.open(db)
    for n in range(300):
        store.contacts.add(Contact(name=f"Person {n}", email=f"p{n}@example.org"))
    store.close()
    with open("/dev/full", "w") as full:
        for args in (("export", "json"), ("export", "csv"), ("agenda",)):
            one_line_error(run("--db", str(db), *args, stdout=full), "the disk is full")


def test_a_fifo_as_database_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    one_line_error(run("--db", str(fifo), "agenda", timeout=10), "not a regular file")


def test_a_damaged_database_gives_one_line_and_a_failing_exit(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = Store.open(db)
    for n in range(200):
        contact = store.contacts.add(Contact(name=f"Person {n}", email=f"p{n}@example.org"))
        assert contact.id
        store.followups.add(
            FollowUp(contact_id=contact.id, kind="follow_up", due_date="2026-03-16", title="x")
        )
    store.close()
    damage(db, "followups")
    one_line_error(run("--db", str(db), "agenda"), "is damaged")
    one_line_error(run("--db", str(db), "export", "json"), "is damaged")


def test_creating_a_database_on_a_full_disk_leaves_nothing(small_disk: SmallDisk) -> None:  # noqa: F811
    small_disk.fill()
    db = small_disk.root / "new.db"
    with pytest.raises(StoreError, match="the disk is full"):
        Store.open(db)
    assert sorted(p.name for p in small_disk.root.iterdir()) == [".filler"]
    one_line_error(run("--db", str(db), "agenda"), "the disk is full")
    assert sorted(p.name for p in small_disk.root.iterdir()) == [".filler"]
    small_disk.free()
    Store.open(db).close()  # and once there is space, it is created as usual


def test_a_write_on_a_full_disk_raises_one_kind_and_keeps_the_file(
    small_disk: SmallDisk,  # noqa: F811
) -> None:
    store = Store.open(small_disk.root / "c.db")
    contact = store.contacts.add(Contact(name="Ada"))
    assert contact.id
    store.notes.save_research(contact.id, "before")
    store.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    small_disk.fill()
    with pytest.raises(StorageFull):
        store.notes.save_research(contact.id, "x" * 50_000)
    with pytest.raises(StorageFull), store.database.transaction() as conn:
        conn.execute("UPDATE contacts SET title = ? WHERE id = ?", ("y" * 50_000, contact.id))
    assert isinstance(StorageFull(), sqlite3.OperationalError)
    small_disk.free()
    assert store.notes.research(contact.id) == "before"
    store.notes.save_research(contact.id, "after")
    assert store.notes.research(contact.id) == "after"
    assert store.database.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
