"""A Footer that rebuilds only when the keys it shows actually change.

Textual's Footer recomposes (dozens of small widgets, each styled) on every
"bindings updated" signal, and focus moves send many of them: start-up alone sent
about thirty. Here a burst of signals costs one check, and a rebuild happens only
when the visible keys, labels or enabled states differ from what is on screen.
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer


class CalmFooter(Footer):
    _pending = False
    _shown: tuple = ()

    def bindings_changed(self, screen: Screen) -> None:
        # Footer's own handler rebuilds on every signal; here the first signal of a
        # burst schedules one check, and only a real change is handed to it.
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed, screen)

    def _signature(self) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for (_, binding, enabled, _tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

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
