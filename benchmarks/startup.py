"""Start-up to a painted contact list at 30,000 contacts, against a bare Textual app.

Both apps are started the same way (a fresh interpreter, headless, 120x40). Each
prints the wall-clock time at which its first screen has been painted (two refreshes
after mount) and exits; the figure is the time from launching the interpreter to that
moment, and the ratio of the medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, bench_db

RUNS = 7

BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(painted, self))

def painted(app):
    print(time.time(), flush=True)
    app.exit()

Bare().run(headless=True, size=(120, 40))
"""

COFFEECHAT = """
import sys, time
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.widgets.contact_pane import ContactPane

def painted(app):
    print(time.time(), flush=True)
    app.exit()

class Timed(CoffeechatApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(lambda: self.call_after_refresh(painted, self))

Timed(Store.open(sys.argv[1])).run(headless=True, size=(120, 40))
"""

CHECK = """
import sys
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.widgets.contact_pane import ContactPane

class Check(CoffeechatApp):
    def on_mount(self):
        super().on_mount()
        def done():
            print(self.screen.query_one(ContactPane).border_title)
            self.exit()
        self.call_after_refresh(lambda: self.call_after_refresh(done))

Check(Store.open(sys.argv[1])).run(headless=True, size=(120, 40))
"""


def timed(code: str, *args: str) -> float:
    """Seconds from launching the interpreter to the first painted screen."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True
    )
    return float(result.stdout.split()[-1]) - start


def measure(runs: int = RUNS) -> dict[str, float]:
    db = str(bench_db())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    title = subprocess.run(
        [sys.executable, "-c", CHECK, db], check=True, env=env, capture_output=True, text=True
    ).stdout.strip()
    assert title == "Contacts 30000/30000", f"unexpected list title {title!r}"
    timed(BARE)  # warm the file cache for both
    timed(COFFEECHAT, db)
    bare, app = [], []
    for _ in range(runs):
        bare.append(timed(BARE))
        app.append(timed(COFFEECHAT, db))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    return {"bare": bare_median, "app": app_median, "ratio": app_median / bare_median}


if __name__ == "__main__":
    result = measure()
    print(f"bare Textual app   median {result['bare'] * 1000:.0f} ms")
    print(f"coffeechat 30k     median {result['app'] * 1000:.0f} ms")
    print(f"ratio              {result['ratio']:.2f}x (bar: <= 1.5x)")
