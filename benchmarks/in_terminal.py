"""What a person waits for in a real terminal (tmux 120x40): start-up and the screens the
keys `n`, `i`, `d`, `c` and `ctrl+e` open, each beside a bare Textual app started and
driven the same way in the same round (``benchmarks/in_terminal.sh``). Headless figures
leave out the terminal driver and the frames actually written; these do not.

Start-up is measured with 1 contact and with 30,000 (and 3,000 and 300,000 when asked);
the keys on the 30,000 file (and the others asked for), each with the demo's people added
so that Tom Lindqvist has a planned call for `c`. The machine's load average is read
before and after each file: on a shared machine the ratio to the bare app, measured in
the same round, is the figure, and one taken at a load average over 1 is marked.
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
SCRIPT = Path(__file__).with_name("in_terminal.sh")
LINE = re.compile(r"^(\S+)\s+app (\d+) ms\s+bare (\d+) ms\s+x([\d.]+)")
KEYS = ("start-up", "n", "i", "d", "c", "ctrl+e")
"""What the script measures, in the order it prints them."""
BARS = {"start-up": 1.5, "n": 2.0, "i": 2.0, "d": 2.0, "c": 2.0, "ctrl+e": 2.0}
"""The most each may take, as a multiple of the bare app's figure (start-up at 300,000
contacts: 1.6, see ``bar``)."""

Figures = dict[str, tuple[int, int, float]]
"""Medians per key: {"start-up": (app ms, bare ms, app / bare), ...}."""


def bar(what: str, contacts: int) -> float:
    return 1.6 if what == "start-up" and contacts >= 300_000 else BARS[what]


def usable() -> bool:
    return shutil.which("tmux") is not None


def load() -> float:
    return os.getloadavg()[0]


def _database(folder: Path, contacts: int) -> Path:
    """A copy of the benchmark file of *contacts* people plus the demo's (1: the demo's
    people are left out, so that the file holds one contact)."""
    sys.path.insert(0, str(ROOT / "src"))
    from coffeechat.demo import fill_demo
    from coffeechat.models import Contact
    from coffeechat.store import Store

    db = folder / f"terminal-{contacts}.db"
    if contacts == 1:
        store = Store.open(db)
        store.contacts.add(Contact(name="Ada Okafor", organization="Okafor Labs"))
    else:
        shutil.copy(bench_db(contacts), db)
        store = Store.open(db)
        fill_demo(store, datetime.now())
    store.close()
    return db


def run(db: Path, rounds: int, what: str) -> Figures:
    result = subprocess.run(
        ["bash", str(SCRIPT), sys.executable, str(db), str(rounds), what],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    figures: Figures = {}
    for line in result.stdout.splitlines():
        if match := LINE.match(line):
            key, app, bare, ratio = match.groups()
            figures[key] = (int(app), int(bare), float(ratio))
    return figures


def measure(
    rounds: int = ROUNDS, start_only: tuple[int, ...] = (1,), keys: tuple[int, ...] = (30_000,)
) -> dict[int, tuple[Figures, tuple[float, float]]]:
    """Per number of contacts: the figures (none without tmux) and the load average
    before and after. *start_only* files are timed at start-up only, *keys* files at
    start-up and every key."""
    measured: dict[int, tuple[Figures, tuple[float, float]]] = {}
    if not usable():
        return measured
    with tempfile.TemporaryDirectory() as folder:
        for contacts in sorted({*start_only, *keys}):
            db = _database(Path(folder), contacts)
            before = load()
            figures = run(db, rounds, "keys" if contacts in keys else "start")
            measured[contacts] = (figures, (before, load()))
    return measured


def where(before: float, after: float) -> str:
    note = f"load {before:.1f} → {after:.1f}"
    return note + (", under load" if max(before, after) > 1 else "")


def table(measured: dict[int, tuple[Figures, tuple[float, float]]]) -> list[str]:
    """A Markdown table: one row per key, one column per file, each cell the app's and
    the bare app's median and their ratio (a ratio over its bar in bold)."""
    sizes = sorted(measured)
    lines = [
        "| | " + " | ".join(f"{size:,} contact{'s' if size > 1 else ''}" for size in sizes) + " |",
        "|---" * (len(sizes) + 1) + "|",
    ]
    for what in KEYS:
        cells = []
        for size in sizes:
            figures = measured[size][0]
            if what not in figures:
                cells.append("—")
                continue
            app, bare, ratio = figures[what]
            shown = f"{ratio:.2f}x"
            if ratio > bar(what, size):
                shown = f"**{shown}**"
            cells.append(f"{app} / {bare} ms = {shown}")
        lines.append(f"| `{what}` | " + " | ".join(cells) + " |")
    lines.append(
        "| load average | " + " | ".join(where(*measured[size][1]) for size in sizes) + " |"
    )
    return lines


def met(measured: dict[int, tuple[Figures, tuple[float, float]]]) -> bool:
    return bool(measured) and all(
        ratio <= bar(what, size)
        for size, (figures, _) in measured.items()
        for what, (_, _, ratio) in figures.items()
    )


if __name__ == "__main__":
    wanted = {int(arg.replace(",", "").replace("_", "")) for arg in sys.argv[1:]} or {30_000}
    result = measure(start_only=(1,), keys=tuple(sorted(wanted)))
    print("\n".join(table(result)))
