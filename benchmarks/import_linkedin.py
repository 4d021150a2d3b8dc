"""Time `coffeechat import linkedin` of 30,000 rows through the real console script.

Prints the wall time of the whole command (start-up, parse, deduplicate, write) for a
first import into an empty database and for a re-import of the same file.
Run: .venv/bin/python benchmarks/import_linkedin.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.factories import write_connections

ROWS = 30_000


def measure() -> dict[str, tuple[float, str]]:
    """Seconds and report for a first import and a re-import of the same file."""
    script = Path(sys.executable).parent / "coffeechat"
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        db = Path(folder) / "bench.db"
        write_connections(csv_path, ROWS)
        for label in ("first import", "re-import"):
            started = time.perf_counter()
            result = subprocess.run(
                [str(script), "--db", str(db), "import", "linkedin", str(csv_path)],
                capture_output=True,
                text=True,
                check=True,
            )
            elapsed = time.perf_counter() - started
            results[label] = (elapsed, result.stdout.strip().split(": ", 1)[1])
    return results


def main() -> None:
    for label, (elapsed, report) in measure().items():
        print(f"import linkedin, {ROWS} rows, {label}: {elapsed:.2f} s  ({report})")


if __name__ == "__main__":
    main()
