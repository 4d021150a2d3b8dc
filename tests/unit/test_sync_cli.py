"""`coffeechat sync` through the installed console script, and its config.toml."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from coffeechat import sync_config
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.sync_config import SyncConfig
from tests.conftest import seed

SCRIPT = Path(sys.executable).parent / "coffeechat"


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--db", str(db), "sync", *args], capture_output=True, text=True, timeout=60
    )


def test_sync_prints_what_it_wrote_then_nothing(store: Store, db_path: Path, tmp_path: Path):
    seed(store)
    vdir = tmp_path / "vdir"
    first = run(db_path, "--vdir", str(vdir))
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("\nwrote contacts/") + first.stdout.startswith("wrote") == 5
    assert first.stdout.endswith("5 written, 0 removed, 0 came in, 0 conflicts, 0 left alone\n")
    again = run(db_path, "--vdir", str(vdir))
    assert again.stdout == "0 written, 0 removed, 0 came in, 0 conflicts, 0 left alone\n"


def test_sync_uses_the_configured_folder_and_scope(store: Store, db_path: Path, tmp_path: Path):
    seed(store)
    config = sync_config.config_path()
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\nquit = "q"\n', encoding="utf-8")
    sync_config.save(SyncConfig(str(tmp_path / "phone"), "tag:alumni"))
    assert sync_config.load() == SyncConfig(str(tmp_path / "phone"), "tag:alumni")
    assert '[keys]\nquit = "q"' in config.read_text(encoding="utf-8")

    result = run(db_path)

    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "phone" / "contacts").glob("*.vcf"))) == 1


def test_sync_errors_are_one_line_and_exit_non_zero(store: Store, db_path: Path, tmp_path: Path):
    seed(store)
    no_folder = run(db_path)
    assert no_folder.returncode == 1
    assert no_folder.stderr == (
        f"Error: no vdir: pass --vdir DIR or set vdir in {sync_config.config_path()}\n"
    )
    vdir = tmp_path / "vdir"
    run(db_path, "--vdir", str(vdir))
    (vdir / "calls" / "stray.ics").write_text("hello")
    foreign = run(db_path, "--vdir", str(vdir))
    assert foreign.returncode == 0, "a file made elsewhere is no failure"
    assert "left alone: calls/stray.ics: an event made elsewhere\n" in foreign.stdout
    assert "calls/stray.ics" not in run(db_path, "--vdir", str(vdir)).stdout  # named once
    bad_scope = run(db_path, "--vdir", str(vdir), "--scope", "friends")
    assert bad_scope.returncode == 1 and "unknown sync scope 'friends'" in bad_scope.stderr
    assert store.contacts.count() == 5


def test_a_long_sync_lists_twenty_files_then_counts_the_rest(
    store: Store, db_path: Path, tmp_path: Path
):
    for number in range(25):
        store.contacts.add(Contact(name=f"Person {number}"))
    vdir = tmp_path / "vdir"
    first = run(db_path, "--vdir", str(vdir))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert sum(line.startswith("wrote contacts/") for line in lines) == 20
    assert "and 5 more wrote (--verbose lists them)" in lines
    assert lines[-1].startswith("25 written, 0 removed")
    store.contacts.add(Contact(name="One more"))
    for contact in store.contacts.all()[:24]:
        store.contacts.update(replace(contact, title="Engineer"))
    verbose = run(db_path, "--vdir", str(vdir), "--verbose")
    assert sum(line.startswith("wrote contacts/") for line in verbose.stdout.splitlines()) == 25
