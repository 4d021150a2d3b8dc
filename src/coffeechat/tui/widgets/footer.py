"""A Footer that rebuilds only when the keys it shows actually change, and that fits.

Textual's Footer recomposes (dozens of small widgets, each styled) on every
"bindings updated" signal, and focus moves send many of them: start-up alone sent
about thirty. Here a burst of signals costs one check, and a rebuild happens only
when the visible keys, labels or enabled states differ from what is on screen.

Textual's Footer also lays its keys out in a row and lets the last ones fall off the
edge, cut mid-word: at 80 columns the main screen ended "^q Q". Here ``f1 Help`` comes
first, the footer turns compact when the keys do not fit, and if they still do not,
whole keys are left out from the end (the app's own keys, then the screen's least
used), never cut. Every key stays listed in help and reachable.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..key_order import types_text, typing
from ..textual_compat import (
    FOOTER_PALETTE_CLASS,
    footer_key_binding,
    footer_key_cells,
    is_footer_key,
    preset_footer_key_compact,
)

HELP_ACTIONS = frozenset({"help", "app.help", "screen.help"})
"""Actions whose key the footer shows first: the way to every other key."""


def key_width(key: Widget, compact: bool) -> int:
    """Cells one key takes in a row of the footer (Textual's Footer CSS: in full form
    the key is padded on both sides and the description on its right; in compact form
    neither is padded, one space joins them, and a margin follows)."""
    keys, description = footer_key_cells(key)
    if not description:
        return keys + (1 if compact else 0)
    return keys + description + (2 if compact else 3)


def palette_width(key: Widget, compact: bool) -> int:
    """The palette key is docked right: always drawn compact, after a one-cell rule,
    with one cell of padding unless the footer is compact."""
    keys, description = footer_key_cells(key)
    return keys + description + (2 if compact else 3)


class CalmFooter(Footer):
    """Also: while a text field has focus, keys that type (``n``, ``/``) are not shown:
    there they type, they are not commands."""

    _pending = False
    _shown: tuple = ()

    def _typing(self) -> bool:
        try:
            return typing(self.screen.focused)
        except NoScreen:
            return False

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        if self._typing():
            widgets = [w for w in widgets if not types_text(footer_key_binding(w)[0])]
        first = [
            w for w in widgets if is_footer_key(w) and footer_key_binding(w)[1] in HELP_ACTIONS
        ]
        ordered = first + [w for w in widgets if w not in first]
        self._fit(ordered)
        for widget in ordered:
            preset_footer_key_compact(widget, self.compact)
        yield from ordered

    def on_resize(self, event: events.Resize) -> None:
        self._fit(list(self.children))

    def _fit(self, widgets: list[Widget]) -> None:
        """Compact, then leave out keys from the end, until the row fits the width."""
        width = self.size.width
        keys = [w for w in widgets if is_footer_key(w) and not w.has_class(FOOTER_PALETTE_CLASS)]
        palette = [w for w in widgets if is_footer_key(w) and w.has_class(FOOTER_PALETTE_CLASS)]
        if not width or len(keys) != len(widgets) - len(palette):
            return  # not laid out yet, or grouped keys (not used here): Textual's layout

        def needed(count: int, compact: bool) -> int:
            row = sum(key_width(key, compact) for key in keys[:count])
            return row + sum(palette_width(key, compact) for key in palette)

        compact = needed(len(keys), False) > width
        count = len(keys)
        while count > 1 and needed(count, compact) > width:
            count -= 1
        self.compact = compact
        for index, key in enumerate(keys):
            key.display = index < count

    def bindings_changed(self, screen: Screen) -> None:
        # Footer's own handler rebuilds on every signal; here the first signal of a
        # burst schedules one check, and only a real change is handed to it.
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed, screen)

    def _signature(self) -> tuple:
        shown = (
            (binding.key, binding.action, binding.description, enabled)
            for (_, binding, enabled, _tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (self._typing(), *shown)

    def _rebuild_if_changed(self, screen: Screen) -> None:
        self._pending = False
        if not self.is_attached or not self.is_mounted:
            return  # the screen closed before the refresh
        try:
            signature = self._signature()
        except NoScreen:
            return
        if signature != self._shown:
            self._shown = signature
            super().bindings_changed(screen)
