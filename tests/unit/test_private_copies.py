"""Copies of the database (backup command, pre-migration backup) are private from the
first byte: the file is 0600 before SQLite writes anything into it."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from coffeechat.store import Store, backup_to
from coffeechat.store import db as db_module


@pytest.fixture
def modes_at_connect(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Record each file's mode at the moment sqlite3 opens it."""
    seen: dict[str, int] = {}
    real_connect = sqlite3.connect

    def spy(target, *args, **kwargs):
        path = Path(str(target))
        if path.exists():
            seen[path.name] = stat.S_IMODE(path.stat().st_mode)
        else:
            seen[path.name] = -1  # SQLite would create it with the umask's mode
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(db_module.sqlite3, "connect", spy)
    return seen


def test_backup_file_is_private_before_data_goes_in(
    tmp_path: Path, modes_at_connect: dict[str, int]
) -> None:
    store = Store.open(tmp_path / "coffeechat.db")
    open_copy = tmp_path / "copy.db"
    open_copy.write_bytes(b"")
    open_copy.chmod(0o644)  # an older file someone made readable
    backup_to(store.database, open_copy)
    backup_to(store.database, tmp_path / "fresh.db")
    store.close()
    # The copy is written to a temporary file beside the target, then renamed.
    partials = {name: mode for name, mode in modes_at_connect.items() if ".partial" in name}
    assert len(partials) == 2 and set(partials.values()) == {0o600}, modes_at_connect
    for name in ("copy.db", "fresh.db"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_migration_backup_is_private_before_data_goes_in(
    tmp_path: Path, modes_at_connect: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "coffeechat.db"
    Store.open(path).close()
    monkeypatch.setattr(db_module, "MIGRATIONS", [*db_module.MIGRATIONS, lambda conn: None])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", db_module.SCHEMA_VERSION + 1)
    store = Store.open(path)
    backup = store.database.migration_backup
    store.close()
    assert backup is not None
    partial = [name for name in modes_at_connect if name.startswith(f".{backup.name}.")]
    assert len(partial) == 1 and modes_at_connect[partial[0]] == 0o600, modes_at_connect
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
