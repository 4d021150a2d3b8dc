"""Screens drawn in two steps: what the first frame needs, then the rest.

A screen's first frame waits for every widget it composes to be built, styled and laid
out; in a terminal that is most of the time between a key and its screen. A screen that
:meth:`FillsIn.fill_in_after_paint` composes what shows first (a form's labels and its
first input, a call's header and checklist) and mounts the rest right after that frame
is drawn.

Nothing typed meanwhile is lost or lands in the wrong place: while a screen is
``filling``, the app's key order (tui/key_order.py) holds the keys typed after the one
that opened it, and hands them out once the screen is whole, in the order typed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from time import monotonic
from typing import Any

from textual.screen import Screen
from textual.widget import Widget

from .workers import report_failure

FILL_WAIT = 2.0
"""Longest the key order holds keys for a screen still filling in (seconds from the
start of the fill): a fill that never ends must not swallow the keyboard."""


class FillsIn(Screen[Any]):
    filling = False
    """The screen is on view but still mounting what it defers (keys wait)."""

    fill_started = 0.0
    """When ``filling`` began (``time.monotonic``)."""

    def fill_in_after_paint(self, fill: Callable[[], Awaitable[None]]) -> None:
        """Run *fill* once the screen's first frame is drawn; ``filling`` until then."""
        self.filling = True
        self.fill_started = monotonic()

        async def run() -> None:
            try:
                if self.is_attached:
                    await fill()
            except Exception as error:  # the app's policy: say so, stay up
                report_failure(self.app, error)
            finally:
                self.filling = False

        # In a worker of its own: awaited in the screen's refresh callbacks, a fill
        # would hold up every message the screen gets meanwhile.
        self.call_after_refresh(self.run_worker, run, group="fill-in", exit_on_error=False)

    def later(self, parent: Widget, *widgets: Widget) -> None:
        """Mount *widgets* at the end of *parent* when :meth:`mount_later` is awaited
        (by the fill), in the order asked: what is not typed into first."""
        self._later = [*self._later, (parent, widgets)]

    _later: list[tuple[Widget, tuple[Widget, ...]]] = []  # replaced per screen

    async def mount_later(self) -> None:
        for parent, widgets in self._later:
            await parent.mount_all(widgets)


def still_filling(screen: Screen[Any] | None, wait: float) -> bool:
    """*screen* is filling in, and began less than *wait* seconds ago (a fill that
    never ends must not hold every key after it)."""
    return (
        isinstance(screen, FillsIn) and screen.filling and monotonic() - screen.fill_started < wait
    )
