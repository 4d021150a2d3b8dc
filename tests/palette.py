"""Run a command from the palette the way a user does: type its name, wait, enter."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from tests.waiting import wait_until


def _highlighted_prompt(palette: CommandPalette) -> str:
    commands = palette.query_one(CommandList)
    if commands.highlighted is None:
        return ""
    prompt = commands.get_option_at_index(commands.highlighted).prompt
    # The prompt is the title, then the help text on its own line.
    return str(getattr(prompt, "plain", prompt)).split("\n", 1)[0]


async def typed_in_palette(pilot, title: str) -> None:
    """Wait until the palette, its *title* typed key by key, highlights that command."""
    await wait_until(
        lambda: (
            isinstance(pilot.app.screen, CommandPalette)
            and _highlighted_prompt(pilot.app.screen) == title
        ),
        what=f"{title!r} highlighted in the palette",
    )


async def run_from_palette(pilot, title: str) -> None:
    """Open the palette, type *title*, wait until it is the highlighted hit, press enter."""
    await pilot.press("ctrl+p")
    palette = await wait_until(
        lambda: isinstance(pilot.app.screen, CommandPalette) and pilot.app.screen,
        what="the command palette to open",
    )
    palette.query_one(Input).value = title
    await wait_until(
        lambda: _highlighted_prompt(palette) == title, what=f"{title!r} highlighted in the palette"
    )
    await pilot.press("enter")
    await pilot.pause()
