"""Modal screens of the research feature: the brief, a single note (my story), search."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...domain.text import one_line, visible
from ...models import SearchHit
from ...store import Store
from ...usecases.calls import mark_prepared, preparation
from ..widgets.brief import BriefView
from ..widgets.in_order import focus_now, leave_with
from ..widgets.note_editor import NoteEditor, Saver
from ..widgets.safe_text import SafeInput
from ..workers import background
from .modal import Modal

MODAL_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 100; max-width: 100%; height: 90%; border: thick $primary; background: $panel;
    padding: 0 1;
}}
{name} .modal-title {{ text-style: bold; width: 1fr; }}
{name} .modal-hint {{ color: $text-muted; width: 1fr; }}
"""


class BriefScreen(Modal[None]):
    """The minute before the call: goals, research, articles read, prepared questions."""

    HELP_NAME = "Brief"
    BINDINGS = [Binding("escape,b,q", "close", "Close")]
    DEFAULT_CSS = MODAL_CSS.format(name="BriefScreen") + (
        "BriefScreen .prep-title { text-style: bold; color: $text-accent; }"
        "BriefScreen #preparation { height: auto; max-height: 8; border: none; }"
    )

    def __init__(self, store: Store, contact_id: int) -> None:
        super().__init__()
        self.store = store
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        self.preparation = preparation(self.store, self.contact_id)
        with Vertical():
            yield Label("Brief  ·  escape closes", classes="modal-title")
            if self.preparation is not None:
                yield Label(
                    "Before the call  ·  space ticks, tab goes to the brief",
                    classes="prep-title",
                )
                yield SelectionList[str](
                    *(
                        (step.label, step.key, step.key in self.preparation.done)
                        for step in self.preparation.steps
                    ),
                    id="preparation",
                )
            with VerticalScroll(id="brief-scroll"):
                yield BriefView(self.store, self.contact_id, id="brief")

    def on_mount(self) -> None:
        self.query_one("#brief-scroll").focus()

    @on(SelectionList.SelectionToggled, "#preparation")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        if self.preparation is None:
            return
        key = event.selection.value
        done = key in event.selection_list.selected
        mark_prepared(self.store, self.preparation.interview_id, key, done)

    def action_close(self) -> None:
        self.dismiss(None)


class NoteScreen(Modal[None]):
    """One note full size (the "my story" card, an organization's notes); saves itself."""

    HELP_NAME = "Note"
    BINDINGS = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = MODAL_CSS.format(name="NoteScreen") + "NoteScreen NoteEditor { height: 1fr; }"

    def __init__(self, title: str, body: str, saver: Saver) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.saver = saver

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(escape(one_line(self.title_text)), classes="modal-title")
            yield Label(
                "Saves as you type · ctrl+t preview · ctrl+o edit in $EDITOR · escape closes",
                classes="modal-hint",
            )
            yield NoteEditor(id="note-screen-editor")

    def on_mount(self) -> None:
        editor = self.query_one(NoteEditor)
        editor.load(self.body, self.saver)
        editor.text_area.focus()

    def action_close(self) -> None:
        self.query_one(NoteEditor).save_now()
        self.dismiss(None)


class SearchInput(SafeInput):
    BINDINGS = [Binding("down", "to_results", "Results", show=False)]

    def action_to_results(self) -> None:
        focus_now(self.screen.query_one(OptionList))

    async def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.screen.focused is self:
            # Handled here, where the key's own time is known: the keys typed after it
            # (more downs, enter) go on to the results even when they were already
            # queued for this input, instead of submitting the words.
            event.prevent_default()
            event.stop()
            focus_now(self.screen.query_one(OptionList), as_of=event.time)
            return
        await super().on_key(event)


class SearchScreen(Modal[SearchHit | None]):
    """Type words; everything written about anyone that holds all of them is listed,
    best first: notes, articles, call notes and answers, outcomes, letters sent."""

    HELP_NAME = "Search notes"
    AUTO_FOCUS = "SearchInput"
    BINDINGS = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = (
        MODAL_CSS.format(name="SearchScreen")
        + """
    SearchScreen SearchInput { margin: 1 0; }
    SearchScreen OptionList { height: 1fr; border: none; }
    """
    )

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.query_text = query
        self.hits: list[SearchHit] = []
        self.shown_for: str | None = None
        """The words ``hits`` were found for (typing runs ahead of the search)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                "Search notes, calls, outcomes and letters  ·  enter opens · escape closes",
                classes="modal-title",
            )
            yield SearchInput(
                self.query_text, placeholder="words to find (case and accents optional)"
            )
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._search(self.query_text)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        leave_with(event.input, event.value, None)  # the words typed before enter, not after
        if self.shown_for != event.value:  # enter came before the results: search now
            self._show(event.value, self.store.search.query(event.value))
        if self.hits:
            self.dismiss(self.hits[0])

    def _search(self, text: str) -> None:
        if not text.strip():
            self._show(text, [])
            return
        self._search_in_thread(text)

    @background(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, text: str) -> None:
        # Off the event loop (a common word in a large file takes ~15 ms), with the
        # thread's own connection; a newer keystroke cancels this search.
        with self.store.database.reader() as conn:
            hits = self.store.search.query(text, conn=conn)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, text, hits)

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        if not self.is_attached:
            return  # closed while the search ran
        if text != self.query_one(SearchInput).value and self.shown_for is not None:
            return  # typed on since: a newer search is coming
        self.hits, self.shown_for = hits, text
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
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)


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
