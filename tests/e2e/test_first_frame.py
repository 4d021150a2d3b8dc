"""In a real terminal the list is drawn before the work that can wait for it.

Headless, Textual never writes a frame, so what runs before the first frame a
person sees only shows in a terminal: there the app holds its frames back while it
starts, and work scheduled "after the refresh" ran before anything was drawn.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e

# Notes, in order, the first frame written with a list row in it, the start of the
# detail tabs' mount and of the full read of the rows; exits once the tabs are in.
CODE = """
import json, os, sys
from textual.drivers.linux_driver import LinuxDriver
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.screens.main import MainScreen

seen = []
write = LinuxDriver.write
mount_detail = MainScreen.mount_detail
read_all_rows = MainScreen._read_all_rows

def noted_write(self, data):
    if "Person 000" in data and "list drawn" not in seen:
        seen.append("list drawn")
    write(self, data)

async def noted_mount_detail(self):
    seen.append("detail tabs")
    await mount_detail(self)
    self.app.exit()

def noted_read_all_rows(self, *args):
    seen.append("all rows read")
    return read_all_rows(self, *args)

LinuxDriver.write = noted_write
MainScreen.mount_detail = noted_mount_detail
MainScreen._read_all_rows = noted_read_all_rows
CoffeechatApp(Store.open(sys.argv[1]), welcome=False).run()
with open(sys.argv[2] + ".part", "w") as out:
    json.dump(seen, out)
os.replace(sys.argv[2] + ".part", sys.argv[2])
"""


def test_the_list_reaches_the_terminal_before_the_detail_tabs_and_the_full_read(
    terminal: Terminal, tmp_path: Path, store: Store
) -> None:
    # More than the first page, so the rest is read after the first frame.
    for n in range(250):
        store.contacts.add(Contact(name=f"Person {n:04d}"))
    store.close()
    seen = tmp_path / "seen.json"
    env = base_env(tmp_path, store.path)
    terminal.start_command([sys.executable, "-c", CODE, str(store.path), str(seen)], env)
    order = wait_until_sync(
        lambda: json.loads(seen.read_text()) if seen.exists() else None,
        timeout=30,
        what=lambda: f"the app never finished starting. Screen:\n{terminal.screen()}",
    )
    assert order[0] == "list drawn"
    assert sorted(order) == ["all rows read", "detail tabs", "list drawn"]
