"""Start-up to a painted contact list at 30,000 contacts, against a bare Textual app.

Both apps are started the same way: a fresh interpreter, headless, 120x40. Each
records the wall-clock moment its main widget is first rendered with content (the
contact list's first row; the bare app's label), then exits. The figure is the time
from launching the interpreter to that moment, and the ratio of the medians. The app
is timed twice in each round: from the source tree as it is, and as installed (its
modules compiled ahead, like Textual's in the virtualenv; see ``as_installed``).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CONTACTS, ROOT, bench_db, where_measured

RUNS = 9

BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Label

class TimedLabel(Label):
    painted = None

    def render(self):
        if TimedLabel.painted is None:
            TimedLabel.painted = time.time()
            self.app.call_after_refresh(self.app.exit)
        return super().render()

class Bare(App):
    def compose(self):
        yield Header()
        yield TimedLabel("hello")
        yield Footer()

Bare().run(headless=True, size=(120, 40))
print(TimedLabel.painted)
"""

COFFEECHAT = """
import sys, time
# As the coffeechat command starts the app (launch.py): no cycle collections until
# the first frame.
from coffeechat.tui.long_lived import hold_collections
hold_collections()
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.widgets.contact_list import ContactList

painted = []
render_row = ContactList._render_row

def timed_render_row(self, *args):
    if not painted:
        painted.append(time.time())
        painted.append(self.parent.border_title)
        self.app.call_after_refresh(self.app.exit)
    return render_row(self, *args)

ContactList._render_row = timed_render_row
CoffeechatApp(Store.open(sys.argv[1])).run(headless=True, size=(120, 40))
print(painted[1])
print(painted[0])
"""


def timed(code: str, *args: str, src: Path = ROOT / "src") -> float:
    """Seconds from launching the interpreter to the first painted screen."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True
    )
    return float(result.stdout.split()[-1]) - start


def measure(runs: int = RUNS) -> dict[str, float]:
    db = str(bench_db())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    output = subprocess.run(
        [sys.executable, "-c", COFFEECHAT, db], check=True, env=env, capture_output=True, text=True
    ).stdout.split("\n")
    # The title proves the list that painted is the full 30,000 (first page + count).
    assert output[0] == f"Contacts {CONTACTS}/{CONTACTS}", f"unexpected title {output[0]!r}"
    with tempfile.TemporaryDirectory() as folder:
        installed = as_installed(Path(folder))
        timed(BARE)  # warm the file cache for all three
        timed(COFFEECHAT, db)
        timed(COFFEECHAT, db, src=installed)
        bare, app, app_installed = [], [], []
        for _ in range(runs):
            bare.append(timed(BARE))
            app.append(timed(COFFEECHAT, db))
            app_installed.append(timed(COFFEECHAT, db, src=installed))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    installed_median = statistics.median(app_installed)
    return {
        "bare": bare_median,
        "app": app_median,
        "ratio": app_median / bare_median,
        "installed": installed_median,
        "installed_ratio": installed_median / bare_median,
    }


def measure_few() -> dict[str, float]:
    """Three rounds (the scale table runs it at three sizes)."""
    return measure(runs=3)


def as_installed(folder: Path) -> Path:
    """A copy of the package with its modules compiled, as an install (pip, pipx) leaves
    it and as Textual is in the virtualenv: where ``PYTHONDONTWRITEBYTECODE`` is set (this
    machine), the source tree's modules are otherwise compiled at every start."""
    shutil.copytree(ROOT / "src" / "coffeechat", folder / "src" / "coffeechat")
    shutil.copytree(ROOT / "themes", folder / "themes")  # found beside src/, as in the tree
    compileall.compile_dir(folder / "src", quiet=1)
    return folder / "src"


if __name__ == "__main__":
    with where_measured(bare=False):
        result = measure()
        print(f"bare Textual app   median {result['bare'] * 1000:.0f} ms")
        print(f"coffeechat {CONTACTS:<7,} median {result['app'] * 1000:.0f} ms")
        print(f"ratio              {result['ratio']:.2f}x (bar: <= 1.5x)")
        print(
            f"as installed       median {result['installed'] * 1000:.0f} ms = "
            f"{result['installed_ratio']:.2f}x (modules from bytecode, as Textual's are)"
        )
