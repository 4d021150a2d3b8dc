"""Wait for the screen a key or an action opens, instead of assuming one pause was enough.

A key like ``n`` or ``c`` prepares its screen in a worker or after the next repaint; on
a busy machine a single ``pilot.pause()`` can return before it is on top, and a test
that then reads ``app.screen`` reads the screen underneath.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen

from tests.waiting import wait_until

S = TypeVar("S", bound=Screen)


async def on_top(pilot, kind: type[S], timeout: float = 30.0) -> S:
    """The screen of type *kind* once it is on top, mounted, filled in (tui/fill_in.py:
    what it mounts after its first frame is there) and drawn."""
    app = pilot.app
    screen = await wait_until(
        lambda: (
            isinstance(app.screen, kind)
            and app.screen.is_mounted
            and not getattr(app.screen, "filling", False)
            and app.screen
        ),
        timeout=timeout,
        what=lambda: f"{kind.__name__} on top (on top: {type(app.screen).__name__})",
    )
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    return screen


def opened_by(keys: list[str], kind: type[Screen]):
    """A ``run_before`` for ``snap_compare``: press *keys*, then wait for *kind* on top."""

    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        await on_top(pilot, kind)

    return run_before
