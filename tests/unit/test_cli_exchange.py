"""import / export / backup through the installed console script."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
SCRIPT = Path(sys.executable).parent / "coffeechat"


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "120"},
    )


def test_import_reports_and_reimport_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = run(db, "import", "linkedin", str(DATA / "linkedin_nasty.csv"))
    assert first.returncode == 0, first.stderr
    assert "5 added, 0 merged, 2 skipped (1 no name, 1 already present)" in first.stdout
    second = run(db, "import", "linkedin", str(DATA / "linkedin_nasty.csv"))
    assert "0 added, 0 merged, 7 skipped" in second.stdout
    vcf = run(db, "import", "vcard", str(DATA / "apple_iphone.vcf"))
    assert "2 added" in vcf.stdout


def test_bad_files_give_one_line_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    cut = tmp_path / "cut.vcf"
    cut.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:Cut\n")
    for fmt, path, expected in (
        ("vcard", binary, "photo.jpg, line 1: unreadable text (binary data)"),
        ("vcard", cut, "cut.vcf, line 5: truncated card"),
        ("linkedin", DATA / "apple_iphone.vcf", "not a LinkedIn Connections export"),
        ("json", DATA / "linkedin_nasty.csv", "not valid JSON"),
        ("csv", tmp_path / "missing.csv", "missing.csv: No such file"),
    ):
        result = run(db, "import", fmt, str(path))
        assert result.returncode == 1, (fmt, result)
        assert expected in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    listed = run(db, "export", "csv")
    assert listed.stdout.strip().splitlines() == [listed.stdout.splitlines()[0]]  # header only


def test_export_stdout_and_private_files(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run(db, "import", "vcard", str(DATA / "google_mixed.vcf"))
    out = run(db, "export", "json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["format"] == "coffeechat"
    for fmt in ("json", "csv", "vcard", "markdown", "ics"):
        target = tmp_path / f"out.{fmt}"
        result = run(db, "export", fmt, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert target.read_text(encoding="utf-8")
    assert "李 小龍 🎉" in (tmp_path / "out.vcard").read_text(encoding="utf-8")
    restored = tmp_path / "restored.db"
    assert run(restored, "import", "json", str(tmp_path / "out.json")).returncode == 0
    assert run(restored, "export", "json").stdout == out.stdout
    bad = run(db, "export", "pdf")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_backup_is_a_consistent_private_copy(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run(db, "import", "linkedin", str(DATA / "linkedin_nasty.csv"))
    copy = tmp_path / "copy.db"
    result = run(db, "backup", str(copy))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 5
    assert run(db, "backup", str(copy)).returncode == 0  # overwriting is fine
    same = run(db, "backup", str(db))
    assert same.returncode == 1 and "is the open database" in same.stderr
    nowhere = run(db, "backup", str(tmp_path / "no" / "such" / "dir.db"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr
