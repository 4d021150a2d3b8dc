"""What a person waits for in a real terminal (tmux 120x40): start-up, ``n`` (the contact
form) and ``c`` (the call screen), each beside a bare Textual app started and driven the
same way in the same run (``../shared/bench/in-terminal.sh``, or the script named by
``COFFEECHAT_IN_TERMINAL``). Headless figures leave out the terminal driver and the
frames actually written; this one does not.

The database is the benchmark's 30,000 contacts plus the demo's people (Tom Lindqvist,
whose planned call ``c`` opens). The machine's load average is read before and after:
on a shared machine the ratio to the bare app, measured in the same run, is the figure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from _common import ROOT, bench_db

ROUNDS = 5
LINE = re.compile(
    r"^(start-up|form \(n\)|call \(c\))\s+app (\d+) ms\s+bare.*? (\d+) ms\s+x([\d.]+)"
)


def script() -> Path | None:
    named = os.environ.get("COFFEECHAT_IN_TERMINAL")
    found = Path(named) if named else ROOT.parent / "shared" / "bench" / "in-terminal.sh"
    return found if found.exists() and shutil.which("tmux") else None


def load() -> float:
    return os.getloadavg()[0]


Figures = dict[str, tuple[int, int, float]]
"""Medians per key: {"start-up": (app ms, bare ms, app / bare), ...}."""


def measure(rounds: int = ROUNDS) -> tuple[Figures, tuple[float, float]]:
    """The figures (none when the script or tmux is missing) and the load average
    before and after."""
    found = script()
    if found is None:
        return {}, (load(), load())
    sys.path.insert(0, str(ROOT / "src"))
    from coffeechat.demo import fill_demo
    from coffeechat.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench-demo.db"
        shutil.copy(bench_db(), db)
        store = Store.open(db)
        fill_demo(store, datetime.now())
        store.close()
        before = load()
        result = subprocess.run(
            ["bash", str(found), sys.executable, str(db), str(rounds)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        after = load()
    figures: Figures = {}
    for line in result.stdout.splitlines():
        if match := LINE.match(line):
            what, app, bare, ratio = match.groups()
            figures[what] = (int(app), int(bare), float(ratio))
    return figures, (before, after)


if __name__ == "__main__":
    figures, (before, after) = measure()
    print(f"load average {before:.1f} before, {after:.1f} after")
    for what, (app, bare, ratio) in figures.items():
        print(f"{what:10} app {app} ms  bare {bare} ms  x{ratio:.2f}")
