"""A virtual contact list on the Line API: only the rows on screen are ever rendered.

Textual's ListView builds a widget per row and takes seconds at 30,000 contacts; this
keeps the rows as tuples and paints the visible ones in ``render_line``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.pipeline import short_label
from ...domain.text import in_columns
from ...store import ContactRow
from .profile import wrap

STATUS_WIDTH = 13
DATE_WIDTH = 10
#: Below this width the organization column goes and status and date get shorter.
WIDE = 56
#: Rendered rows kept between changes of the rows (a few screens' worth).
STRIPS_KEPT = 1000


def fit(text: str, width: int) -> str:
    """*text* in exactly *width* cells; cut text ends with an ellipsis, never silently."""
    if width > 1 and cell_len(text) > width:
        cut = set_cell_size(text, width - 1).rstrip(" ")  # a wide character may not fit
        return cut + "…" + " " * (width - 1 - cell_len(cut))
    return set_cell_size(text, width)


class ContactList(ScrollView, can_focus=True):
    """The rows of the contact list, with a cursor."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES = {
        "contact-list--cursor",
        "contact-list--status",
        "contact-list--organization",
        "contact-list--date",
        "contact-list--overdue",
        "contact-list--empty",
    }

    DEFAULT_CSS = """
    ContactList { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; }
    ContactList > .contact-list--cursor { background: $surface-lighten-1; text-style: bold; }
    ContactList:focus > .contact-list--cursor { background: $accent 40%; }
    ContactList > .contact-list--status { color: $text-secondary; }
    ContactList > .contact-list--organization { color: $foreground; text-style: dim; }
    ContactList > .contact-list--date { color: $foreground; text-style: dim; }
    ContactList > .contact-list--overdue { color: $warning; text-style: bold; }
    ContactList > .contact-list--empty { color: $foreground; text-style: dim italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted row among the shown rows. (No repaint of the whole list
    on a move: the watcher repaints the two rows that changed, or all after a scroll.)"""

    class Highlighted(Message):
        """The cursor moved to another contact (``contact_id`` is None when the list is empty)."""

        def __init__(self, contact_id: int | None) -> None:
            super().__init__()
            self.contact_id = contact_id

    class Selected(Message):
        """Enter or a click on a row."""

        def __init__(self, contact_id: int) -> None:
            super().__init__()
            self.contact_id = contact_id

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[ContactRow] = ()
        self._today = today.isoformat()
        self.empty_message = "No contacts yet: press n to add one."
        self._last_highlighted: int | None = None
        self._strips: dict[tuple[ContactRow, bool, bool, int], Strip] = {}
        """Rendered rows by (row, is cursor, has focus, width): kept when the rows
        change, so a filter narrowing as you type draws only rows not drawn before;
        cleared when styles change, or when it holds more than a few screens' rows."""
        self._style_cache: dict[tuple[bool, bool], tuple[Style, Style, Style, Style, Style]] = {}
        self.in_call: frozenset[int] = frozenset()
        """Contacts with a call in progress: their row starts with ☎."""
        self.on_highlight: Callable[[int | None], object] | None = None
        """Called as the cursor reaches another contact, in the same step, so the
        detail it fills is painted in the same frame as the list; without it a
        ``Highlighted`` message is posted (one more frame, after a hop through the
        message queue)."""

    # --- data -----------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ContactRow]:
        return self._rows

    def mark_calls(self, contact_ids: frozenset[int]) -> None:
        """Show ☎ before the contacts whose call is in progress."""
        if contact_ids != self.in_call:
            self.in_call = contact_ids
            self._strips.clear()
            self.refresh()

    def set_rows(
        self, rows: Sequence[ContactRow], keep_id: int | None = None, fallback: int = 0
    ) -> None:
        """Show *rows*; keep the cursor on *keep_id* (or the current contact) if present,
        else put it at index *fallback*."""
        keep_id = keep_id if keep_id is not None else self.highlighted_id
        self._rows = rows
        if len(self._strips) > STRIPS_KEPT:
            self._strips.clear()
        self._set_height(len(rows))
        index = fallback
        if keep_id is not None:
            for position, row in enumerate(rows):
                if row.id == keep_id:
                    index = position
                    break
        self.cursor = index
        self.refresh()

    def _set_height(self, count: int) -> None:
        """Make the scrollable height *count* rows.

        Setting ``virtual_size`` lays the whole screen out again (a layout pass cost
        about 6 ms of a 20 ms filter keystroke at 30,000 contacts). It is needed only
        when the scrollbar appears or goes, which changes the rows' width; otherwise
        the height is set without a layout and the scrollbar is told its new extent."""
        size = Size(self.size.width, count)
        shown = self.size.height
        if not shown or self.show_vertical_scrollbar != (count > shown):
            self.virtual_size = size
            return
        self.set_reactive(ContactList.virtual_size, size)
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            bar.window_virtual_size = count
            bar.window_size = shown
            bar.refresh()
        if self.scroll_offset.y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    @property
    def highlighted_id(self) -> int | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor].id
        return None

    # --- cursor ---------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self.scroll_to_region_of(new)
        if self.scroll_offset.y != top:
            self.refresh()
        else:
            # Only the rows that gained or lost the cursor need painting again.
            self.refresh_line(old)
            self.refresh_line(new)
        highlighted = self.highlighted_id
        if highlighted != self._last_highlighted:
            self._last_highlighted = highlighted
            if self.on_highlight is not None:
                self.on_highlight(highlighted)
            else:
                self.post_message(self.Highlighted(highlighted))

    def scroll_to_region_of(self, index: int) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif height and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def select_highlighted(self) -> None:
        if (contact_id := self.highlighted_id) is not None:
            self.post_message(self.Selected(contact_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._rows):
            if index == self.cursor and event.chain >= 2:
                self.select_highlighted()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.virtual_size = Size(event.size.width, len(self._rows))

    def notify_style_update(self) -> None:
        self._strips.clear()
        self._style_cache.clear()
        super().notify_style_update()

    # --- painting -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if not self._rows:
            # The hint wraps to the pane's width: never cut at 80 or 120 columns.
            lines = wrap(self.empty_message, max(1, width - 1))
            if y < len(lines):
                style = self.get_component_rich_style("contact-list--empty")
                return Strip([Segment(set_cell_size(f" {lines[y]}", width), style)])
            return Strip.blank(width, self.rich_style)
        if index >= len(self._rows):
            # (rich_style walks every ancestor: not worth it for lines already drawn)
            return Strip.blank(width, self.rich_style)
        cursor = index == self.cursor
        row = self._rows[index]
        key = (row, cursor, cursor and self.has_focus, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_row(row, cursor, width)
        return strip

    def _row_styles(self, cursor: bool) -> tuple[Style, Style, Style, Style, Style]:
        """(line, organization, status, date, overdue) styles, computed once per look."""
        key = (cursor, cursor and self.has_focus)
        styles = self._style_cache.get(key)
        if styles is None:
            line = self.rich_style
            if cursor:
                line += self.get_component_rich_style("contact-list--cursor")

            def on_line(component: str) -> Style:
                return line + self.get_component_rich_style(component, partial=True)

            styles = self._style_cache[key] = (
                line,
                on_line("contact-list--organization"),
                on_line("contact-list--status"),
                on_line("contact-list--date"),
                on_line("contact-list--overdue"),
            )
        return styles

    def _render_row(self, row: ContactRow, cursor: bool, width: int) -> Strip:
        line_style, org_style, status_style, date_style, overdue_style = self._row_styles(cursor)
        if row.next_action_date and row.next_action_date < self._today:
            date_style = overdue_style

        name = in_columns(row.name) + (" (archived)" if row.archived else "")
        if row.id in self.in_call:
            name = "☎ " + name
        if width >= WIDE:
            rest = width - STATUS_WIDTH - DATE_WIDTH - 4
            name_width = rest // 2 + rest % 2
            columns = [
                (name, name_width, line_style),
                (in_columns(row.organization), rest - name_width, org_style),
                (row.status, STATUS_WIDTH, status_style),
                (row.next_action_date, DATE_WIDTH, date_style),
            ]
        else:
            status = short_label(row.status)
            columns = [
                (name, max(0, width - 8 - 5 - 3), line_style),
                (status, 8, status_style),
                (row.next_action_date[5:], 5, date_style),
            ]
        segments = [Segment(" ", line_style)]
        for text, column_width, style in columns:
            segments.append(Segment(fit(text, column_width), style))
            segments.append(Segment(" ", line_style))
        return Strip(segments).crop_extend(0, width, line_style)
