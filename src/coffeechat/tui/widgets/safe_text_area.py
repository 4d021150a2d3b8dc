"""The app's text area: never sends a control character from the user's data to the
terminal (see safe_text), opens where the user goes on writing, and moves by the
lines the user wrote. A module of its own so that the screens without one never
import TextArea.

Home and End go to the start and end of the line as written, not of the row the
window happened to wrap it into: a line in a note or a letter is a paragraph, and
"the end of it" is where one goes to add to it, at any window width. Every text
area of the app behaves so (one rule to learn); up and down still walk the rows on
screen. ``ctrl+k`` and ``ctrl+u`` follow, deleting to the end or start of that line.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea
from textual.widgets.text_area import Location

from .safe_text import VisibleControls


class SafeTextArea(VisibleControls, TextArea):
    """A TextArea that shows control characters as symbols and opens at the end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # TextArea has no keys for the whole text's start and end.
        Binding("ctrl+home", "cursor_text_start", "Start of text", show=False),
        Binding("ctrl+end", "cursor_text_end", "End of text", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "Select to start", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "Select to end", show=False),
    ]

    OPENS_AT_END: ClassVar[bool] = True
    """Whether text loaded into it puts the cursor after the text: a note is opened to
    be added to, so typing must not land before what is already written."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, **kwargs)
        if text and self.OPENS_AT_END:
            self.move_cursor(self.document.end)

    def load_text(self, text: str) -> None:
        super().load_text(text)
        if self.OPENS_AT_END:
            self.move_cursor(self.document.end)

    def action_cursor_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    def get_cursor_line_end_location(self) -> Location:
        row, _ = self.cursor_location
        return row, len(self.document[row])

    def get_cursor_line_start_location(self, smart_home: bool = False) -> Location:
        row, column = self.cursor_location
        line = self.document[row]
        indent = len(line) - len(line.lstrip())
        # Smart home, as TextArea does on lines that do not wrap: first to the text
        # after the indent, then (pressed again there) to the very start.
        if smart_home and (column == 0 or column > indent):
            return row, indent
        return row, 0
