"""Every snapshot is taken of a settled app, with its text cursors held still.

The main screen paints its first rows before the rest are read and adds its detail tabs
after its first frame; a form mounts its later fields after its own. On a busy machine
the picture could catch any of those half done, so ``snap_compare`` is wrapped: after the
test's own ``run_before`` and key presses it waits until the contact list is read, the
detail tabs are there, no screen is filling in and no key is at work.

A focused Input or TextArea blinks its cursor every half second, so a picture taken a
little later on a busy machine shows the cursor hidden: then every text field on the
screen stops blinking with its cursor shown, and only then is the picture taken.
"""

from __future__ import annotations

import inspect

import pytest
from textual.widgets import Input, TextArea

from coffeechat.tui.screens.main import MainScreen
from tests.waiting import wait_until


def settled(app) -> bool:
    """Nothing the app shows is still on its way."""
    main = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
    if main is not None and (not main.detail_mounted.is_set() or main.pane.rows_pending):
        return False
    return not app.key_order.busy and not getattr(app.screen, "filling", False)


async def hold_cursors_still(pilot) -> None:
    """Stop every text field on the top screen blinking, its cursor shown."""
    for field in pilot.app.screen.query("Input, TextArea"):
        if isinstance(field, Input | TextArea):
            field.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def snap_compare(snap_compare):
    def compare(app, press=(), terminal_size=(80, 24), run_before=None) -> bool:
        async def before(pilot) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            if press:
                await pilot.press(*press)
            await wait_until(lambda: settled(pilot.app), timeout=30, what="the app settled")
            await pilot.pause()
            await hold_cursors_still(pilot)

        return snap_compare(app, terminal_size=terminal_size, run_before=before)

    return compare
