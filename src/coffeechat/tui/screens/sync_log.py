"""The Sync view: what recent syncs brought in, wrote out, left alone, and every
conflict (the app's value kept, the other shown), newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...domain.text import one_line
from ...store import Store
from ...usecases.sync import sync_log
from ..commands import bindings
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader

_LABELS = {
    "in": ("came in", "green"),
    "out": ("went out", "blue"),
    "conflict": ("conflict", "bold yellow"),
    "notice": ("left alone", "dim"),
    "problem": ("problem", "bold red"),
}


class SyncLogScreen(Screen[None]):
    BINDINGS = bindings("synclog")
    HELP_NAME = "Sync"
    DEFAULT_CSS = """
    SyncLogScreen VerticalScroll { padding: 0 1; }
    SyncLogScreen Static { height: auto; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="sync-log-body", can_focus=True):
            yield Static(self._lines(), id="sync-log")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.title = "Sync"
        self.query_one("#sync-log-body").focus()

    def _lines(self) -> Text:
        entries = sync_log(self.store)
        if not entries:
            return Text(
                "Nothing synced yet. Choose a folder with Sync folder… (ctrl+p).", style="italic"
            )
        text = Text()
        for at, kind, what in entries:
            label, style = _LABELS.get(kind, (kind, ""))
            if text:
                text.append("\n")
            text.append(f"{at.replace('T', ' ')[:16]}  ", style="dim")
            text.append(f"{label:<10}  ", style=style)
            text.append(one_line(what))
        return text

    def action_close_sync_log(self) -> None:
        self.dismiss(None)
