"""Every palette command runs on the demo database without an error, on every screen,
and every action is reachable: by a key, or from the palette.

Each command is run the way the palette runs it; whatever it opens is closed with
escape (which answers "no" to the delete and mark-sent questions), and the screen under
test is opened again if the command left it. Any exception fails the test: Textual
stops the app and ``run_test`` re-raises it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.commands import COMMANDS
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.draft_editor import DraftEditor
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.question_bank import QuestionBankScreen
from tests.conftest import make_app
from tests.tui.burst import burst

SKIP = {"Quit", "Screenshot"}
"""Quit ends the run; Textual's screenshot writes a file into the working folder."""
FOLLOW_FOCUS = {"Maximize", "Minimize"}
"""Textual's own commands, offered only while the focused widget can be maximized."""


async def _main(pilot) -> None:
    pass


async def _call(pilot) -> None:
    await burst(pilot, "slash", *"tom", "enter", "c")


async def _draft(pilot) -> None:
    await burst(pilot, "slash", *"maria", "enter", "d")


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


PARTS = {"main": 3, "call": 2}
"""Screens with many commands run them in this many tests, each every n-th command (a
test of a hundred commands would run long after the others, on one core)."""


@pytest.mark.parametrize(
    ("where", "part"),
    [(where, part) for where in SCREENS for part in range(PARTS.get(where, 1))],
)
async def test_every_palette_command_runs(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch, where: str, part: int
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    open_screen, target = SCREENS[where]
    app = make_app(demo_store, clock)
    ran: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await open_screen(pilot)
        await _settle(pilot)
        assert isinstance(app.screen, target)
        every = [c.title for c in app.get_system_commands(app.screen)]
        assert len(every) >= 10
        titles = every[part :: PARTS.get(where, 1)]
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
    assert set(titles) - set(ran) - SKIP <= FOLLOW_FOCUS, sorted(set(titles) - set(ran))


# --- reachability: nothing the app can do is hidden ------------------------------------

CALLED_DIRECTLY = {
    ("TransferScreen", "run"): "enter in the path field and the Import/Export button run it",
}
"""Actions with neither key nor palette entry, and how the user reaches them instead."""


def _tui_classes() -> list[type]:
    """Every class defined in coffeechat.tui (each module imported)."""
    import coffeechat.tui as tui

    classes: dict[str, type] = {}
    for info in pkgutil.walk_packages(tui.__path__, "coffeechat.tui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                classes[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(classes.values())


def _bound_actions(classes: list[type]) -> set[str]:
    actions = set()
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", None) or []:
            action = binding.action if isinstance(binding, Binding) else binding[1]
            actions.add(action.split("(", 1)[0])
    return actions


def test_every_action_has_a_key_or_a_palette_entry() -> None:
    classes = _tui_classes()
    reachable = _bound_actions(classes) | {command.action for command in COMMANDS}
    hidden = [
        (cls.__qualname__, name.removeprefix("action_"))
        for cls in classes
        for name in vars(cls)
        if name.startswith("action_")
        and name.removeprefix("action_") not in reachable
        and (cls.__qualname__, name.removeprefix("action_")) not in CALLED_DIRECTLY
    ]
    assert not hidden, f"actions no key or palette entry reaches: {hidden}"


def test_every_command_has_a_bound_key_or_lives_where_the_palette_finds_it() -> None:
    """A command's key must be bound somewhere; a command without one must be an action
    of a screen or of the app, since the palette only looks there."""
    classes = _tui_classes()
    bound = _bound_actions(classes)
    palette_hosts = [cls for cls in classes if issubclass(cls, Screen | App)]
    unreachable = []
    for command in COMMANDS:
        if command.key:
            if command.action not in bound:
                unreachable.append(f"{command.title}: key {command.key} bound nowhere")
        elif not any(hasattr(cls, f"action_{command.action}") for cls in palette_hosts):
            unreachable.append(f"{command.title}: no key, and no screen has the action")
    assert not unreachable, unreachable
