"""Every palette command runs on the demo database without an error, on every screen.

Each command is run the way the palette runs it; whatever it opens is closed with
escape (which answers "no" to the delete and mark-sent questions), and the screen under
test is opened again if the command left it. Any exception fails the test: Textual
stops the app and ``run_test`` re-raises it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable

import pytest
from textual.screen import Screen

from coffeechat.demo import fill_demo
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.draft_editor import DraftEditor
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.question_bank import QuestionBankScreen
from tests.conftest import FROZEN_NOW, make_app

SKIP = {"Quit", "Screenshot"}
"""Quit ends the run; Textual's screenshot writes a file into the working folder."""


async def _main(pilot) -> None:
    pass


async def _call(pilot) -> None:
    await pilot.press("slash", *"tom", "enter", "c")


async def _draft(pilot) -> None:
    await pilot.press("slash", *"maria", "enter", "d")


async def _agenda(pilot) -> None:
    await pilot.press("a")


async def _question_bank(pilot) -> None:
    pilot.app.action_question_bank()


SCREENS: dict[str, tuple[Callable[..., Awaitable[None]], type[Screen]]] = {
    "main": (_main, MainScreen),
    "call": (_call, CallScreen),
    "draft": (_draft, DraftEditor),
    "agenda": (_agenda, AgendaScreen),
    "question bank": (_question_bank, QuestionBankScreen),
}


async def _settle(pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def _close(pilot) -> None:
    """Close the top screen the way a user would (the call screen keeps escape for the
    note input, so it is left through its own command)."""
    if isinstance(pilot.app.screen, CallScreen):
        await pilot.app.screen.run_action("leave_call")
    else:
        await pilot.press("escape")
    await _settle(pilot)


async def _back_to(pilot, target: type[Screen]) -> bool:
    """Escape out of whatever is open over *target*; False if *target* is gone."""
    app = pilot.app
    for _ in range(6):
        if isinstance(app.screen, target):
            return True
        if not any(isinstance(s, target) for s in app.screen_stack):
            return False
        await _close(pilot)
    raise AssertionError(f"could not get back to {target.__name__} from {app.screen!r}")


@pytest.mark.parametrize("where", list(SCREENS))
async def test_every_palette_command_runs(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    fill_demo(store, FROZEN_NOW)
    open_screen, target = SCREENS[where]
    app = make_app(store, clock)
    ran: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await open_screen(pilot)
        await _settle(pilot)
        assert isinstance(app.screen, target)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert len(titles) >= 10
        for title in titles:
            if title in SKIP:
                continue
            if not await _back_to(pilot, target):
                while not isinstance(app.screen, MainScreen):
                    await _close(pilot)
                await open_screen(pilot)
                await _settle(pilot)
            commands = {c.title: c for c in app.get_system_commands(app.screen)}
            if title not in commands:
                continue
            result = commands[title].callback()
            if inspect.isawaitable(result):
                await result
            await _settle(pilot)
            assert app.is_running, f"{title!r} on the {where} screen stopped the app"
            ran.append(title)
        await _back_to(pilot, target)
    assert app.return_code in (None, 0)
    assert len(ran) >= len(titles) - len(SKIP) - 3, sorted(set(titles) - set(ran))
