"""A virtual contact list on the Line API: only the rows on screen are ever rendered.

Textual's ListView builds a widget per row and takes seconds at 30,000 contacts; this
keeps the rows as tuples and paints the visible ones in ``render_line``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from math import ceil

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
from ...domain.timeline import AGO_WIDTH, ago
from ...store import ContactRow
from ..textual_compat import set_virtual_size_quietly
from .profile import wrap

STATUS_WIDTH = 13
DATE_WIDTH = 10
#: Below this width the organization column goes and status and date get shorter.
WIDE = 56
#: From this width the last interaction shows unless the user turned it off.
ROOMY = 72
#: Rendered rows kept between changes of the rows (a few screens' worth).
STRIPS_KEPT = 1000


#: Eighths of a line, for the thumb's ends (as Textual's scrollbar draws them).
EIGHTHS = "▁▂▃▄▅▆▇ "


def scrollbar_cell(y: int, shown: int, total: int, top: int) -> str:
    """What line *y* of a scrollbar *shown* lines high shows, over *total* rows
    scrolled to row *top*: "track", "thumb", or a thumb's end drawn in eighths of a
    line ("head:▆", "tail:▃"). The same arithmetic as Textual's own scrollbar, so it
    looks the same."""
    size = max(1.0, shown * shown / total)
    position = (shown - size) * top / (total - shown)
    start = int(position * 8)
    end = start + ceil(size * 8)
    start_line, start_eighth = divmod(start, 8)
    end_line, end_eighth = divmod(end, 8)
    if y == start_line and EIGHTHS[7 - start_eighth] != " ":
        return "head:" + EIGHTHS[7 - start_eighth]
    if y == end_line and EIGHTHS[7 - end_eighth] != " ":
        return "tail:" + EIGHTHS[7 - end_eighth]
    return "thumb" if start_line <= y < end_line else "track"


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
        "contact-list--scrollbar",
        "contact-list--thumb",
    }

    DEFAULT_CSS = """
    ContactList { height: 1fr; overflow-x: hidden; overflow-y: hidden; }
    ContactList > .contact-list--cursor { background: $surface-lighten-1; text-style: bold; }
    ContactList:focus > .contact-list--cursor { background: $accent 40%; }
    ContactList > .contact-list--status { color: $text-secondary; }
    ContactList > .contact-list--organization { color: $foreground; text-style: dim; }
    ContactList > .contact-list--date { color: $foreground; text-style: dim; }
    ContactList > .contact-list--overdue { color: $warning; text-style: bold; }
    ContactList > .contact-list--empty { color: $foreground; text-style: dim italic; }
    ContactList > .contact-list--scrollbar { background: $scrollbar-background; }
    ContactList > .contact-list--thumb { background: $scrollbar; }
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
        self._rows: list[ContactRow] = []
        self._today = today.isoformat()
        self.empty_message = "No contacts yet: press n to add one."
        self._last_highlighted: int | None = None
        self._strips: dict[tuple[ContactRow, bool, bool, int, str], Strip] = {}
        """Rendered rows by (row, is cursor, has focus, width, scrollbar cell): kept when the rows
        change, so a filter narrowing as you type draws only rows not drawn before;
        cleared when styles change, or when it holds more than a few screens' rows."""
        self._style_cache: dict[tuple[bool, bool], tuple[Style, Style, Style, Style, Style]] = {}
        self._bar_cells: dict[str, Strip] = {}
        """The scrollbar's track and thumb cells, by component class."""
        self.in_call: frozenset[int] = frozenset()
        """Contacts with a call in progress: their row starts with ☎."""
        self._last_interaction: bool | None = None
        self.on_highlight: Callable[[int | None], object] | None = None
        """Called as the cursor reaches another contact, in the same step, so the
        detail it fills is painted in the same frame as the list; without it a
        ``Highlighted`` message is posted (one more frame, after a hop through the
        message queue)."""

    @property
    def last_interaction(self) -> bool | None:
        """Whether the last-interaction column shows: True, False, or None for "when the
        list is at least ROOMY cells wide"."""
        return self._last_interaction

    @last_interaction.setter
    def last_interaction(self, shown: bool | None) -> None:
        if shown != self._last_interaction:
            self._last_interaction = shown
            self._strips.clear()
            self.refresh()

    def shows_last_interaction(self, width: int | None = None) -> bool:
        width = self.scrollable_content_region.width if width is None else width
        return width >= ROOMY if self._last_interaction is None else self._last_interaction

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
        self, rows: list[ContactRow], keep_id: int | None = None, fallback: int = 0
    ) -> None:
        """Show *rows* (the list's own from now on: ``add_rows`` extends it); keep the
        cursor on *keep_id* (or the current contact) if present, else put it at index
        *fallback*."""
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

    def add_rows(self, rows: list[ContactRow]) -> None:
        """Show *rows* after the others (a filter still finding its matches); the
        cursor stays where it is."""
        if rows:
            self._rows.extend(rows)
            self._set_height(len(self._rows))
            self.refresh()  # the scrollbar's thumb, and the rows if they are in view

    def _set_height(self, count: int) -> None:
        """Make the scrollable height *count* rows, without laying the screen out.

        Setting ``virtual_size`` lays the whole screen out again (a layout pass cost
        about 6 ms of a 20 ms filter keystroke at 30,000 contacts). Nothing else on
        the screen depends on the list's height, and the list draws its own
        scrollbar (see ``render_line``), so the height is set without a layout."""
        size = Size(self.size.width, count)
        if not self.size.height:
            self.virtual_size = size  # not laid out yet: nothing to save
            return
        set_virtual_size_quietly(self, size)
        if self.scroll_offset.y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    @property
    def allow_vertical_scroll(self) -> bool:
        # The scrollbar is our own (overflow-y is hidden): the mouse wheel still scrolls.
        return self.max_scroll_y > 0

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
        shown = self.scrollable_content_region.height
        if self._has_scrollbar() and event.x >= self.scrollable_content_region.width - 1:
            # On the scrollbar: jump to the same place in the list.
            self.cursor = round(event.y * (len(self._rows) - 1) / max(1, shown - 1))
            return
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._rows):
            if index == self.cursor and event.chain >= 2:
                self.select_highlighted()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        # The screen was just laid out for this size: the new height needs no other pass.
        self._strips.clear()
        self._set_height(len(self._rows))

    def notify_style_update(self) -> None:
        self._strips.clear()
        self._style_cache.clear()
        self._bar_cells.clear()
        super().notify_style_update()

    # --- painting -------------------------------------------------------------------

    def _has_scrollbar(self) -> bool:
        return len(self._rows) > self.scrollable_content_region.height > 0

    def render_line(self, y: int) -> Strip:
        """One line: the row, and the scrollbar's cell in the last column.

        The list draws its own scrollbar. Textual's is a widget beside the list: every
        change of the rows made it lay the screen out and paint a second frame for
        it (about 4 ms of an 18 ms filter keystroke at 30,000 contacts)."""
        region = self.scrollable_content_region
        width = region.width
        top = self.scroll_offset.y
        index = y + top
        if not self._rows:
            # The hint wraps to the pane's width: never cut at 80 or 120 columns.
            lines = wrap(self.empty_message, max(1, width - 1))
            if y < len(lines):
                style = self.get_component_rich_style("contact-list--empty")
                return Strip([Segment(set_cell_size(f" {lines[y]}", width), style)])
            return Strip.blank(width, self.rich_style)
        part = ""
        if self._has_scrollbar():
            part = scrollbar_cell(y, region.height, len(self._rows), top)
            width -= 1
        if index >= len(self._rows):
            # (rich_style walks every ancestor: not worth it for lines already drawn)
            return self._with_bar(Strip.blank(width, self.rich_style), part)
        cursor = index == self.cursor
        row = self._rows[index]
        key = (row, cursor, cursor and self.has_focus, width, part)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, cursor, width)
            strip = self._strips[key] = self._with_bar(strip, part)
        return strip

    def _with_bar(self, line: Strip, part: str) -> Strip:
        """*line* followed by the scrollbar's cell (*part*: see ``scrollbar_cell``)."""
        if not part:
            return line
        cell = self._bar_cells.get(part)
        if cell is None:
            track = self.get_component_rich_style("contact-list--scrollbar").bgcolor
            thumb = self.get_component_rich_style("contact-list--thumb").bgcolor
            kind, _, eighths = part.partition(":")
            segment = {
                "track": Segment(" ", Style(bgcolor=track)),
                "thumb": Segment(" ", Style(bgcolor=thumb)),
                "head": Segment(eighths, Style(color=thumb, bgcolor=track)),
                "tail": Segment(eighths, Style(color=track, bgcolor=thumb)),
            }[kind]
            cell = self._bar_cells[part] = Strip([segment], 1)
        return Strip.join([line, cell])

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
        if self.shows_last_interaction(width):
            # Taken from the organization (wide) or the name (narrow), which cut with "…".
            text, room, style = columns[1 if width >= WIDE else 0]
            columns[1 if width >= WIDE else 0] = (text, max(0, room - AGO_WIDTH - 1), style)
            label = ago(row.last_interaction, date.fromisoformat(self._today))
            columns.append((label.rjust(AGO_WIDTH), AGO_WIDTH, org_style))
        segments = [Segment(" ", line_style)]
        for text, column_width, style in columns:
            segments.append(Segment(fit(text, column_width), style))
            segments.append(Segment(" ", line_style))
        return Strip(segments).crop_extend(0, width, line_style)
