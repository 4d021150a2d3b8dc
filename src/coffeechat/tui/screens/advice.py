"""Advice acted on: the pieces of one call's advice, ticked as the user follows them.

Ticking one that came from someone a contact referred you to puts "Tell <referrer> how
it went" on the agenda (usecases/advice.py); the notification says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...domain.outcome import advice_pieces
from ...domain.text import one_line
from ...store import Store
from ...usecases.advice import mark_advice_acted_on
from .modal import Modal

if TYPE_CHECKING:
    from ..app_host import AppHost


class AdviceScreen(Modal[bool]):
    """Dismissed with whether anything was marked or unmarked (the list then reloads)."""

    if TYPE_CHECKING:
        app: AppHost

    HELP_NAME = "Advice acted on"
    BINDINGS = [
        Binding("space", "toggle_acted", "Acted on", show=False),
        Binding("escape", "close", "Close"),
    ]
    DEFAULT_CSS = """
    AdviceScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
    }
    AdviceScreen .advice-title { text-style: bold; width: 1fr; margin-bottom: 1; }
    AdviceScreen OptionList { height: auto; max-height: 16; border: none; }
    """

    def __init__(self, store: Store, outcome_id: int, advice: str, who: str, day: str) -> None:
        super().__init__()
        self.store = store
        self.outcome_id = outcome_id
        self.pieces = advice_pieces(advice)
        self.title_text = f"Advice from {one_line(who)}" + (f", {day}" if day else "")
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                f"{self.title_text}  ·  space or enter: acted on · escape closes",
                classes="advice-title",
                markup=False,
            )
            yield OptionList(id="advice-pieces")

    def on_mount(self) -> None:
        self._show(0)
        self.query_one(OptionList).focus()

    def _show(self, highlighted: int) -> None:
        acted = self.store.advice.acted_on(self.outcome_id)
        options = self.query_one(OptionList)
        options.clear_options()
        for piece in self.pieces:
            line = Text()
            if piece in acted:
                line.append(f"✓ acted on {acted[piece]}  ", style="bold green")
            else:
                line.append("·  ", style="dim")
            line.append(one_line(piece))
            options.add_option(Option(line))
        options.highlighted = highlighted

    def action_toggle_acted(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.pieces:
            return
        piece = self.pieces[index]
        acted = piece not in self.store.advice.acted_on(self.outcome_id)
        marked = mark_advice_acted_on(
            self.store, self.outcome_id, piece, self.app.clock.now(), acted=acted
        )
        self.changed = True
        self._show(index)
        self.app.offer_undo(marked.message(), marked.undo)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_acted()

    def action_close(self) -> None:
        self.dismiss(self.changed)
