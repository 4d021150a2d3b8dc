"""Search everything written about anyone, as a box any screen can hold: the search
dialog over the contacts, and the pane under the call's notes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...domain.text import one_line, visible
from ...models_activity import SearchHit
from ...store import Store
from ...store.db import Database
from ..key_order import focus_at_end
from ..workers import background
from .safe_text import SafeInput


class SearchInput(SafeInput):
    BINDINGS = [Binding("down", "to_results", "Results", show=False)]

    def action_to_results(self) -> None:
        focus_at_end(self.screen.query_one("#search-results", OptionList))


class SearchBox(Vertical):
    """Words in, hits listed best first; ``enter`` (or picking a hit) posts
    :class:`Picked` with the hit."""

    DEFAULT_CSS = """
    SearchBox { height: auto; }
    SearchBox SearchInput { margin: 1 0; }
    SearchBox OptionList { height: 1fr; border: none; }
    """

    class Picked(Message):
        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, store: Store, query: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.query_text = query
        self.hits: list[SearchHit] = []
        self.shown_for: str | None = None
        """The words ``hits`` were found for (typing runs ahead of the search)."""
        self._pick_when_shown: str | None = None
        """``enter`` came before the results for this text: act when they arrive."""
        self._search_reader: Database | None = None
        """The reader of the search in progress, to interrupt it (see _cancel_running)."""
        self._shut = False

    def compose(self) -> ComposeResult:
        yield SearchInput(self.query_text, placeholder="words to find (case and accents optional)")
        yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._search(self.query_text)

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def on_unmount(self) -> None:
        # Closing (or quitting) never waits for a search: it is stopped where it is.
        self._shut = True
        self._cancel_running()

    def _cancel_running(self) -> None:
        running = self._search_reader
        if running is not None:
            running.interrupt()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.shown_for != event.value:
            # enter came before the results: never search here, on the event loop
            # (a long query would freeze the app); act on the results when they come.
            event.stop()
            self._pick_when_shown = event.value
            return
        if self.hits:
            event.stop()
            self.post_message(self.Picked(self.hits[0]))
        # Nothing found: the holder decides (a dialog stays open; the call goes back
        # to the note).

    def _search(self, text: str) -> None:
        self._cancel_running()  # its results are for words no longer in the box
        if not text.strip():
            self._show(text, [])
            return
        self._search_in_thread(text)

    @background(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, text: str) -> None:
        # Off the event loop (a common word in a large file takes ~15 ms), with the
        # thread's own connection; a newer keystroke or closing interrupts it.
        worker = get_current_worker()
        with self.store.reading() as store:
            reader = store.database
            self._search_reader = reader
            try:
                if worker.is_cancelled or self._shut:
                    return
                hits = store.search.query(text)
            finally:
                if self._search_reader is reader:  # a newer search may have set its own
                    self._search_reader = None
        if not worker.is_cancelled and not self._shut:
            self.app.call_from_thread(self._show, text, hits)

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        if not self.is_attached:
            return  # closed while the search ran
        if text != self.query_one(SearchInput).value and self.shown_for is not None:
            return  # typed on since: a newer search is coming
        self.hits, self.shown_for = hits, text
        self._show_hits(text, hits)
        if self._pick_when_shown == text:
            self._pick_when_shown = None
            # As if enter came now: a hit is picked, or the holder hears "nothing".
            field = self.query_one(SearchInput)
            field.post_message(Input.Submitted(field, text))

    def _show_hits(self, text: str, hits: list[SearchHit]) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        if not text.strip():
            results.add_option(
                Option(
                    Text("Type a word from any note, call, outcome or letter.", "italic"),
                    disabled=True,
                )
            )
            return
        if not hits:
            results.add_option(
                Option(Text(f"Nothing found for “{one_line(text)}”.", "italic"), disabled=True)
            )
            return
        for hit in hits:
            results.add_option(Option(_hit_prompt(hit)))
        results.highlighted = 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.post_message(self.Picked(self.hits[event.option_index]))


def _hit_prompt(hit: SearchHit) -> Text:
    prompt = Text(one_line(hit.label), style="bold")
    snippet = Text("\n  ")
    offset = len(snippet)
    # One character for one (unlike one_line, which folds CRLF), so the spans still fit.
    flat = "".join(" " if char in "\r\n\t" else char for char in hit.snippet)
    snippet.append(visible(flat), style="dim")
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", offset + start, offset + end)
    prompt.append_text(snippet)
    return prompt
