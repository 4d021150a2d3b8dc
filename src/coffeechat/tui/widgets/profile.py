"""The Profile pane: every field of the highlighted contact, shown literally.

Drawn line by line (the Line API): a label column and the value beside it, long
values wrapped under themselves. A Rich table did the same at about 3 ms per
highlight move, most of the time the move took; this takes a tenth of that.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, chop_cells, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from ...domain.text import visible
from ...models import Contact

GAP = 2
"""Cells between the label column and the values."""

ONE_LINE = frozenset({"Email", "Profile URL"})
"""Values with no spaces to wrap at: folded they read as two addresses, so they are cut
with "…" (the whole value is in the contact's form)."""

BOLD = Style(bold=True)
ITALIC = Style(italic=True)


class ProfileView(Widget):
    DEFAULT_CSS = """
    /* A fixed height: updating the profile then needs no layout pass. */
    ProfileView { padding: 0 1; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[tuple[str, str, Style]] = []
        """(label, value, value style) per shown field; no label: a message alone."""
        self._lines: list[list[Segment]] | None = None
        self._width = 0
        self._base: Style | None = None
        """The widget's own style, read once per styling: Textual works it out from
        every ancestor at each read, and that was most of drawing a line."""
        self.show(None)

    def show(
        self,
        contact: Contact | None,
        referred_by: str = "",
        now: datetime | None = None,
        last_in_touch: str = "",
    ) -> None:
        if contact is None:
            self._rows = [("", "No contact highlighted.", ITALIC)]
        else:
            # visible() defuses control characters; nothing here is read as markup.
            name = visible(contact.name) + ("  (archived)" if contact.archived else "")
            self._rows = [("Name", name, BOLD)]
            fields = (
                ("Title", contact.title),
                ("Organization", contact.organization),
                ("Email", contact.email),
                ("Phone", contact.phone),
                ("Profile URL", contact.url),
                ("Status", str(contact.status)),
                ("Next action", _next_action(contact)),
                ("How found", contact.how_found),
                ("Referred by", referred_by),
                ("Purpose", contact.purpose),
                ("Tags", contact.tags),
                ("Connected on", contact.connected_on),
                ("Time zone", _zone(contact, now or datetime.now())),
                ("Last in touch", last_in_touch),
                ("Keep in touch", _interval(contact)),
            )
            self._rows += [(label, visible(value), Style()) for label, value in fields if value]
        self._lines = None
        self.refresh()

    def _layout(self, width: int) -> list[list[Segment]]:
        label_width = max(cell_len(label) for label, _, _ in self._rows)
        value_width = max(1, width - label_width - GAP) if label_width else width
        lines: list[list[Segment]] = []
        for label, value, style in self._rows:
            parts = [cut(value, value_width)] if label in ONE_LINE else wrap(value, value_width)
            for n, part in enumerate(parts):
                segments = []
                if label_width:
                    shown = label if n == 0 else ""
                    segments.append(Segment(set_cell_size(shown, label_width + GAP), BOLD))
                segments.append(Segment(part, style))
                lines.append(segments)
        return lines

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if self._lines is None or width != self._width:
            self._lines, self._width = self._layout(width), width
        base = self._base
        if base is None:
            base = self._base = self.rich_style
        if y >= len(self._lines):
            return Strip.blank(width, base)
        segments = [Segment(text, base + style) for text, style, _ in self._lines[y]]
        return Strip(segments).crop_extend(0, width, base)


def cut(text: str, width: int) -> str:
    """*text* in at most *width* cells, ending in "…" when it did not fit."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)).rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* cells: at spaces, long words folded."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        *full, word = chop_cells(word, width) or [""]
        lines.extend(full)
        line = word
    lines.append(line)
    return lines


def _zone(contact: Contact, now: datetime) -> str:
    if not contact.time_zone:
        return ""
    # Imported here: zoneinfo is needed only once a contact with a zone is shown.
    from ...domain.timezones import their_clock

    clock = their_clock(now, contact.time_zone, with_day=True)
    return f"{contact.time_zone} (now {clock})" if clock else contact.time_zone


def _interval(contact: Contact) -> str:
    days = contact.keep_in_touch_days
    return f"every {days} days" if days else ""


def _next_action(contact: Contact) -> str:
    parts = [part for part in (contact.next_action_date, contact.next_action) if part]
    return " — ".join(parts)
