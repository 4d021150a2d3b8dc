"""The header every screen shows: Textual's, with a title that never lays out the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header

from ..textual_compat import with_one_line_title


class AppHeader(Header):
    """Textual's Header (icon, title, room for a clock) whose title, set once the header
    is mounted and again whenever a title changes, only repaints its line."""

    def compose(self) -> ComposeResult:
        yield from with_one_line_title(super().compose())
