"""`kill -9` during a 30,000-contact sync, ten rounds, then a sync to the end.

Each round changes every contact's title (so every card is patched), starts
`coffeechat sync` and kills it at a different point (the lock taken, a temporary file
being written, a batch journaled). Prints how long the resuming sync took, whether it
converged (no conflict, nothing left alone, no temporary file left, every card holding
the last round's title) and what an idle sync after it wrote. The small version of this
loop is the test ``tests/e2e/test_vdir_kill.py``.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_db, where_measured

from coffeechat.store.search_schema import register_fold

ROUNDS = 10


def _moments(vdir: Path):
    lock, journal = vdir / ".coffeechat-sync.lock", vdir / ".coffeechat-sync.journal"

    def partial() -> bool:
        return any(vdir.glob("*/.*.partial"))

    def journaled() -> bool:
        return journal.exists() and journal.stat().st_size > 0

    return [lock.exists, partial, journaled, partial, journal.exists] * 2


def measure() -> dict[str, object]:
    script = Path(sys.executable).parent / "coffeechat"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        shutil.copy(bench_db(), db)
        vdir = Path(folder) / "vdir"
        command = [str(script), "--db", str(db), "sync", "--vdir", str(vdir)]
        for round_, moment in enumerate(_moments(vdir)[:ROUNDS]):
            with sqlite3.connect(db) as conn:
                register_fold(conn)  # the search index's triggers call it
                conn.execute("UPDATE contacts SET title = ?", (f"Round {round_}",))
            running = subprocess.Popen(command, stdout=subprocess.DEVNULL)
            while not moment() and running.poll() is None:
                time.sleep(0.005)
            running.send_signal(signal.SIGKILL)
            running.wait()
        started = time.perf_counter()
        resumed = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        resume_seconds = time.perf_counter() - started
        idle = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        cards = list((vdir / "contacts").glob("*.vcf"))
        last = f"TITLE:Round {ROUNDS - 1}"
        return {
            "resume": resume_seconds,
            "converged": "conflict:" not in resumed
            and "left alone:" not in resumed
            and not any(vdir.glob("*/.*.partial"))
            and all(last in card.read_text() for card in cards),
            "idle": idle.strip().splitlines()[-1],
            "cards": len(cards),
        }


if __name__ == "__main__":
    with where_measured():
        result = measure()
        print(
            f"kill -9 x{ROUNDS} during a 30,000-contact sync, then to the end: "
            f"{result['resume']:.2f} s, converged: {result['converged']}, "
            f"{result['cards']} cards; idle after: {result['idle']}"
        )
