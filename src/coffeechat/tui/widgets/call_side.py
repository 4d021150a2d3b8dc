"""The pane under the call's notes: research, my story or a search, without leaving
the call. Showing it never takes focus from the note line (the search does, for its
words, until enter or escape hands it back)."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.widget import AwaitMount, Widget
from textual.widgets import OptionList

from ...store import Store
from .brief import BriefView, StoryView
from .search_box import SearchBox

SHOWS = ("research", "story", "search")

TITLES = {
    "research": "Research · ^r hides · pgdn",
    "story": "My story · ^o hides · pgdn",
    "search": "Search · enter: hit · esc: note",
}


class CallSide(Vertical):
    """One of :data:`SHOWS` at a time, or nothing (hidden)."""

    DEFAULT_CSS = """
    CallSide { display: none; height: 1fr; border-top: solid $primary-muted; }
    CallSide.-shown { display: block; }
    CallSide > VerticalScroll { height: 1fr; scrollbar-size-vertical: 1; }
    CallSide > SearchBox { height: 1fr; }
    CallSide > SearchBox SearchInput { margin: 0; border: none; height: 1; padding: 0 1; }
    CallSide > SearchBox SearchInput:focus { border: none; background: $accent 25%; }
    CallSide > SearchBox OptionList { height: 1fr; }
    """

    def __init__(self, store: Store, contact_id: int | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.contact_id = contact_id
        self.showing = ""
        """Which of SHOWS is on view ("" when hidden)."""
        self._mounting: AwaitMount | None = None

    def on_mount(self) -> None:
        self._show("")

    def _part(self, what: str) -> Widget:
        """The widget that shows *what*, built the first time it is asked for: the call
        screen opens without the research, the story and the search it hides."""
        found = self.query(f"#side-{what}")
        if found:
            return found.first()
        part: Widget
        if what == "research":
            brief = BriefView(self.store, self.contact_id)
            part = VerticalScroll(brief, id="side-research", can_focus=False)
        elif what == "story":
            part = VerticalScroll(StoryView(self.store), id="side-story", can_focus=False)
        else:
            part = SearchBox(self.store, id="side-search")
        self._mounting = self.mount(part)
        return part

    async def built(self) -> None:
        """Wait until the part just shown is mounted (its own widgets composed)."""
        if self._mounting is not None:
            await self._mounting

    def toggle(self, what: str) -> bool:
        """Show *what*, or hide the pane if it already shows it; True when shown."""
        self._show("" if self.showing == what else what)
        return bool(self.showing)

    def _show(self, what: str) -> None:
        self.showing = what
        self.set_class(bool(what), "-shown")
        built = bool(what) and not self.query(f"#side-{what}")
        if what:
            self._part(what)
        for part in self.children:
            part.display = part.id == f"side-{what}"
        self.border_title = TITLES.get(what, "")
        if what == "story" and not built:  # a new one reads the story as it mounts
            self.query_one(StoryView).refresh_story()

    def scroll_page(self, step: int) -> None:
        if self.showing == "search":
            results = self.query_one("#search-results", OptionList)
            (results.action_page_down if step > 0 else results.action_page_up)()
        elif self.showing:
            scroller = self.query_one(f"#side-{self.showing}", VerticalScroll)
            (scroller.scroll_page_down if step > 0 else scroller.scroll_page_up)()
