"""Write actions at 30,000 contacts: the longest stretch the screen stays frozen per key.

While the app runs (Pilot, headless 120x40) a watchdog task on the same event loop
wakes every millisecond and records the longest gap between two wake-ups: the
longest time the event loop could not answer a key or paint the screen. Each
measured key is pressed on its own, and the window closes only once the app is idle
and every worker (the background re-read of the list included) is done, so work
pushed off the event loop still counts if it ever blocks it. The figure per action
is that longest gap; the same is measured for a key typed into a bare Textual app's
Input. App CPU (process time from key to idle, worker threads included) is printed
too, the way the other keystroke benchmarks count it.

Runs on a copy of the benchmark database, so the writes leave it as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
import time
from pathlib import Path

from _common import bench_db, where_measured

REPEATS = 5


class LoopWatch:
    """Longest gap between wake-ups of a task that asks to wake every millisecond."""

    TICK = 0.001

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(self.TICK)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - self.TICK)
            last = now

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._watch())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def reset(self) -> None:
        self.longest = 0.0


async def settle(app, pilot) -> None:
    """Wait until the app is idle and the background re-read of the list is done.

    (Not every worker: opening a form runs one that lasts as long as the form.)"""
    await pilot.pause()
    for worker in [w for w in app.workers if w.group == "contact-rows"]:
        with contextlib.suppress(Exception):  # cancelled by a newer re-read
            await worker.wait()
    await pilot.pause()


async def timed_key(app, pilot, watch: LoopWatch, key: str) -> tuple[float, float]:
    """(longest event-loop block, app CPU) from pressing *key* until all work is done."""
    await settle(app, pilot)
    watch.reset()
    cpu = time.process_time()
    await pilot.press(key)
    await settle(app, pilot)
    return watch.longest, time.process_time() - cpu


async def coffeechat_figures(db: Path) -> dict[str, list[tuple[float, float]]]:
    from textual.widgets import Input

    from coffeechat.store import Store
    from coffeechat.tui.app import CoffeechatApp
    from coffeechat.tui.widgets.contact_list import ContactList
    from coffeechat.tui.widgets.contact_pane import ContactPane

    store = Store.open(db)
    app = CoffeechatApp(store)
    figures: dict[str, list[tuple[float, float]]] = {
        "archive": [],
        "status": [],
        "open form": [],
        "save form": [],
    }
    watch = LoopWatch()
    async with app.run_test(size=(120, 40)) as pilot:
        watch.start()
        await settle(app, pilot)
        pane = app.screen.query_one(ContactPane)
        contacts = app.screen.query_one(ContactList)
        assert pane.border_title == "Contacts 30000/30000", pane.border_title
        for _ in range(REPEATS):
            figures["archive"].append(await timed_key(app, pilot, watch, "x"))
        assert pane.border_title == f"Contacts {30000 - REPEATS}/{30000 - REPEATS}"
        for n in range(REPEATS):
            await pilot.press("s")  # opens the status picker
            await pilot.pause()
            await pilot.press("down" if n % 2 else "up")
            figures["status"].append(await timed_key(app, pilot, watch, "enter"))
            await pilot.press("down")
        for n in range(REPEATS):
            figures["open form"].append(await timed_key(app, pilot, watch, "enter"))
            app.screen.query_one("#field-title", Input).value = f"Title {n}"
            figures["save form"].append(await timed_key(app, pilot, watch, "ctrl+s"))
            assert contacts.has_focus, "the form closed"
        watch.stop()
    store.close()
    return figures


async def bare_figures() -> list[tuple[float, float]]:
    from textual.app import App
    from textual.widgets import Footer, Header, Input

    class Bare(App):
        def compose(self):
            yield Header()
            yield Input()
            yield Footer()

    app = Bare()
    watch = LoopWatch()
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        watch.start()
        await pilot.pause()
        for key in "archive":
            samples.append(await timed_key(app, pilot, watch, key))
        watch.stop()
    return samples


def measure() -> dict[str, tuple[float, float, float]]:
    """Per action: (worst frozen stretch, median frozen stretch, median app CPU), seconds."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "write-actions.db"
        shutil.copyfile(bench_db(), db)
        figures = asyncio.run(coffeechat_figures(db))
    figures["bare"] = asyncio.run(bare_figures())
    result = {}
    for name, samples in figures.items():
        blocks = sorted(block for block, _ in samples)
        cpus = sorted(cpu for _, cpu in samples)
        result[name] = (blocks[-1], blocks[len(blocks) // 2], cpus[len(cpus) // 2])
    return result


if __name__ == "__main__":
    with where_measured(bare=False):
        for name, (worst, median, cpu) in measure().items():
            print(
                f"{name:10} longest frozen stretch: worst {worst * 1000:6.1f} ms, "
                f"median {median * 1000:6.1f} ms   app CPU median {cpu * 1000:6.1f} ms"
            )
