"""ctrl+f search at 30,000 contacts: time per query, and the index rebuild a migration costs.

Queries are what a user types one key at a time (a prefix grows into a word), words
that match thousands of entries (the generator's vocabulary is small, so "advice"
matches most notes) and words that match nothing. Each is timed over the store's
``search.query`` (FTS5 match, rank, snippet, resolving 50 hits to who and where).

Runs on a copy of the benchmark database.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import bench_db, ms, summary

QUERIES = ("a", "ad", "adv", "advice", "advice trend", "careér", "zzz", "Núñez")
REPEATS = 5


def measure() -> dict[str, float]:
    """Seconds: the median and worst query over every query, and the index rebuild."""
    from coffeechat.store import Store
    from coffeechat.store.search_schema import search_everything

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        shutil.copyfile(bench_db(), path)
        path.chmod(0o600)
        store = Store.open(path)
        entries = store.database.conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
        print(f"search index: {entries} entries")
        everything: list[float] = []
        for query in QUERIES:
            samples = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                hits = store.search.query(query)
                samples.append(time.perf_counter() - start)
            everything += samples
            median, worst = summary(samples)
            print(f"  {query!r:16} {len(hits):3} hits  median {ms(median)}  max {ms(worst)}")
        median, worst = summary(everything)
        print(f"all queries: median {ms(median)}, max {ms(worst)}")
        store.close()
        figures = {"median": median, "worst": worst, "entries": float(entries)}

        # What the migration costs an existing file of this size: rebuild the index.
        conn = sqlite3.connect(path)
        start = time.perf_counter()
        with conn:
            search_everything(conn)
        figures["rebuild"] = time.perf_counter() - start
        print(f"index rebuild (the migration): {ms(figures['rebuild'])}")
        conn.close()
    return figures


if __name__ == "__main__":
    measure()
