"""The contact list pane: a filter input over the virtual list, with a shown/total title."""

from __future__ import annotations

import asyncio
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from ... import preferences
from ...domain.contact_filter import ContactFilter
from ...store import ContactRow, list_order
from ..key_order import focus_at_end
from ..workers import background
from .contact_list import ContactList
from .safe_text import SafeInput


class FilterInput(SafeInput):
    """The filter box: `enter` or `down` moves to the first match; `escape` clears it
    and goes back to the list."""

    BINDINGS = [
        Binding("down", "to_list", "First match", show=False),
        Binding("escape", "clear_or_leave", "Leave filter", show=False),
    ]

    def __init__(self, *args, on_change: Callable[[str], object], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_change = on_change
        """Called with each new value as it is set, in the same step: the list filters
        and repaints in the same frame as the typed letter (``Input.Changed`` arrives
        one hop later, and the screen painted twice per key)."""

    def watch_value(self, value: str) -> None:
        self.on_change(value)

    def action_to_list(self) -> None:
        focus_at_end(self.screen.query_one(ContactList))

    def action_clear_or_leave(self) -> None:
        """Clear the filter and go back to the list: the next `/` starts a new filter
        instead of typing into the old one."""
        self.value = ""
        self.action_to_list()


LAST_INTERACTION = "list_last_interaction"
"""Preference: "on" or "off" (the user's choice); absent: shown when the list is wide."""


class ContactPane(Vertical):
    """Filter + list. Owns the loaded rows and the shown/total count in its border title."""

    DEFAULT_CSS = """
    ContactPane { border: round $primary-muted; border-title-color: $text; }
    ContactPane:focus-within { border: round $primary; }
    ContactPane FilterInput { border: none; height: 1; padding: 0 1; margin-bottom: 1; }
    ContactPane FilterInput:focus { border: none; }
    """

    SHOWN_FIRST = 100
    """Rows a filter keystroke finds before the list is painted (more than a screen);
    the rest are looked for a slice at a time, between frames and keys."""

    SLICE = 25_000
    """Rows looked at per slice once the list is painted (about 1-2 ms)."""

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self._today = today
        self._filter: ContactFilter[ContactRow] = ContactFilter([])
        self._partial_total: int | None = None
        """Set while only the first page is loaded: the total it belongs to."""
        self._matching = 0
        """Counts filter runs: a slice of an older one is not shown."""

    def compose(self) -> ComposeResult:
        # `/` then a word starts a new filter: the old one is selected, so typing
        # replaces it (the call's inputs never select: there it would wipe a note).
        yield FilterInput(
            placeholder="/ filter",
            on_submit=self._to_first_match,
            on_change=self._filter_changed,
            select_on_focus=True,
        )
        yield ContactList(today=self._today)

    @property
    def contact_list(self) -> ContactList:
        return self.query_one(ContactList)

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def restore_last_interaction(self) -> None:
        """The list's last-interaction column as the user left it."""
        chosen = preferences.load().get(LAST_INTERACTION)
        self.contact_list.last_interaction = {"on": True, "off": False}.get(chosen or "")

    def toggle_last_interaction(self) -> None:
        """Show or hide the last-interaction column, and remember the choice."""
        contact_list = self.contact_list
        shown = not contact_list.shows_last_interaction()
        contact_list.last_interaction = shown
        try:
            preferences.save(**{LAST_INTERACTION: "on" if shown else "off"})
        except OSError as error:
            self.notify(f"Not remembered: {error}", severity="warning", markup=False)
        self.notify(
            "Last interaction column on: how long ago your last letter, call, reply or touch "
            "was (l hides it)."
            if shown
            else "Last interaction column off (l shows it)."
        )

    def load(self, rows: list[ContactRow], keep_id: int | None = None) -> None:
        """Show *rows*, every row there is (a list short enough to be read at once),
        keeping the filter; their names are folded when first filtered."""
        self.load_prepared(ContactFilter(rows, lazy=True), keep_id)

    def load_prepared(
        self, prepared: ContactFilter[ContactRow], keep_id: int | None = None
    ) -> None:
        """Like ``load``, with the filter already built (off the event loop, by a worker)."""
        self._filter = prepared
        self._partial_total = None
        self._apply(keep_id)

    def load_first_page(self, rows: list[ContactRow], total: int) -> None:
        """Show the first rows at once while the rest loads; `load` completes it."""
        self._filter = ContactFilter(rows, lazy=True)
        self._partial_total = total
        self._apply()

    @property
    def row_filter(self) -> ContactFilter[ContactRow]:
        """Every loaded row (shown or filtered out), with the filter over them."""
        return self._filter

    @property
    def rows_pending(self) -> bool:
        """Only the first page is shown; the rest is being read.

        (Not ``loading``: that is Widget's own, and a widget that says it is loading
        is left out of the focus chain with everything in it.)"""
        return self._partial_total is not None

    def patch(self, contact_id: int, row: ContactRow | None) -> None:
        """Show one contact's change at once: its row replaced and moved to its place,
        added if new, removed if *row* is None (deleted, or archived and hidden).

        The cursor goes to that contact; if it went, it stays where it was (on the row
        that took its place). A full re-read follows off the event loop."""
        rows = self._filter.rows
        index = next((i for i, old in enumerate(rows) if old.id == contact_id), None)
        if index is not None:
            self._filter.remove(index)
        if row is not None:
            self._filter.insert(bisect_right(rows, list_order(row), key=list_order), row)
        if self._partial_total is not None:
            self._partial_total += (row is not None) - (index is not None)
        contact_list = self.contact_list
        keep_id = contact_id if row is not None else contact_list.highlighted_id
        self._apply(keep_id, fallback=contact_list.cursor)

    @on(Input.Changed, "FilterInput")
    def _filter_already_applied(self, event: Input.Changed) -> None:
        event.stop()  # done as the value changed (_filter_changed)

    def _filter_changed(self, value: str) -> None:
        if self.is_mounted:
            self._apply()

    def _to_first_match(self, text: str) -> None:
        """Enter in the filter, run as the key is read: the keys typed after it move
        in the filtered list."""
        self._apply()
        self.contact_list.cursor = 0
        focus_at_end(self.contact_list)

    def _apply(self, keep_id: int | None = None, fallback: int = 0) -> None:
        contact_list = self.contact_list
        self._matching += 1
        if self._partial_total is not None:
            # The first page, unfiltered: the full load applies the filter typed meanwhile.
            contact_list.set_rows(list(self._filter.rows), keep_id, fallback)
            self._show_count(self._partial_total, self._partial_total)
            return
        query = self.filter_input.value
        row_filter = self._filter
        keep_id = keep_id if keep_id is not None else contact_list.highlighted_id
        shown = row_filter.match(query, self.SHOWN_FIRST, self._index_of(keep_id))
        contact_list.empty_message = (
            f"Nothing matches “{query}”: escape clears the filter."
            if query.strip()
            else "No contacts yet: press n to add one, or import them (ctrl+p, Import…)."
        )
        contact_list.set_rows(shown, keep_id, fallback)
        self._show_count(len(shown), len(row_filter.rows), row_filter.complete)
        if not row_filter.complete:
            # After the frame showing the first matches: slices run before a frame.
            self.call_after_refresh(self._match_the_rest, self._matching)

    def _index_of(self, contact_id: int | None) -> int:
        """Where *contact_id* is among every row (-1: nowhere). The highlighted row is
        found by halving (the rows are in list order); another (a contact just
        written, whose row may have moved) by a walk, as its patch did."""
        if contact_id is None:
            return -1
        rows = self._filter.rows
        contact_list = self.contact_list
        if 0 <= contact_list.cursor < len(contact_list.rows):
            row = contact_list.rows[contact_list.cursor]
            index = bisect_left(rows, list_order(row), key=list_order)
            if index < len(rows) and rows[index].id == contact_id:
                return index
        return next((i for i, row in enumerate(rows) if row.id == contact_id), -1)

    @background(exclusive=True, group="filter")
    async def _match_the_rest(self, run: int) -> None:
        """The rows after the first screenful, a slice at a time: a key typed meanwhile
        is handled between two slices, and a new filter drops this one."""
        row_filter = self._filter
        while not row_filter.complete:
            await asyncio.sleep(0)
            if run != self._matching or row_filter is not self._filter:
                return
            self.contact_list.add_rows(row_filter.more(self.SLICE))
            total = len(row_filter.rows)
            self._show_count(len(self.contact_list.rows), total, row_filter.complete)

    def _show_count(self, shown: int, total: int, complete: bool = True) -> None:
        """The count in the border title, set only when it changed: setting a border
        title repaints the whole pane, border and all, even with the same text. While
        the filter is still looking, the count so far is followed by "+"."""
        title = f"Contacts {shown}{'' if complete else '+'}/{total}"
        if self.border_title != title:
            self.border_title = title
