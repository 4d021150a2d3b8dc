"""Shared helpers for the benchmark scripts (not part of the test run)."""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
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
        for stale in CACHE.glob(f"bench-{contacts}*.db"):
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
