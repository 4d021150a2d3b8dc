"""The JSON backup's version follows the data it holds; a reader refuses a newer one
in one line, reports what it does not know, and refuses a wrong-typed value before
writing anything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat.demo import demo_database
from coffeechat.interop.records import ImportFormatError
from coffeechat.store import Store, snapshot
from coffeechat.store.schema import SCHEMA_VERSION
from coffeechat.usecases.exchange import export_text, import_bytes
from tests.conftest import FROZEN_NOW, seed

SCRIPT = Path(sys.executable).parent / "coffeechat"


def backup(store: Store) -> dict:
    return json.loads(export_text(store, "json"))


def full_backup() -> dict:
    """A backup with every kind of record (the demo's)."""
    with demo_database(FROZEN_NOW) as demo:
        return backup(demo)


def restore_into(tmp_path: Path, document: dict) -> tuple[Store, object]:
    target = Store.open(tmp_path / "restored.db")
    report = import_bytes(target, "json", json.dumps(document).encode(), "backup.json")
    return target, report


def test_the_backup_version_names_todays_schema(store: Store) -> None:
    assert snapshot.SCHEMA_OF_BACKUP[snapshot.VERSION] == SCHEMA_VERSION, (
        "a migration changed the schema: bump snapshot.VERSION and record it"
    )
    assert backup(store)["version"] == snapshot.VERSION
    assert sorted(snapshot.SCHEMA_OF_BACKUP) == list(range(1, snapshot.VERSION + 1))


def test_a_newer_backup_is_refused_in_one_line(store: Store, db_path: Path, tmp_path: Path) -> None:
    seed(store)
    document = backup(store)
    document["version"] = snapshot.VERSION + 1
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target.db"
    result = subprocess.run(
        [str(SCRIPT), "--db", str(target), "import", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"backup version {snapshot.VERSION + 1} is from a newer coffeechat" in result.stderr
    check = Store.open(target)
    assert check.contacts.all() == []
    check.close()


def test_unknown_fields_and_tables_are_reported_not_dropped_silently(
    store: Store, tmp_path: Path
) -> None:
    seed(store)
    document = backup(store)
    document["contacts"][0]["favourite_colour"] = "teal"
    document["pets"] = [{"name": "Rex"}]
    target, report = restore_into(tmp_path, document)
    summary = report.summary()
    assert "not restored (unknown to this version): pets, contacts.favourite_colour" in summary
    assert len(target.contacts.all()) == len(store.contacts.all())
    target.close()


@pytest.mark.parametrize(
    ("part", "column", "value", "expected"),
    [
        ("interviews", "length_minutes", "abc", "interviews[0].length_minutes: expected a whole"),
        ("interviews", "elapsed_seconds", "soon", "interviews[0].elapsed_seconds: expected a num"),
        ("interviews", "scheduled_at", "9999-12-31T23:59", "interviews[0].scheduled_at: expected"),
        ("followups", "due_date", "tomorrow", "followups[0].due_date: expected a date"),
        ("contacts", "archived", "yes", "contacts[0].archived: expected a whole number"),
        ("contacts", "name", ["a", "list"], "contacts[0].name: expected text"),
    ],
)
def test_a_wrong_typed_value_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, part: str, column: str, value: object, expected: str
) -> None:
    document = full_backup()
    assert document[part], part
    document[part][0][column] = value
    target = Store.open(tmp_path / "restored.db")
    with pytest.raises(ImportFormatError) as refused:
        import_bytes(target, "json", json.dumps(document).encode(), "backup.json")
    message = str(refused.value)
    assert expected in message and "\n" not in message
    assert str(value) not in message or isinstance(value, list)
    assert target.contacts.all() == []
    # What a refused restore leaves behind exports cleanly in every format.
    for fmt in ("ics", "json", "vcard", "markdown", "csv"):
        export_text(target, fmt)
    target.close()
