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

from _common import bench_db, ms, summary, where_measured

QUERIES = ("a", "ad", "adv", "advice", "advice trend", "careér", "zzz", "Núñez")
REPEATS = 5
PASTES = {
    "800 one-letter words": " ".join("abcdefgh"[n % 8] for n in range(800)),
    "1,200-word paste": " ".join(f"word{n}" for n in range(1_200)),
    "10 KB paste": "advice " * 1_500,
}
"""Pastes that took the search seconds to minutes before a query counted only its
first words (domain.text.query_words), and the contact filter 18 s."""


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
        figures = {"median": median, "worst": worst, "entries": float(entries)}
        figures.update(_pastes(store))
        store.close()

        # What the migration costs an existing file of this size: rebuild the index.
        conn = sqlite3.connect(path)
        start = time.perf_counter()
        with conn:
            search_everything(conn)
        figures["rebuild"] = time.perf_counter() - start
        print(f"index rebuild (the migration): {ms(figures['rebuild'])}")
        conn.close()
    return figures


def query_figures() -> dict[str, float]:
    """Seconds: the median and worst of the queries alone (the scale table)."""
    from coffeechat.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        shutil.copyfile(bench_db(), path)
        path.chmod(0o600)
        store = Store.open(path)
        samples = []
        for query in QUERIES:
            for _ in range(REPEATS):
                start = time.perf_counter()
                store.search.query(query)
                samples.append(time.perf_counter() - start)
        store.close()
    median, worst = summary(samples)
    return {"median": median, "worst": worst}


def _pastes(store) -> dict[str, float]:
    """Seconds, the worst of REPEATS: each paste searched, and filtered over every row."""
    from coffeechat.domain.contact_filter import ContactFilter

    everyone = ContactFilter(store.contacts.rows())
    search_worst = filter_worst = 0.0
    for name, paste in PASTES.items():
        searched, filtered = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            store.search.query(paste)
            searched.append(time.perf_counter() - start)
            start = time.perf_counter()
            everyone.match(paste)
            filtered.append(time.perf_counter() - start)
            everyone.match("")  # each paste starts from the whole list, as a paste does
        print(f"  {name:22} search max {ms(max(searched))}  filter max {ms(max(filtered))}")
        search_worst, filter_worst = max(search_worst, *searched), max(filter_worst, *filtered)
    return {"paste_search": search_worst, "paste_filter": filter_worst}


if __name__ == "__main__":
    with where_measured():
        measure()
