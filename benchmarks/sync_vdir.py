"""`coffeechat sync` of the 30,000-contact benchmark database into an empty vdir, then
again with nothing changed (which must write no file). Bars: the first ≤ 10 s, the
second ≤ 1.5 s writing 0 files; the merge must add no rewrite to an idle sync.

Times the real console script on a copy of the database (a sync may take back changes,
so it writes to the database), to which an open follow-up for one contact in ten and a
planned call for one in a hundred are added (the generated calls are held ones with no
time), and counts the files the second run touched. The copy is migrated to the app's
schema before the clock starts (the cached file is built once and may be older). Beside
each wall time it gives the command's CPU time (user + system) and the load average: on
a shared machine the wall time moves with the load, the CPU time much less.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_db, where_measured


def _add_followups_and_calls(db: Path) -> None:
    from coffeechat.store import Store
    from coffeechat.store.search_schema import register_fold

    # The cached file may predate the app's last migration: it is brought up to date
    # here, untimed, so that the run times the sync and not a one-off migration.
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        # The search index's triggers fold text with the app's own SQL function.
        register_fold(conn)
        ids = [row[0] for row in conn.execute("SELECT id FROM contacts ORDER BY id")]
        conn.executemany(
            "INSERT INTO followups(contact_id, kind, title, due_date) VALUES (?, ?, ?, ?)",
            [(i, "follow_up", "Follow up", f"2026-04-{1 + i % 28:02d}") for i in ids[::10]],
        )
        for i in ids[5::100]:
            cursor = conn.execute(
                "INSERT INTO interviews(contact_id, scheduled_at) VALUES (?, ?)",
                (i, f"2026-04-{1 + i % 28:02d}T15:00"),
            )
            conn.executemany(
                "INSERT INTO checklist_items(interview_id, text, position) VALUES (?, ?, ?)",
                [(cursor.lastrowid, f"Question {n}?", n) for n in range(8)],
            )


CPU: dict[str, float] = {}
"""CPU seconds (user + system) of the last measure()'s runs: "first" and "idle"."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(script: Path, db: Path, vdir: Path, label: str) -> float:
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        [str(script), "--db", str(db), "sync", "--vdir", str(vdir)],
        check=True,
        capture_output=True,
    )
    CPU[label] = _children_cpu() - cpu
    return time.perf_counter() - started


def measure() -> tuple[float, int, float, int]:
    """(first run s, files written, second run s, files changed by the second run)."""
    script = Path(sys.executable).parent / "coffeechat"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        shutil.copy(bench_db(), db)
        _add_followups_and_calls(db)
        vdir = Path(folder) / "vdir"
        first = _run(script, db, vdir, "first")
        files = [p for p in vdir.rglob("*") if p.is_file()]
        before = {p: p.stat().st_mtime_ns for p in files}
        second = _run(script, db, vdir, "idle")
        after = {p: p.stat().st_mtime_ns for p in vdir.rglob("*") if p.is_file()}
        touched = sum(1 for p, m in after.items() if before.get(p) != m)
        items = sum(1 for p in files if not p.name.startswith((".", "coffeechat-keeps-")))
        return first, items, second, touched


if __name__ == "__main__":
    with where_measured():
        first, items, second, touched = measure()
        load = os.getloadavg()[0]
        print(
            f"sync, 30,000 contacts into an empty vdir: {first:.2f} s, CPU {CPU['first']:.2f} s "
            f"({items} items written; load {load:.1f})"
        )
        print(
            f"sync again, nothing changed: {second:.2f} s, CPU {CPU['idle']:.2f} s "
            f"({touched} files written; load {load:.1f})"
        )
