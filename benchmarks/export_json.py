"""`coffeechat export json` of the whole 30,000-contact benchmark database.

Times the real console script writing the lossless backup to a file, and checks the
document holds every contact.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_db, where_measured


def measure() -> tuple[float, int]:
    """(seconds, bytes written)."""
    script = Path(sys.executable).parent / "coffeechat"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "backup.json"
        started = time.perf_counter()
        subprocess.run(
            [str(script), "--db", str(bench_db()), "export", "json", "-o", str(out)],
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - started
        document = json.loads(out.read_text(encoding="utf-8"))
        assert len(document["contacts"]) == 30_000, len(document["contacts"])
        return elapsed, out.stat().st_size


if __name__ == "__main__":
    with where_measured():
        seconds, size = measure()
        print(f"export json, 30,000 contacts: {seconds:.2f} s ({size / 1e6:.1f} MB)")
