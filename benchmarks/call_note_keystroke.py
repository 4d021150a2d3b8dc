"""Note keystroke in the call screen with 200 notes already in the call.

Drives the app headless at 120x40 with Textual's Pilot and reports, per key press
in the note input, the CPU time the process spent until the app was idle again
(handling the key, saving nothing, repainting). Wall time is printed too, but it is
dominated by Pilot's own waiting (about 60 ms per press whatever the app does).
The spec's bar is a median of 16 ms; the run with no notes shows the baseline.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from _common import where_measured

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp

NOTES = 200
KEYS = 200


async def measure(db: Path, notes: int) -> tuple[list[float], list[float]]:
    store = Store.open(db)
    clock = Clock(frozen_at=datetime(2026, 3, 16, 10, 30))
    contact = store.contacts.add(Contact(name="Benchmark Person"))
    interview = store.interviews.create(contact.id, questions=store.questions.defaults())
    store.interviews.start(interview.id, clock.now(), [])
    items = store.interviews.checklist(interview.id)
    for n in range(notes):
        store.interviews.add_note(
            interview.id,
            f"note {n}: a sentence of the kind people type while listening on a call",
            minute=n // 10,
            checklist_item_id=items[n % len(items)].id,
            now=clock.now(),
        )
    app = CoffeechatApp(store, clock=clock)
    cpu: list[float] = []
    wall: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()  # the note line has the focus: every letter is the note
        for n in range(KEYS):
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press("abcdefghij"[n % 10])
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        shown = len(app.screen.query_one("#note-log").lines)
        assert shown >= notes, shown
    store.close()
    return cpu, wall


def figures(notes: int = NOTES) -> tuple[float, float]:
    """(median, p95) app CPU milliseconds per note keystroke with *notes* in the log."""
    with tempfile.TemporaryDirectory() as folder:
        cpu, _ = asyncio.run(measure(Path(folder) / "bench.db", notes))
    cpu.sort()
    return statistics.median(cpu), cpu[int(len(cpu) * 0.95)]


def main() -> int:
    for notes in (0, NOTES):
        with tempfile.TemporaryDirectory() as folder:
            cpu, wall = asyncio.run(measure(Path(folder) / "bench.db", notes))
        cpu.sort()
        print(
            f"call note keystroke, {notes} notes in the log: "
            f"app CPU median {statistics.median(cpu):.1f} ms, "
            f"p95 {cpu[int(len(cpu) * 0.95)]:.1f} ms "
            f"(wall incl. Pilot waits: median {statistics.median(wall):.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    with where_measured():
        code = main()
    sys.exit(code)
