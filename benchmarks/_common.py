"""Shared helpers for the benchmark scripts (not part of the test run)."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CACHE = ROOT / "benchmarks" / "results"


def bench_db(contacts: int = 30_000) -> Path:
    """The generated benchmark database, built once and reused."""
    from generate import generate

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"bench-{contacts}.db"
    if not path.exists():
        generate(path, contacts)
    return path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), max(samples)
