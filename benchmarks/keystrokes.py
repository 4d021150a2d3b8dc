"""App time per keystroke at 30,000 contacts (``COFFEECHAT_BENCH_CONTACTS`` for another
size): filtering, and moving the highlight.

"App time" is the CPU time the process spends from sending a key to the screen being
updated (Pilot waits for the app to go idle; waiting is not counted, work is). The
same is measured for a key typed into a bare Textual app's Input, the floor any
Textual app pays per key.

A filter keystroke paints the first screenful of matches, then finds the rest a slice
at a time between frames (``ContactPane.SHOWN_FIRST``): its figure is the CPU from the
key to the first frame drawn after the list took its rows; ``filter_all`` is the CPU
until every match is found and the app is idle again (the count complete).
"""

from __future__ import annotations

import asyncio
import time

from _common import CONTACTS, bench_db, summary, where_measured

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


async def cpu_to_first_frame(app, pilot, keys: list[str]) -> tuple[list[float], list[float]]:
    """Per key: CPU until the first frame drawn after the list took its rows, and
    until every match is found and the app is idle."""
    from textual.screen import Screen

    from coffeechat.tui.widgets.contact_list import ContactList

    frames: list[float] = []
    rows_set: list[float] = []
    compositor_refresh, set_rows = Screen._compositor_refresh, ContactList.set_rows

    def framed(screen: Screen) -> None:
        compositor_refresh(screen)
        frames.append(time.process_time())

    def noted(contact_list: ContactList, *args, **kwargs) -> None:
        set_rows(contact_list, *args, **kwargs)
        rows_set.append(time.process_time())

    first, whole = [], []
    Screen._compositor_refresh, ContactList.set_rows = framed, noted  # type: ignore[method-assign]
    try:
        for key in keys:
            start = time.process_time()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            whole.append(time.process_time() - start)
            took = max(t for t in rows_set if t >= start)
            first.append(min(t for t in frames if t >= took) - start)
    finally:
        Screen._compositor_refresh, ContactList.set_rows = compositor_refresh, set_rows
    return first, whole


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
        filtering, whole = await cpu_to_first_frame(app, pilot, list(WORD))
        assert pane.border_title != ALL and "+" not in pane.border_title, pane.border_title
        await pilot.press("escape", "escape")  # clear the filter, back to the list
        await pilot.pause()
        moving = await cpu_per_key(pilot, ["down"] * 40 + ["pagedown"] * 10)
    return {"filter": filtering, "filter_all": whole, "move": moving}


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
        "filter_all": summary(figures["filter_all"]),
        "move": summary(figures["move"]),
        "bare": summary(bare),
    }


if __name__ == "__main__":
    with where_measured(bare=False):
        result = measure()
        for name, label in (
            ("filter", "filter keystroke, painted"),
            ("filter_all", "filter keystroke, all found"),
            ("move", "highlight move + detail"),
            ("bare", "bare app Input keystroke"),
        ):
            median, worst = result[name]
            print(f"{label:28} median {median * 1000:6.1f} ms   worst {worst * 1000:6.1f} ms")
