"""Every file the app writes goes through one guarded, atomic writer (safe_files):
never over the open database, never half written, never through a planted symlink,
0600 from its first byte, and a full disk leaves the old file as it was."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat import clipboard, paths, safe_files
from coffeechat.models import Contact
from coffeechat.store import Store, backup_to
from tests.small_disk import SmallDisk, small_disk  # noqa: F401  (fixture)

SCRIPT = Path(sys.executable).parent / "coffeechat"


def run(db: Path, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def _seeded(db: Path, people: int = 3) -> None:
    store = Store.open(db)
    try:
        for n in range(people):
            store.contacts.add(Contact(name=f"Person {n}", email=f"p{n}@example.org"))
    finally:
        store.close()


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_export_and_backup_refuse_the_open_database_by_any_name(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _seeded(db)
    (tmp_path / "alias.db").symlink_to(db)
    os.link(db, tmp_path / "hardlink.db")
    before = db.read_bytes()
    for target in ("c.db", "alias.db", "hardlink.db", "c.db-wal", "c.db-shm"):
        for args in (("export", "csv", "-o"), ("export", "json", "-o"), ("backup",)):
            result = run(db, *args, str(tmp_path / target))
            assert result.returncode == 1, (target, args, result)
            assert "is the open database" in result.stderr, result.stderr
            assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert _integrity(db) == "ok"
    assert run(db, "export", "csv").stdout.count("example.org") == 3


def test_write_is_atomic_private_and_replaces_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o644)
    planted = tmp_path / "export.csv"
    planted.symlink_to(victim)
    safe_files.write_file(planted, "name\nAda\n")
    assert victim.read_text() == "precious"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not planted.is_symlink()
    assert planted.read_text() == "name\nAda\n"
    assert stat.S_IMODE(planted.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_clipboard_file_never_follows_a_symlink(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    victim = tmp_path / "victim.conf"
    victim.write_text("keep me")
    victim.chmod(0o644)
    (state / clipboard.CLIPBOARD_FILE).symlink_to(victim)
    written = clipboard.write_private_file("Dear Ada", state)
    assert victim.read_text() == "keep me"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not written.is_symlink() and written.read_text() == "Dear Ada"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_kill_during_export_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _seeded(db, people=400)
    target = tmp_path / "backup.json"
    old = '{"old": "valid backup"}'
    rng = random.Random(19)
    for _ in range(12):
        target.write_text(old)
        process = subprocess.Popen(
            [str(SCRIPT), "--db", str(db), "export", "json", "-o", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            process.wait(timeout=rng.uniform(0.05, 0.8))  # the kill moment, or an export done
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        text = target.read_text()
        if text != old:
            assert len(json.loads(text)["contacts"]) == 400


def test_full_disk_keeps_the_old_export_and_backup(
    tmp_path: Path,
    small_disk: SmallDisk,  # noqa: F811
) -> None:
    db = tmp_path / "c.db"
    _seeded(db, people=50)
    target = small_disk.root / "backup.json"
    copy = small_disk.root / "copy.db"
    assert run(db, "export", "json", "-o", str(target)).returncode == 0
    assert run(db, "backup", str(copy)).returncode == 0
    good_json, good_copy = target.read_bytes(), copy.read_bytes()
    store = Store.open(db)
    store.notes.save_research(1, "x" * 200_000)  # the next export is bigger
    store.close()
    small_disk.fill()
    for args, path in ((("export", "json", "-o"), target), (("backup",), copy)):
        result = run(db, *args, str(path))
        assert result.returncode == 1
        assert "the disk is full" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == good_json
    assert copy.read_bytes() == good_copy
    assert sorted(p.name for p in small_disk.root.iterdir()) == [
        ".filler",
        "backup.json",
        "copy.db",
    ]


def test_in_process_writer_reports_the_full_disk(small_disk: SmallDisk) -> None:  # noqa: F811
    target = small_disk.root / "notes.md"
    safe_files.write_file(target, "first version")
    small_disk.fill()
    with pytest.raises(safe_files.WriteError) as caught:
        safe_files.write_file(target, "y" * 100_000)
    assert "disk is full" in str(caught.value)
    assert target.read_text() == "first version"


def test_backup_to_refuses_its_own_file(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db")
    try:
        with pytest.raises(safe_files.WriteError, match="open database"):
            backup_to(store.database, tmp_path / "c.db")
    finally:
        store.close()
    # Once closed, the file is an ordinary file again.
    safe_files.write_file(tmp_path / "c.db", "")


def test_open_app_folders_are_tightened(tmp_path: Path) -> None:
    data, state = paths.data_dir(), paths.state_dir()
    for folder in (data, state):
        folder.mkdir(parents=True)
        folder.chmod(0o755)
    store = Store.open(paths.default_db_path())
    store.close()
    clipboard.write_private_file("x", state)
    for folder in (data, state):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    # A folder the user chose for a --db file is theirs: left alone.
    mine = tmp_path / "shared"
    mine.mkdir()
    mine.chmod(0o755)
    Store.open(mine / "c.db").close()
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755
