"""Help: the keys of the focused pane (from the command registry) and a short guide."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..commands import BY_ACTION, COMMANDS
from ..widgets.hanging import hanging_table
from .modal import Modal

GUIDE_TITLE = "How an informational interview goes"
GUIDE = (
    "Research the person and their organization: what they wrote, what they do.",
    "Send a brief letter (under 100 words): who you are, why them, ask for 15 or 30 "
    "minutes, and say when you will follow up. Then follow up when you said you would.",
    "On the call, keep to the time you asked for. Ask your prepared questions "
    "(Trends, Insights, Advice, Resources, Assignments) and listen.",
    "Never ask for a job. Ask who else you should talk to.",
    "Send a thank-you note within 24 hours, and keep in touch.",
)
"""The guide's steps, one paragraph each: they wrap to the width of the dialog."""


def key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "delete": "del"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


class HelpScreen(Modal[None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("q,f1,question_mark", "dismiss(None)", "Close", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $panel; padding: 0 2;
    }
    HelpScreen .help-title { text-style: bold; margin-top: 1; }
    HelpScreen .help-end { margin-top: 1; }
    """

    def __init__(self, pane_name: str, bindings: list[tuple[str, str, str]]) -> None:
        """*bindings* are (key, title, help) rows for the focused pane."""
        super().__init__()
        self.pane_name = pane_name
        self.rows = bindings

    def compose(self) -> ComposeResult:
        keys = hanging_table(["bold", None])
        for key, title, description in self.rows:
            keys.add_row(Text(key_label(key)), Text(title), Text(description, style="dim"))
        guide = hanging_table(gap=1)
        for number, step in enumerate(GUIDE, 1):
            guide.add_row(Text(f"{number}."), Text(step))
        with VerticalScroll():
            yield Static(f"Keys: {self.pane_name}", classes="help-title", markup=False)
            yield Static(keys)
            yield Static("ctrl+p opens the command palette: every action by name.", markup=False)
            yield Static(GUIDE_TITLE, classes="help-title", markup=False)
            yield Static(guide)
            yield Static("escape closes this help.", classes="help-end", markup=False)


def rows_for_bindings(active: dict) -> list[tuple[str, str, str]]:
    """Turn ``screen.active_bindings`` into help rows: the app's own commands first, in
    the order they are declared (so grouped by what the user is doing), then Textual's
    generic keys (scrolling and the like)."""
    seen: set[str] = set()
    order = {command.action: index for index, command in enumerate(COMMANDS)}
    ours: list[tuple[int, tuple[str, str, str]]] = []
    shown: list[tuple[str, str, str]] = []
    """A dialog's own keys (the ones its footer shows), after the app's commands."""
    rows: list[tuple[str, str, str]] = []
    for key, active_binding in active.items():
        binding = active_binding.binding
        if binding.action in seen or not binding.description:
            continue
        seen.add(binding.action)
        command = BY_ACTION.get(binding.action)
        keys = ",".join(k for k, ab in active.items() if ab.binding.action == binding.action) or key
        if command is not None:
            ours.append((order[binding.action], (keys, command.title, command.help)))
        else:
            (shown if binding.show else rows).append(
                (keys, binding.description, binding.tooltip or "")
            )
    return [row for _, row in sorted(ours, key=lambda pair: pair[0])] + shown + rows
