"""Editable text that never sends a control character from the user's data to the terminal.

TextArea and Input draw their text as it is, so a pasted or imported ``ESC ]52;…`` (OSC
52, which writes the clipboard), ``ESC [2J`` or a bidi override would reach the
terminal raw and be obeyed. These widgets keep the text exactly as typed or stored and
only change what is drawn: each control character becomes a visible symbol (ESC as ␛),
as everywhere else in the app (see ``domain.text.visible``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import Input

from ...domain.text import has_controls, visible

if TYPE_CHECKING:
    from textual.widget import Widget as _LineWidget
else:
    _LineWidget = object


class VisibleControls(_LineWidget):
    """Mixin for a widget drawn line by line (``render_line``)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not any(has_controls(segment.text) for segment in strip):
            return strip
        width = strip.cell_length
        shown = Strip(
            [Segment(visible(segment.text), segment.style, segment.control) for segment in strip]
        )
        # Control characters take no cells and their symbols one each: keep the width.
        return shown.crop(0, width) if shown.cell_length > width else shown


class SafeInput(VisibleControls, Input):
    """An Input that shows control characters as symbols and never selects its text on
    focus (the first key typed after focus must add to the line, not wipe it).

    *on_submit*, if given, is called with the text on ``enter`` instead of posting
    ``Input.Submitted``; keys reach it in the order typed (see tui/key_order), so the
    text is exactly what was typed before ``enter``.
    """

    clear_on_submit = False
    """A line input (the call's notes): the submitted text leaves it at once."""

    virtual_size = Reactive(Size(0, 0))
    """How wide the text is, for scrolling within the field. Textual's Input sets it at
    every keystroke, and on a Widget it lays out the whole screen again (a form of 20
    fields: a layout pass per character typed). The text scrolls inside the field and
    never moves another widget, so here it only repaints the field. (A field sized by
    its text, ``width: auto``, still asks for its layout: Input does that itself.)"""

    DEFAULT_CSS = """
    SafeInput.-suggested { color: $text-muted; text-style: italic; }
    """

    def __init__(
        self,
        *args,
        on_submit: Callable[[str], None] | None = None,
        suggested: bool = False,
        **kwargs,
    ) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.on_submit = on_submit
        self.suggested = suggested and bool(self.value)
        """The value is the app's suggestion (a date, a group): what the user types
        replaces it. A cursor key or a deletion first makes it the user's own text."""
        self.set_class(self.suggested, "-suggested")

    def _take_suggestion(self, replace: bool) -> None:
        if self.suggested:
            self.suggested = False
            self.remove_class("-suggested")
            if replace:
                self.value = ""

    async def _on_key(self, event: events.Key) -> None:
        if self.suggested:
            # Typing replaces the suggestion; editing keys keep it as a start.
            self._take_suggestion(replace=event.is_printable)
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        self._take_suggestion(replace=True)
        super()._on_paste(event)

    async def action_submit(self) -> None:
        if self.on_submit is None:
            await super().action_submit()
            return
        value = self.value
        if self.clear_on_submit:
            self.clear_submitted()
        self.on_submit(value)

    def clear_submitted(self) -> None:
        """Empty the input after a submit (the handler has the text)."""
        with self.prevent(Input.Changed):
            self.value = ""


# SafeTextArea is in safe_text_area: importing TextArea (a document model, syntax
# support: ~6 ms) is not needed for the contact list's first paint.
