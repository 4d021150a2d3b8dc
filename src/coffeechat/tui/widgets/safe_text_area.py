"""A TextArea that never sends a control character from the user's data to the terminal
(see safe_text; a module of its own so that the screens without one never import
TextArea)."""

from __future__ import annotations

from textual.widgets import TextArea

from .safe_text import VisibleControls


class SafeTextArea(VisibleControls, TextArea):
    """A TextArea that shows control characters as symbols."""
