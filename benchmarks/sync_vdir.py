"""`coffeechat sync` of the 30,000-contact benchmark database into an empty vdir, then
again with nothing changed (which must write no file).

Times the real console script on a copy of the database (a sync may take back changes,
so it writes to the database) and counts the files the second run touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_db


def _run(script: Path, db: Path, vdir: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(script), "--db", str(db), "sync", "--vdir", str(vdir)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def measure() -> tuple[float, int, float, int]:
    """(first run s, files written, second run s, files changed by the second run)."""
    script = Path(sys.executable).parent / "coffeechat"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        shutil.copy(bench_db(), db)
        vdir = Path(folder) / "vdir"
        first = _run(script, db, vdir)
        files = [p for p in vdir.rglob("*") if p.is_file()]
        before = {p: p.stat().st_mtime_ns for p in files}
        second = _run(script, db, vdir)
        after = {p: p.stat().st_mtime_ns for p in vdir.rglob("*") if p.is_file()}
        touched = sum(1 for p, m in after.items() if before.get(p) != m)
        items = sum(1 for p in files if not p.name.startswith("."))
        return first, items, second, touched


if __name__ == "__main__":
    first, items, second, touched = measure()
    print(f"sync, 30,000 contacts into an empty vdir: {first:.2f} s ({items} items written)")
    print(f"sync again, nothing changed: {second:.2f} s ({touched} files written)")
