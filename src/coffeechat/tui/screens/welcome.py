"""First run: a short welcome over an empty contact list, with the first steps a key away."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from .modal import Modal

INTRO = (
    "Keep track of the people you want to learn from: research, letters, calls and "
    "thank-you notes, all in one file on this computer:"
)

HOW_IT_GOES = (
    "How an informational interview goes: research the person; send a brief letter "
    "asking for 15 or 30 minutes that says when you will follow up; on the call, keep "
    "to time, ask your prepared questions and who else to talk to, never ask for a "
    "job; send a thank-you note within 24 hours."
)


def demo_command(argv0: str | None = None) -> str:
    """The command that opens the demo from where the user is: ``coffeechat --demo``
    when the running ``coffeechat`` is the one on the PATH, else its path as typed
    from the current folder (after ``make run`` that is ``.venv/bin/coffeechat``)."""
    script = Path(argv0 if argv0 is not None else sys.argv[0])
    if script.name != "coffeechat":
        return "coffeechat --demo"  # python -m coffeechat, a test: the installed name
    on_path = shutil.which("coffeechat")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "coffeechat --demo"
    try:
        shown = script.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{script.resolve()} --demo"
    return f"{shown} --demo"


def demo_hint() -> str:
    return (
        f"Just looking? Quit (ctrl+q) and run  {demo_command()}  to explore sample "
        "data in a throwaway database."
    )


# (button id = the main screen action it leads to, label); "close" just closes.
CHOICES: tuple[tuple[str, str], ...] = (
    ("new_contact", "n    Add your first contact"),
    ("import_file", "i    Import contacts (LinkedIn, vCard, CSV)"),
    ("my_story", 's    Write your "my story" card'),
    ("close", "esc  Close and start with an empty list"),
)


class WelcomeScreen(Modal[str | None]):
    """Dismissed with the action the user picked (``new_contact``, ``import_file``,
    ``my_story``), or None when they just close it."""

    HELP_NAME = "Welcome"
    BINDINGS = [
        Binding("n", "choose('new_contact')", "First contact"),
        Binding("i", "choose('import_file')", "Import"),
        Binding("s", "choose('my_story')", "My story"),
        Binding("escape", "choose('')", "Close"),
        Binding("down,j", "app.focus_next", "Next", show=False),
        Binding("up,k", "app.focus_previous", "Previous", show=False),
    ]
    DEFAULT_CSS = """
    WelcomeScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $panel; padding: 1 2 0 2;
        scrollbar-size-vertical: 1;
    }
    WelcomeScreen #welcome-title { text-style: bold; color: $primary; }
    WelcomeScreen #welcome-db { color: $text-muted; margin-bottom: 1; }
    WelcomeScreen #welcome-choices { height: auto; margin-bottom: 1; }
    WelcomeScreen #welcome-choices Button {
        width: 100%; text-align: left; content-align: left middle;
    }
    WelcomeScreen #welcome-guide { margin-bottom: 1; }
    WelcomeScreen #welcome-demo { color: $text-muted; margin-bottom: 1; }
    """

    def __init__(self, db_label: str) -> None:
        super().__init__()
        self.db_label = db_label

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Welcome to coffeechat", id="welcome-title")
            yield Static(INTRO, markup=False)
            # markup=False: a path is the user's, brackets and all.
            yield Static(self.db_label, id="welcome-db", markup=False)
            with Vertical(id="welcome-choices"):
                for action, label in CHOICES:
                    yield Button(label, id=action, compact=True)
            yield Static(HOW_IT_GOES, id="welcome-guide", markup=False)
            yield Static(demo_hint(), id="welcome-demo", markup=False)

    def on_mount(self) -> None:
        self.query_one("#new_contact", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose("" if event.button.id == "close" else event.button.id or "")

    def action_choose(self, action: str) -> None:
        self.dismiss(action or None)
