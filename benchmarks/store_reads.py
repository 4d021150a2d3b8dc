"""The store's reads at 30,000 contacts, rows read by column name.

CPU time of this process (not wall time), median of five runs each, so a busy machine
changes the figures less: the contact list's rows, every contact in full, 1,000
single contacts, and the whole-database dump behind ``export json``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from _common import bench_db, where_measured

from coffeechat.store import Store
from coffeechat.store.snapshot import dump


def _median_cpu(work: Callable[[], object], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        started = time.process_time()
        work()
        samples.append(time.process_time() - started)
    return statistics.median(samples)


def measure() -> dict[str, float]:
    store = Store.open(bench_db())
    try:
        ids = [row.id for row in store.contacts.rows(include_archived=True)][:1000]
        return {
            "list rows": _median_cpu(lambda: store.contacts.rows()),
            "all contacts": _median_cpu(lambda: store.contacts.all()),
            "1,000 contacts one by one": _median_cpu(lambda: [store.contacts.get(i) for i in ids]),
            "dump": _median_cpu(lambda: dump(store.database), runs=3),
        }
    finally:
        store.close()


if __name__ == "__main__":
    with where_measured():
        for name, seconds in measure().items():
            print(f"{name}: {seconds * 1000:.0f} ms CPU")
