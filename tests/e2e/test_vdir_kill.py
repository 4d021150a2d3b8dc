"""`kill -9` during a large sync, again and again: the next sync resumes and converges,
nothing is left stuck as "changed elsewhere", no temporary file stays behind.

The test kills the real console script at moments it watches for (a temporary file
being written, the journal growing, the lock taken), not after fixed delays. A
30,000-contact run of the same loop is ``benchmarks/sync_kill.py``.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from coffeechat.interop.records import ImportedContact
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases.importing import import_contacts
from coffeechat.usecases.sync_folder import LOCK_FILE
from coffeechat.usecases.sync_state import JOURNAL_FILE
from tests.e2e.test_vdir_radicale import BIN, _run
from tests.waiting import wait_until_sync

CONTACTS = 1500


def _partials(vdir: Path) -> list[Path]:
    return list(vdir.glob("*/.*.partial"))


def _moments(vdir: Path) -> list[Callable[[], bool]]:
    """When to kill, round by round: early, mid-write, after a batch was journaled."""
    return [
        lambda: (vdir / LOCK_FILE).exists(),
        lambda: bool(_partials(vdir)),
        lambda: (vdir / JOURNAL_FILE).exists(),
        lambda: bool(_partials(vdir)),
        lambda: (vdir / JOURNAL_FILE).exists() and (vdir / JOURNAL_FILE).stat().st_size > 0,
    ]


def test_kill_9_loop_over_a_large_sync_converges(db_path: Path, tmp_path: Path):
    store = Store.open(db_path)
    try:
        records = [
            ImportedContact(Contact(name=f"Person {n:05d}", email=f"p{n}@example.org"), line=n)
            for n in range(CONTACTS)
        ]
        import_contacts(store.database, records)
    finally:
        store.close()
    vdir = tmp_path / "vdir"
    command = [str(BIN / "coffeechat"), "--db", str(db_path), "sync", "--vdir", str(vdir)]

    for round_, moment in enumerate(_moments(vdir)):
        with sqlite3.connect(db_path) as conn:
            conn.execute("UPDATE contacts SET title = ?", (f"Round {round_}",))
        running = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_until_sync(
                lambda m=moment, r=running: m() or r.poll() is not None,
                timeout=120,
                what="a write",
            )
        finally:
            running.send_signal(signal.SIGKILL)
            running.wait(timeout=60)

    resumed = _run(command).stdout
    idle = _run(command).stdout

    assert "conflict:" not in resumed and "left alone:" not in resumed
    assert idle.endswith("0 written, 0 removed, 0 came in, 0 conflicts, 0 left alone\n")
    assert _partials(vdir) == []
    cards = list((vdir / "contacts").glob("*.vcf"))
    assert len(cards) == CONTACTS
    assert all("TITLE:Round 4" in card.read_text() for card in cards)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT DISTINCT title FROM contacts").fetchall() == [("Round 4",)]
