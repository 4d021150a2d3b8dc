"""Every snapshot is taken with its text cursors held still.

A focused Input or TextArea blinks its cursor every half second, so a picture taken a
little later on a busy machine shows the cursor hidden. ``snap_compare`` is wrapped:
after the test's own ``run_before`` and key presses, every text field on the screen
stops blinking with its cursor shown, and only then is the picture taken.
"""

from __future__ import annotations

import inspect

import pytest
from textual.widgets import Input, TextArea


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
            await hold_cursors_still(pilot)

        return snap_compare(app, terminal_size=terminal_size, run_before=before)

    return compare
