"""App time per keystroke at 30,000 contacts (``COFFEECHAT_BENCH_CONTACTS`` for another
size): filtering, and moving the highlight.

"App time" is the CPU time the process spends from sending a key to the screen being
updated (Pilot waits for the app to go idle; waiting is not counted, work is). The
same is measured for a key typed into a bare Textual app's Input, the floor any
Textual app pays per key.
"""

from __future__ import annotations

import asyncio
import time

from _common import CONTACTS, bench_db, summary

ALL = f"Contacts {CONTACTS}/{CONTACTS}"

WORD = "okafor"


async def cpu_per_key(pilot, keys: list[str]) -> list[float]:
    samples = []
    for key in keys:
        start = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        samples.append(time.process_time() - start)
    return samples


async def coffeechat_figures() -> dict[str, list[float]]:
    from coffeechat.store import Store
    from coffeechat.tui.app import CoffeechatApp
    from coffeechat.tui.widgets.contact_pane import ContactPane

    app = CoffeechatApp(Store.open(bench_db()))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.screen.query_one(ContactPane)
        assert pane.border_title == ALL, pane.border_title
        await pilot.press("slash")
        filtering = await cpu_per_key(pilot, list(WORD))
        assert pane.border_title != ALL
        await pilot.press("escape", "escape")  # clear the filter, back to the list
        await pilot.pause()
        moving = await cpu_per_key(pilot, ["down"] * 40 + ["pagedown"] * 10)
    return {"filter": filtering, "move": moving}


async def bare_figures() -> list[float]:
    from textual.app import App
    from textual.widgets import Footer, Header, Input

    class Bare(App):
        def compose(self):
            yield Header()
            yield Input()
            yield Footer()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return await cpu_per_key(pilot, list(WORD))


def measure() -> dict[str, tuple[float, float]]:
    figures = asyncio.run(coffeechat_figures())
    bare = asyncio.run(bare_figures())
    return {
        "filter": summary(figures["filter"]),
        "move": summary(figures["move"]),
        "bare": summary(bare),
    }


if __name__ == "__main__":
    result = measure()
    for name, label in (
        ("filter", "filter keystroke (30k)"),
        ("move", "highlight move + detail"),
        ("bare", "bare app Input keystroke"),
    ):
        median, worst = result[name]
        print(f"{label:28} median {median * 1000:6.1f} ms   worst {worst * 1000:6.1f} ms")
