"""Peak memory (RSS high-water mark) of the app with 30,000 contacts loaded.

The app runs headless in a fresh interpreter, waits until every row is loaded and the
screen painted, moves through the list and filters once, then reports VmHWM from
/proc/self/status. A bare Textual app (Header, Label, Footer) is measured the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys

from _common import CONTACTS, ROOT, bench_db, where_measured

APP = """
import sys
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.widgets.contact_pane import ContactPane

def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1])

async def drive(app):
    import asyncio
    pane = app.screen.query_one(ContactPane)
    while pane.rows_pending:  # the rest of the rows arrive from a worker thread
        await asyncio.sleep(0.05)
    assert pane.border_title == f"Contacts {sys.argv[2]}/{sys.argv[2]}", pane.border_title
    pane.contact_list.action_page_down()
    pane.filter_input.value = "okafor"
    await asyncio.sleep(0.2)

class Measured(CoffeechatApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.run_worker, self.finish())

    async def finish(self):
        await drive(self)
        print(peak_kb())
        self.exit()

Measured(Store.open(sys.argv[1])).run(headless=True, size=(120, 40))
"""

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Label

def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1])

class Bare(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(peak_kb())
        self.exit()

Bare().run(headless=True, size=(120, 40))
"""


def _peak_mb(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True, env=env
    )
    return int(result.stdout.split()[-1]) / 1024


def measure() -> dict[str, float]:
    return {"app": _peak_mb(APP, str(bench_db()), str(CONTACTS)), "bare": _peak_mb(BARE)}


if __name__ == "__main__":
    with where_measured(bare=False):
        result = measure()
        print(f"peak RSS, coffeechat at 30,000 contacts: {result['app']:.0f} MB (bar: <= 150 MB)")
        print(f"peak RSS, bare Textual app:              {result['bare']:.0f} MB")
