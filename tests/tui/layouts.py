"""Counting the layout passes of a screen (Textual publishes one signal per pass)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.screen import Screen


def layouts_of(screen: Screen) -> list[Screen]:
    """A list that gets an entry at each layout pass of *screen* from now on."""
    layouts: list[Screen] = []
    screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
    return layouts


async def laid_out(pilot: Pilot, layouts: list[Screen]) -> None:
    """Wait until a frame passes without a layout (the screen has placed what it opened
    with: a list sizes itself when first drawn), then forget the passes so far."""
    for _ in range(20):
        count = len(layouts)
        await pilot.pause()
        if len(layouts) == count:
            layouts.clear()
            return
    raise AssertionError(f"still laying out after 20 frames: {len(layouts)} layouts")
