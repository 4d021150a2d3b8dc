"""The same figures at 3,000, 30,000 and 300,000 contacts, side by side, so that growth
with the data shows: a filter keystroke and a highlight move (app CPU, Pilot), a
`ctrl+f` query (the store's search, median over the search benchmark's queries),
start-up against the bare app (headless, as installed; and in a real terminal, tmux,
``in_terminal.sh``) and peak memory.

Each figure at each size comes from a fresh interpreter with
``COFFEECHAT_BENCH_CONTACTS`` set (see ``_common.CONTACTS``); the files are generated
once and kept in ``benchmarks/results``. The load average is read around each size.

Usage: .venv/bin/python benchmarks/scale.py [SIZES...]   (default 3000 30000 300000)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import in_terminal
from _common import bench_db

SIZES = (3_000, 30_000, 300_000)
HERE = Path(__file__).parent

BARS = {
    "filter": "≤ 16 ms",
    "filter_all": "—",
    "move": "≤ 16 ms",
    "search": "≤ 50 ms",
    "startup": "≤ 1.5x (1.6x at 300,000)",
    "terminal": "≤ 1.5x (1.6x at 300,000)",
    "memory": "≤ 300 MB at 300,000",
}


def at(contacts: int, module: str, function: str = "measure") -> object:
    """``module.function()`` in a fresh interpreter over *contacts* contacts."""
    code = (
        "import contextlib, json, sys\n"
        f"sys.path.insert(0, {str(HERE)!r})\n"
        f"import {module}\n"
        "with contextlib.redirect_stdout(sys.stderr):\n"
        f"    result = {module}.{function}()\n"
        "print(json.dumps(result))\n"
    )
    env = {**os.environ, "COFFEECHAT_BENCH_CONTACTS": str(contacts)}
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, stdout=subprocess.PIPE, cwd=HERE, env=env
    )
    return json.loads(result.stdout.decode("utf-8").strip().splitlines()[-1])


def figures(contacts: int) -> dict[str, str]:
    bench_db(contacts)  # generated once, outside the timed runs
    before = os.getloadavg()[0]
    keys = at(contacts, "keystrokes")
    found = at(contacts, "search", "query_figures")
    start = at(contacts, "startup", "measure_few")
    rss = at(contacts, "memory")
    terminal = in_terminal.measure(rounds=3, start_only=(), keys=(contacts,))
    after = os.getloadavg()[0]
    assert isinstance(keys, dict) and isinstance(found, dict)
    assert isinstance(start, dict) and isinstance(rss, dict)
    bare_key = f"bare key {keys['bare'][0] * 1000:.1f}"
    bare_start = start["installed"] / start["installed_ratio"]
    shown = {
        "filter": f"{keys['filter'][0] * 1000:.1f} ms ({bare_key})",
        "filter_all": f"{keys['filter_all'][0] * 1000:.1f} ms",
        "move": f"{keys['move'][0] * 1000:.1f} ms ({bare_key})",
        "search": f"{found['median'] * 1000:.1f} ms (worst {found['worst'] * 1000:.0f}; "
        f"bare app start-up {bare_start * 1000:.0f} ms)",
        "startup": f"{start['installed_ratio']:.2f}x ({start['installed'] * 1000:.0f} / "
        f"{bare_start * 1000:.0f} ms)",
        "memory": f"{rss['app']:.0f} MB (bare {rss['bare']:.0f})",
        "load": f"{before:.1f} → {after:.1f}" + (" (under load)" if max(before, after) > 1 else ""),
    }
    cell = terminal.get(contacts, ({}, (0.0, 0.0)))[0]
    if "start-up" in cell:
        app, bare, ratio = cell["start-up"]
        shown["terminal"] = f"{ratio:.2f}x ({app} / {bare} ms)"
        for key in ("n", "c", "ctrl+e"):
            if key in cell:
                shown[f"`{key}`"] = f"{cell[key][2]:.2f}x"
    return shown


ROWS = (
    ("filter", "Filter keystroke to the painted list, median (app CPU)"),
    ("filter_all", "Filter keystroke until every match is found, median (app CPU)"),
    ("move", "Highlight move + detail, median (app CPU)"),
    ("search", "`ctrl+f` query, median"),
    ("startup", "Start-up vs bare app, headless, as installed"),
    ("terminal", "Start-up vs bare app, real terminal (tmux)"),
    ("`n`", "`n` contact form vs a bare dialog, real terminal"),
    ("`c`", "`c` call screen vs a bare screen, real terminal"),
    ("`ctrl+e`", "`ctrl+e` outcome form vs a bare screen, real terminal"),
    ("memory", "Peak RSS"),
    ("load", "Load average before → after"),
)


def main(sizes: tuple[int, ...]) -> None:
    measured = {size: figures(size) for size in sizes}
    print("| | " + " | ".join(f"{size:,} contacts" for size in sizes) + " | bar |")
    print("|---" * (len(sizes) + 2) + "|")
    for key, label in ROWS:
        cells = [measured[size].get(key, "—") for size in sizes]
        print(f"| {label} | " + " | ".join(cells) + f" | {BARS.get(key, '')} |")


if __name__ == "__main__":
    main(tuple(int(arg.replace(",", "")) for arg in sys.argv[1:]) or SIZES)
