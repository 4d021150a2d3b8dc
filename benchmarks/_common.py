"""Shared helpers for the benchmark scripts (not part of the test run)."""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CACHE = Path(os.environ.get("COFFEECHAT_BENCH_DIR", ROOT / "benchmarks" / "results"))
"""Where the generated files are kept (``COFFEECHAT_BENCH_DIR``: elsewhere than the
tree, e.g. /tmp for the 300,000-contact file of about 350 MB)."""

CONTACTS = int(os.environ.get("COFFEECHAT_BENCH_CONTACTS", "30000"))
"""How many contacts the benchmarks' file holds: 30,000 unless the scale table
(``scale.py``) runs a benchmark at 3,000 or 300,000."""


def bench_db(contacts: int | None = None) -> Path:
    """The generated benchmark database, built once and reused until the generator
    changes (its name carries a digest of generate.py, so a stale file is not used)."""
    from generate import generate

    contacts = contacts or CONTACTS
    CACHE.mkdir(parents=True, exist_ok=True)
    recipe = hashlib.sha256((Path(__file__).parent / "generate.py").read_bytes()).hexdigest()
    path = CACHE / f"bench-{contacts}-{recipe[:10]}.db"
    if not path.exists():
        for stale in CACHE.glob(f"bench-{contacts}-*.db"):  # not bench-300000 for 30000
            stale.unlink()
        generate(path, contacts)
    return path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), max(samples)


def fresh(module: str, function: str = "measure") -> Any:
    """``module.function()`` run in a new interpreter, its result back through JSON
    (tuples come back as lists). The Pilot benchmarks each get a process of their
    own: run one after another in one process, each inherited the heap the others
    left, and the garbage collector's passes over it showed up as app time."""
    # The benchmark's own report goes to stderr; stdout carries only the result.
    code = (
        "import contextlib, json, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        f"import {module}\n"
        "with contextlib.redirect_stdout(sys.stderr):\n"
        f"    result = {module}.{function}()\n"
        "print(json.dumps(result))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parent,
    )
    return json.loads(result.stdout.decode("utf-8").strip().splitlines()[-1])


def where(before: float, after: float) -> str:
    """The load average around a figure; over 1, the figure is marked as taken under load."""
    note = f"load average {before:.1f} → {after:.1f}"
    return note + (", **under load**" if max(before, after) > 1 else "")


def bare_startup(runs: int = 3) -> float:
    """Seconds: the bare Textual app's headless start-up (Header, Label, Footer), median
    of *runs*, as a yardstick measured in the same run as figures that have no bare
    counterpart of their own (store queries, whole commands)."""
    from startup import BARE, timed

    return statistics.median(timed(BARE) for _ in range(runs))


@contextmanager
def where_measured(bare: bool = True) -> Iterator[None]:
    """Around a script's own report: after its figures, the load average before and
    after, and (*bare*: the figures have no bare app of their own) the bare app's
    start-up in the same run."""
    before = os.getloadavg()[0]
    yield
    line = where(before, os.getloadavg()[0])
    if bare:
        line += f"; bare Textual app start-up in this run {bare_startup() * 1000:.0f} ms"
    print(line)
