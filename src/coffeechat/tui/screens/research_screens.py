"""Modal screens of the research feature: the brief, a single note (my story), search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, SelectionList

from ...domain.text import one_line
from ...models_activity import SearchHit
from ...store import Store
from ...usecases.calls import mark_prepared, preparation
from ..undone import Undone
from ..widgets.brief import BriefView
from ..widgets.note_editor import NoteEditor, Saver
from ..widgets.search_box import SearchBox
from .modal import Modal

if TYPE_CHECKING:
    from ..app_host import AppHost

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
    if TYPE_CHECKING:
        app: AppHost
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
        prepared = mark_prepared(self.store, self.preparation.interview_id, key, done)
        self.app.last_undo = prepared.undo  # the tick shows itself: no toast each time

    def on_undone(self, _message: Undone) -> None:
        """An undone tick shows as unticked again."""
        self.preparation = preparation(self.store, self.contact_id)
        if self.preparation is None:
            return
        steps = self.query_one(SelectionList)
        with steps.prevent(SelectionList.SelectionToggled):
            for step in self.preparation.steps:
                if step.key in self.preparation.done:
                    steps.select(step.key)
                else:
                    steps.deselect(step.key)

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


class SearchScreen(Modal[SearchHit | None]):
    """Type words; everything written about anyone that holds all of them is listed,
    best first: notes, articles, call notes and answers, outcomes, letters sent."""

    HELP_NAME = "Search notes"
    AUTO_FOCUS = "SearchInput"
    BINDINGS = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = MODAL_CSS.format(name="SearchScreen") + "SearchScreen SearchBox { height: 1fr; }"

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                "Search notes, calls, outcomes and letters  ·  enter opens · escape closes",
                classes="modal-title",
            )
            yield SearchBox(self.store, self.query_text)

    @property
    def box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @property
    def hits(self) -> list[SearchHit]:
        return self.box.hits

    @property
    def shown_for(self) -> str | None:
        """The words the listed hits were found for."""
        return self.box.shown_for

    @on(SearchBox.Picked)
    def _picked(self, event: SearchBox.Picked) -> None:
        self.dismiss(event.hit)

    def action_close(self) -> None:
        self.dismiss(None)
