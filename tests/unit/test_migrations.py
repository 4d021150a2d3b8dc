"""Migrations run forward on a real schema-1 file, after a backup; newer files are refused."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store, StoreError
from coffeechat.store import db as db_module
from coffeechat.store.schema import MIGRATIONS, SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "data" / "v1.db"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "coffeechat.db"
    shutil.copyfile(FIXTURE, target)
    target.chmod(0o600)
    return target


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_v1_data(store: Store) -> None:
    names = sorted(c.name for c in store.contacts.all())
    assert names == ["Ada [bold]Lovelace[/]", "Maria Sklodowska"]
    maria = next(c for c in store.contacts.all() if c.name == "Maria Sklodowska")
    ada = next(c for c in store.contacts.all() if c.name != "Maria Sklodowska")
    assert ada.referred_by == maria.id
    assert maria.organization == "Institut du Radium"
    assert store.notes.research(maria.id) == "Two Nobel prizes; ask about the lab"
    (interview,) = store.interviews.for_contact(maria.id)
    assert [n.text for n in store.interviews.notes(interview.id)] == ["loves polonium"]
    assert [i.asked for i in store.interviews.checklist(interview.id)] == [True, False]
    assert [f.due_date for f in store.followups.for_contact(ada.id)] == ["2026-03-25"]
    assert store.search.query("Nobel"), "the full-text index came along"


def test_the_fixture_is_schema_1() -> None:
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    finally:
        conn.close()


def test_v1_file_opens_with_its_data(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    store = Store.open(path)
    try:
        _check_v1_data(store)
        version = store.database.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION
        backup = store.database.migration_backup
        assert backup is not None and backup.name.startswith("coffeechat.db.v1-")
    finally:
        store.close()


def _v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE contacts ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE contacts SET pronouns = 'she/her' WHERE name = 'Maria Sklodowska'")


@pytest.fixture
def schema_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A coffeechat one schema version ahead: MIGRATIONS gains a step."""
    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS, _v2])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def test_migration_runs_forward_after_a_backup(tmp_path: Path, schema_2: None) -> None:
    path = _copy(tmp_path)
    before = _digest(path)
    store = Store.open(path)
    try:
        conn = store.database.conn
        assert conn.execute("PRAGMA user_version").fetchone()["user_version"] == SCHEMA_VERSION + 1
        assert (
            conn.execute(
                "SELECT pronouns FROM contacts WHERE name = 'Maria Sklodowska'"
            ).fetchone()["pronouns"]
            == "she/her"
        )
        _check_v1_data(store)
        backup = store.database.migration_backup
    finally:
        store.close()
    assert backup is not None and backup.parent == path.parent
    assert backup.name.startswith("coffeechat.db.v1-")  # the version the file had
    assert backup.name.endswith(".bak")
    assert backup.stat().st_mode & 0o777 == 0o600
    # The backup is the file as it was: old version, old columns, same rows.
    old = sqlite3.connect(backup)
    try:
        assert old.execute("PRAGMA user_version").fetchone() == (1,)
        assert old.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        columns = [row[1] for row in old.execute("PRAGMA table_info(contacts)")]
        assert "pronouns" not in columns
        assert old.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    finally:
        old.close()
    assert _digest(path) != before
    # Opening again migrates nothing and writes no second backup.
    again = Store.open(path)
    try:
        assert again.database.migration_backup is None
    finally:
        again.close()
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contacts ADD COLUMN pronouns TEXT")
        raise sqlite3.OperationalError("disk full, say")

    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    path = _copy(tmp_path)
    with pytest.raises(sqlite3.OperationalError):
        Store.open(path)
    assert len(list(tmp_path.glob("*.bak"))) == 1, "the backup was written before trying"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,), "nothing ran"
        columns = [r[1] for r in conn.execute("PRAGMA table_info(contacts)")]
        assert "pronouns" not in columns, "the half-done migration was rolled back"
    finally:
        conn.close()
    monkeypatch.undo()
    assert len(list(tmp_path.glob("*.bak"))) == 1, "the backup was written before trying"
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone() == (1,)
        columns = [r[1] for r in raw.execute("PRAGMA table_info(contacts)")]
        assert "pronouns" not in columns, "the half-done migration was rolled back"
        assert "uid" not in columns, "every step of the failed run was rolled back"
    finally:
        raw.close()
    store = Store.open(path)
    try:
        _check_v1_data(store)
    finally:
        store.close()


