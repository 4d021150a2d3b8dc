"""A walk through every screen at 80x24 in a real terminal: f1 always in the footer, no
foreign key under a dialog, no hint cut."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

MAIN_KEYS = ("n New", "d Draft", "a Agenda")
FULL_SCREENS = {"Agenda ·", "Referral tree", "Checker"}
"""Full screens have keys of their own that may share a letter with the list's."""

# (keys that open it, text that shows it is open, a hint that must be whole, keys back)
WALK = [
    (["F1"], "Keys: Contact list", "", ["Escape"]),
    (["n"], "New contact", "enter or ctrl+s saves · escape cancels", ["Escape"]),
    (["s"], "Pipeline status", "", ["Escape"]),
    (["b"], "Brief", "Brief  ·  escape closes", ["Escape"]),
    (["i"], "Plan interview", "delete removes", ["Escape"]),
    (["t"], "Referral tree", "m: whole network", ["Escape"]),
    (["a"], "Agenda ·", "", ["Escape"]),
    (["d"], "Checker", "", ["Escape"]),
]


def _footer(screen: str) -> str:
    return screen.rstrip("\n").splitlines()[-1]


def _with_footer(terminal: Terminal, first: str) -> str:
    """The screen once its footer shows *first* (a dialog docks its footer a frame late)."""

    def screen_with_it() -> str:
        screen = terminal.screen()
        return screen if first in _footer(screen) else ""

    return wait_until_sync(
        screen_with_it, timeout=10, what=lambda: f"{first}:\n{terminal.screen()}"
    )


def test_every_screen_at_80x24_keeps_f1_and_its_own_keys(tmp_path: Path) -> None:
    terminal = Terminal(width=80, height=24)
    try:
        terminal.start(["--demo"], base_env(tmp_path, tmp_path / "unused.db"))
        screen = terminal.wait_for("Contacts 20/20")
        terminal.wait_for("f1 Help")
        assert _footer(terminal.screen()).lstrip().startswith("f1 Help")
        for keys, shown, hint, back in WALK:
            terminal.press(*keys)
            terminal.wait_for(shown)
            screen = _with_footer(terminal, "esc Close" if keys == ["F1"] else "f1 Help")
            footer = _footer(screen)
            if shown not in FULL_SCREENS:
                for key in MAIN_KEYS:
                    assert key not in footer, (shown, footer)
            if hint:
                assert hint in screen, (shown, screen)
            terminal.press(*back)
            _with_footer(terminal, "/ Filter")  # the contact list's footer: back on it
        terminal.press("C-q")
        assert terminal.exit_code() == 0
    finally:
        terminal.close()
