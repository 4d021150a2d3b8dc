"""A one-line field that shows it is cut: text wider than the field ends in "…".

An Input draws what fits and drops the rest without a sign, so a long subject or
hint reads as if it were whole. While the user edits the value the field scrolls as
usual (the cursor must stay in view); otherwise, and for the placeholder always, the
last cell that fits becomes "…".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.strip import Strip

from ...domain.text import visible

if TYPE_CHECKING:
    from textual.widgets import Input as _Input
else:
    _Input = object


class EndsInEllipsis(_Input):
    """Mixin for an Input (list it before the Input class)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = self.scrollable_content_region.width
        text = self.value or self.placeholder
        if y or width < 2 or cell_len(text) <= width or (self.value and self.has_focus):
            return strip
        shown = Text(visible(text), no_wrap=True, overflow="ellipsis", end="")
        if not self.value:
            shown.stylize(self.get_component_rich_style("input--placeholder"))
        console = self.app.console
        cut = Strip(console.render(shown, self.app.console_options.update_width(width)))
        if self.has_focus:
            # The first cell is the cursor (blinking or not) as the Input drew it.
            cut = Strip.join([strip.crop(0, 1), cut.crop(1, width)])
        return cut.extend_cell_length(strip.cell_length).apply_style(self.rich_style)
