"""The contact list pane: a filter input over the virtual list, with a shown/total title."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from ...domain.contact_filter import ContactFilter
from ...store import ContactRow
from .contact_list import ContactList
from .in_order import focus_now
from .safe_text import SafeInput


class FilterInput(SafeInput):
    """The filter box: `enter` or `down` moves to the first match, `escape` back too."""

    BINDINGS = [
        Binding("down", "to_list", "First match", show=False),
        Binding("escape", "clear_or_leave", "Leave filter", show=False),
    ]

    def action_to_list(self) -> None:
        focus_now(self.screen.query_one(ContactList))

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.action_to_list()


class ContactPane(Vertical):
    """Filter + list. Owns the loaded rows and the shown/total count in its border title."""

    DEFAULT_CSS = """
    ContactPane { border: round $primary-muted; border-title-color: $text; }
    ContactPane:focus-within { border: round $primary; }
    ContactPane FilterInput { border: none; height: 1; padding: 0 1; margin-bottom: 1; }
    ContactPane FilterInput:focus { border: none; }
    """

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self._today = today
        self._filter: ContactFilter[ContactRow] = ContactFilter([])
        self._partial_total: int | None = None
        """Set while only the first page is loaded: the total it belongs to."""

    def compose(self) -> ComposeResult:
        # `/` then a word starts a new filter: the old one is selected, so typing
        # replaces it (the call's inputs never select: there it would wipe a note).
        yield FilterInput(
            placeholder="/ filter", on_submit=self._to_first_match, select_on_focus=True
        )
        yield ContactList(today=self._today)

    @property
    def contact_list(self) -> ContactList:
        return self.query_one(ContactList)

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def load(self, rows: list[ContactRow], keep_id: int | None = None) -> None:
        """Replace every row (after a save, delete or import), keeping the filter."""
        self._filter = ContactFilter(rows)
        self._partial_total = None
        self._apply(keep_id)

    def load_first_page(self, rows: list[ContactRow], total: int) -> None:
        """Show the first rows at once while the rest loads; `load` completes it."""
        self._partial_total = total
        self.contact_list.set_rows(rows)
        self.border_title = f"Contacts {total}/{total}"

    @property
    def loading(self) -> bool:  # type: ignore[override]  # shadows Widget.loading, on purpose for now
        return self._partial_total is not None

    @on(Input.Changed, "FilterInput")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._apply()

    def _to_first_match(self, text: str) -> None:
        """Enter in the filter, run as the key is read: the keys typed after it move
        in the filtered list."""
        self._apply()
        self.contact_list.cursor = 0
        focus_now(self.contact_list, as_of=self.filter_input.submitted_at)

    def _apply(self, keep_id: int | None = None) -> None:
        if self.loading:
            return  # the full load applies the filter typed meanwhile
        query = self.filter_input.value
        shown = self._filter.match(query)
        contact_list = self.contact_list
        contact_list.empty_message = (
            f"Nothing matches “{query}”: escape clears the filter."
            if query.strip()
            else "No contacts yet: press n to add one, or import from LinkedIn."
        )
        contact_list.set_rows(shown, keep_id)
        self.border_title = f"Contacts {len(shown)}/{len(self._filter.rows)}"
