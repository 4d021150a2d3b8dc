"""Quitting while work deferred to after the first frame still runs: `ctrl+q` pressed
as the list appears is read before the detail tabs are mounted, or while they are
(the main screen mounts them through ``after_first_frame``)."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import Label

from coffeechat.tui.first_frame import after_first_frame
from tests.waiting import wait_until


class ClosesWhileBuilding(App[None]):
    """Its deferred work starts mounting, and the app closes before the mount is done."""

    def __init__(self) -> None:
        super().__init__()
        self.quit_pressed = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield Label("first frame")

    def on_mount(self) -> None:
        after_first_frame(self.screen, self.build)

    async def build(self) -> None:
        await self.quit_pressed.wait()
        self.exit()
        await self.screen.mount(Label("built after the first frame"))


async def test_deferred_work_meeting_the_exit_is_dropped() -> None:
    app = ClosesWhileBuilding()
    async with app.run_test():
        app.quit_pressed.set()
        await wait_until(lambda: app.return_code is not None, what="the app never closed")
    assert app.return_code == 0
