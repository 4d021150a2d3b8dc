"""What the contact list's first paint loads: the rest waits until it is on screen."""

from __future__ import annotations

import json
import subprocess
import sys

from coffeechat.store import Store
from tests.conftest import seed

# Runs the real app headless in a fresh interpreter (this one has imported everything):
# notes the modules loaded when the first row is drawn, then again once the detail
# tabs are mounted.
CODE = """
import json, sys
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.widgets.contact_list import ContactList

loaded = {}
render_row = ContactList._render_row
mount_detail = MainScreen.mount_detail

def first_row(self, *args):
    loaded.setdefault("first paint", sorted(sys.modules))
    return render_row(self, *args)

async def detail_then_exit(self):
    await mount_detail(self)
    loaded["detail mounted"] = sorted(sys.modules)
    self.app.exit()

ContactList._render_row = first_row
MainScreen.mount_detail = detail_then_exit
CoffeechatApp(Store.open(sys.argv[1]), welcome=False).run(headless=True, size=(120, 40))
print(json.dumps(loaded))
"""

LATER = (
    "coffeechat.models_activity",  # notes, interviews, outcomes... records
    "coffeechat.usecases",
    "coffeechat.store.notes",
    "coffeechat.store.outcomes",
    "coffeechat.tui.screens.welcome",
    "coffeechat.tui.widgets.research",
    "coffeechat.tui.widgets.looking_back",
    "textual.widgets._text_area",
    "textual.widgets._markdown",
    "coffeechat.domain.call",  # the call timer's arithmetic and the agenda under it
    "coffeechat.domain.agenda",
    "tomlkit",  # writes the settings; reading them is tomllib's
    "anyascii",  # folds names for the filter: the first page is not filtered yet
)
"""Loaded only after the first paint (the detail tabs) or when an action needs them."""


def test_the_first_paint_loads_only_what_the_list_and_profile_need(store: Store) -> None:
    seed(store)
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", CODE, str(store.path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    loaded = {moment: set(modules) for moment, modules in json.loads(result.stdout).items()}
    assert [m for m in LATER if m in loaded["first paint"]] == []
    # The same names do load a frame later, so the check above is not vacuous.
    assert {"coffeechat.tui.widgets.research", "textual.widgets._text_area"} <= loaded[
        "detail mounted"
    ]
