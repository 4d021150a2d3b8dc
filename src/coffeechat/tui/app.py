"""The Textual application: wires the store into the screens. Kept slim on purpose."""

from __future__ import annotations

import os
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..domain.clock import Clock
from ..store import Store
from .commands import COMMANDS, bindings
from .screens.help import HelpScreen, rows_for_bindings
from .screens.main import MainScreen
from .screens.question_bank import QuestionBankScreen


class CoffeechatApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "coffeechat"
    BINDINGS = bindings("app")

    def __init__(self, store: Store, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock or Clock()
        self.db_label = _home_relative(str(store.path))
        """Shown in the header so the user always knows which file they are in."""

    def on_mount(self) -> None:
        self.sub_title = self.db_label
        self.push_screen(MainScreen(self.store))

    # --- saving -------------------------------------------------------------------------

    def save_all(self) -> None:
        """Flush every widget that buffers typing (they carry the ``autosave`` class)."""
        for screen in self.screen_stack:
            for widget in screen.query(".autosave"):
                widget.save_now()  # type: ignore[attr-defined]

    async def action_quit(self) -> None:
        self.save_all()
        self.exit()

    # --- calls --------------------------------------------------------------------------

    def open_outcome(self, interview_id: int) -> None:
        """Called when a call ends (the main screen is showing again): the place where
        the outcome form for *interview_id* opens. Until it exists, nothing more."""

    def action_question_bank(self) -> None:
        if not isinstance(self.screen, QuestionBankScreen):
            self.push_screen(QuestionBankScreen(self.store))

    # --- help and palette ---------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        pane_name = "coffeechat"
        node = self.screen.focused
        while node is not None:
            if name := getattr(node, "HELP_NAME", ""):
                pane_name = name
                break
            node = node.parent
        else:
            pane_name = getattr(self.screen, "HELP_NAME", pane_name)
        self.push_screen(HelpScreen(pane_name, rows_for_bindings(self.screen.active_bindings)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in COMMANDS:
            target = screen if hasattr(screen, f"action_{command.action}") else self
            if not hasattr(target, f"action_{command.action}"):
                continue
            yield SystemCommand(
                command.title,
                command.help,
                lambda t=target, a=command.action: t.run_action(a),
            )
        for system in super().get_system_commands(screen):
            if system.title not in ("Quit",):
                yield system


def _home_relative(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home) :] if home != "/" and path.startswith(home + os.sep) else path
