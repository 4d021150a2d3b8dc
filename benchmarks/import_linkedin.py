"""Time `coffeechat import linkedin` of 30,000 rows through the real console script.

Prints the wall time of the whole command (start-up, parse, deduplicate, write) for a
first import into an empty database, a re-import of the same file, and a first import of
30,000 people with common names (thousands share a name and an employer with someone
else: each is kept, and the look-alikes are listed as possible duplicates).
Run: .venv/bin/python benchmarks/import_linkedin.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import where_measured

from tests.factories import write_connections

ROWS = 30_000


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CPU: dict[str, float] = {}
"""CPU seconds of each run's command (user + system): on a shared machine whose load
stretches the wall time, what the command itself costs."""


def measure() -> dict[str, tuple[float, str]]:
    """Seconds and report for a first import and a re-import of the same file."""
    script = Path(sys.executable).parent / "coffeechat"
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        common_path = Path(folder) / "CommonNames.csv"
        write_connections(csv_path, ROWS)
        write_connections(common_path, ROWS, common_names=True)
        runs = (
            ("first import", csv_path, "bench.db"),
            ("re-import", csv_path, "bench.db"),
            ("first import, common names", common_path, "common.db"),
        )
        for label, path, db in runs:
            started, cpu = time.perf_counter(), _children_cpu()
            result = subprocess.run(
                [str(script), "--db", str(Path(folder) / db), "import", "linkedin", str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            elapsed = time.perf_counter() - started
            CPU[label] = _children_cpu() - cpu
            results[label] = (elapsed, result.stdout.strip().split(": ", 1)[1])
    return results


def main() -> None:
    for label, (elapsed, report) in measure().items():
        print(
            f"import linkedin, {ROWS} rows, {label}: {elapsed:.2f} s, CPU {CPU[label]:.2f} s "
            f"({report})"
        )


if __name__ == "__main__":
    with where_measured():
        main()