def test_a_migrated_file_is_refused_by_the_older_version_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS, _v2])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    Store.open(path).close()
    monkeypatch.undo()
    before = _digest(path)
    with pytest.raises(StoreError, match="newer coffeechat"):
        Store.open(path)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_identity_migration_gives_every_contact_a_stable_unique_uid(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    store = Store.open(path)
    try:
        uids = [c.uid for c in store.contacts.all()]
        assert len(uids) == 2 and all(len(uid) == 36 for uid in uids)
        assert len(set(uids)) == 2
        added = store.contacts.add(Contact(name="New Person"))
        assert added.uid and added.uid not in uids, "a contact added later gets one too"
        assert store.duplicates.possible() == []
    finally:
        store.close()
    again = Store.open(path)
    try:
        assert [c.uid for c in again.contacts.all()][:2] == uids, "the UID is stable"
    finally:
        again.close()


def test_v2_keeps_how_each_call_went_with_its_outcome(tmp_path: Path) -> None:
    store = Store.open(_copy(tmp_path))
    try:
        columns = [r[1] for r in store.database.conn.execute("PRAGMA table_info(outcomes)")]
        assert {"went_well", "do_differently"} <= set(columns)
        _check_v1_data(store)
    finally:
        store.close()


def _crashed_with_everything_in_the_log(tmp_path: Path) -> Path:
    """The schema-1 file as an older coffeechat killed before any checkpoint leaves
    it: the main file empty, every page (the version too) only in ``-wal``."""
    live = tmp_path / "live" / "coffeechat.db"
    live.parent.mkdir()
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    source = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro&immutable=1", uri=True)
    source.backup(writer)
    source.close()
    target = tmp_path / "coffeechat.db"
    # Copied while the writer still holds it open: what kill -9 would leave on disk.
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{live}{suffix}", f"{target}{suffix}")
        Path(f"{target}{suffix}").chmod(0o600)
    writer.close()
    probe = sqlite3.connect(f"{target.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert probe.execute("PRAGMA user_version").fetchone() == (0,), "all in the log"
    finally:
        probe.close()
    return target


def test_a_file_whose_data_is_in_the_log_is_backed_up_as_it_really_was(tmp_path: Path) -> None:
    path = _crashed_with_everything_in_the_log(tmp_path)
    store = Store.open(path)
    try:
        _check_v1_data(store)
        backup = store.database.migration_backup
    finally:
        store.close()
    assert backup is not None and backup.name.startswith("coffeechat.db.v1-")
    old = sqlite3.connect(backup)
    try:
        assert old.execute("PRAGMA user_version").fetchone() == (1,)
        assert old.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    finally:
        old.close()


def test_a_backup_left_half_written_by_a_killed_start_is_cleaned_up(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    leftover = tmp_path / ".coffeechat.db.v1-20260101-120000.bak.k1ll3d.partial"
    leftover.write_bytes(b"SQLite format 3\x00 half a copy")
    other = tmp_path / ".other.db.v1-20260101-120000.bak.x.partial"
    other.write_bytes(b"another database's, left alone")
    Store.open(path).close()
    assert not leftover.exists()
    assert other.exists()
    assert len(list(tmp_path.glob("coffeechat.db.v1-*.bak"))) == 1
    # Also when the file needs no migration any more.
    leftover.write_bytes(b"again")
    Store.open(path).close()
    assert not leftover.exists()
