"""Files at the boundary: `-` is standard output; a device, a FIFO or /dev/fd/N given
as the target is written to, never replaced; only regular files get temp + fsync +
rename. config.toml is written by a TOML library (any path round-trips); preferences
and letter templates go through the one writer."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coffeechat import preferences, safe_files, sync_config
from coffeechat.domain.templates import load_user_template, template_path
from coffeechat.store import Store
from coffeechat.sync_config import SyncConfig
from tests.conftest import seed
from tests.waiting import wait_until_sync

SCRIPT = Path(sys.executable).parent / "coffeechat"


def run(db: Path, *args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), "--db", str(db), *args], capture_output=True, timeout=60, **kwargs
    )


@pytest.fixture
def seeded(store: Store, db_path: Path) -> Path:
    seed(store)
    return db_path


def test_a_dash_means_standard_output(seeded: Path, tmp_path: Path) -> None:
    exported = run(seeded, "export", "json", "-o", "-", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith(b"{") and b'"Maria Okafor"' in exported.stdout
    assert not (tmp_path / "-").exists()
    backed_up = run(seeded, "backup", "-", cwd=tmp_path)
    assert backed_up.returncode == 0, backed_up.stderr
    assert backed_up.stdout.startswith(b"SQLite format 3\x00")
    assert backed_up.stderr == b"Backed up to standard output\n"
    assert not (tmp_path / "-").exists()


def test_dev_stdout_and_dev_fd_are_written_to_not_replaced(seeded: Path) -> None:
    before = os.lstat("/dev/stdout")
    exported = run(seeded, "export", "csv", "-o", "/dev/stdout")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith(b"Name,") and b"Maria Okafor" in exported.stdout
    after = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(after.st_mode) and after.st_ino == before.st_ino
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [str(SCRIPT), "--db", str(seeded), "export", "vcard", "-o", f"/dev/fd/{write_end}"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        received = reader.read()
    assert process.wait(timeout=60) == 0
    assert received.startswith(b"BEGIN:VCARD")


def test_a_device_node_is_written_to_not_replaced(seeded: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    node = tmp_path / "null-device"
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    result = run(seeded, "export", "json", "-o", str(node))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    backed_up = run(seeded, "backup", str(node))
    assert backed_up.returncode == 0, backed_up.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_a_fifo_is_written_to_and_one_nobody_reads_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(safe_files.WriteError, match="nobody is reading"):
        safe_files.write_file(fifo, "nobody listens")
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done: list[bool] = []

    def write() -> None:
        # Retried until the reader has opened its end.
        while True:
            try:
                safe_files.write_file(fifo, "Dear Maria")
            except safe_files.WriteError:
                continue
            done.append(True)
            return

    threading.Thread(target=write, daemon=True).start()
    wait_until_sync(lambda: done and received, timeout=20, what="the FIFO to be read")
    assert received == [b"Dear Maria"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize(
    "folder",
    [
        "~/Sync/📇 contacts",
        'C:\\Users\\"quoted"\\vdir',
        "/tmp/a 'single' = [x] # not a comment",
        "ünï/çødé",
    ],
)
def test_config_toml_round_trips_any_path_and_keeps_the_rest(folder: str) -> None:
    config = sync_config.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('# my settings\n[keys]\nquit = "q"  # mine\n', encoding="utf-8")
    sync_config.save(SyncConfig(folder, "tag:alumni"))
    assert sync_config.load() == SyncConfig(folder, "tag:alumni")
    text = config.read_text(encoding="utf-8")
    assert "# my settings" in text and 'quit = "q"  # mine' in text
    sync_config.save(SyncConfig(folder, "all"))  # again: no second copy of the keys
    assert sync_config.load() == SyncConfig(folder, "all")
    assert config.read_text(encoding="utf-8").count("vdir =") == 1


def test_a_broken_config_toml_is_left_alone() -> None:
    config = sync_config.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("vdir = [unclosed\n", encoding="utf-8")
    with pytest.raises(sync_config.ConfigError, match="not changed"):
        sync_config.save(SyncConfig("/tmp/x"))
    assert config.read_text(encoding="utf-8") == "vdir = [unclosed\n"


def test_preferences_and_templates_go_through_the_one_writer(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours")
    prefs = preferences.preferences_path()
    prefs.parent.mkdir(parents=True, exist_ok=True)
    prefs.symlink_to(elsewhere)  # planted: replaced, never written through
    preferences.save(theme="nord")
    assert preferences.load() == {"theme": "nord"}
    assert not prefs.is_symlink() and stat.S_IMODE(prefs.stat().st_mode) == 0o600
    assert elsewhere.read_text() == "not yours"
    folder = tmp_path / "templates"
    folder.mkdir()
    template_path(folder, "thank_you").symlink_to(tmp_path / "missing-target")
    text = load_user_template(folder, "thank_you")
    written = template_path(folder, "thank_you")
    assert not written.is_symlink() and written.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
