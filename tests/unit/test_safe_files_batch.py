"""write_files: a batch written like write_file, one flush for all."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.safe_files import WriteError, protect, release, write_files


def test_batch_writes_every_file_private_and_leaves_no_temporary(tmp_path: Path):
    (tmp_path / "b.vcf").write_text("old")
    write_files(tmp_path, {"a.vcf": b"one", "b.vcf": b"two"})
    assert (tmp_path / "a.vcf").read_bytes() == b"one"
    assert (tmp_path / "b.vcf").read_bytes() == b"two"
    assert (tmp_path / "a.vcf").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.vcf", "b.vcf"]


def test_batch_refuses_the_open_database_and_writes_nothing(tmp_path: Path):
    database = tmp_path / "coffeechat.db"
    database.write_bytes(b"SQLite format 3\x00")
    protect(database)
    try:
        with pytest.raises(WriteError, match="it is the open database"):
            write_files(tmp_path, {"a.vcf": b"one", "coffeechat.db": b"x"})
    finally:
        release(database)
    assert database.read_bytes() == b"SQLite format 3\x00"
    assert not (tmp_path / "a.vcf").exists()


def test_batch_into_a_missing_folder_is_one_line(tmp_path: Path):
    with pytest.raises(WriteError) as caught:
        write_files(tmp_path / "gone", {"a.vcf": b"one"})
    assert str(caught.value) == f"cannot write {tmp_path / 'gone'}: No such file or directory"
