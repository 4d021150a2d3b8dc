"""Shared helpers for the benchmark scripts (not part of the test run)."""

from __future__ import annotations

import hashlib
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CACHE = ROOT / "benchmarks" / "results"


def bench_db(contacts: int = 30_000) -> Path:
    """The generated benchmark database, built once and reused until the generator
    changes (its name carries a digest of generate.py, so a stale file is not used)."""
    from generate import generate

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
