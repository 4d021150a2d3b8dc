"""Work that should wait until the user sees the screen: ``after_first_frame``.

In a terminal, Textual holds every frame back while the app itself is starting (its
compose, mount and the screens pushed meanwhile run inside one batch update). A
screen mounted in that stretch still refreshes, but nothing reaches the terminal,
and ``call_after_refresh`` callbacks run after that unseen refresh: the main
screen's heavier tabs and the thread reading 30,000 rows ran before the first frame
was written, and the list appeared that much later (headless, where no frame is ever
written, this does not show). The app reads its own message queue only once that
batch is over, so a hop through it puts the callback after the first refresh that
is actually drawn. Once the app runs, the hop costs one message. Headless (tests,
Pilot) nothing is ever drawn: there the callback runs after the refresh, as before.

Such work may meet the app closing: ``ctrl+q`` pressed as the list appears is read
before the frame's deferred work has run, or while it is mounting. Textual then refuses
every mount (``MountError``: nothing is attached once the app exits); the work is
dropped instead, since what it would have built goes with the app.
"""

from __future__ import annotations

import inspect
from typing import Any

from textual.message_pump import MessagePump
from textual.widget import MountError


def after_first_frame(node: MessagePump, callback: Any, *args: Any) -> None:
    """Call *callback* (with *args*) on *node* after a refresh the terminal shows,
    unless the app has closed (or *node* left the screen) by then."""
    if node.app.is_headless:
        node.call_after_refresh(_unless_gone, node, callback, *args)
    else:
        node.app.call_later(node.call_after_refresh, _unless_gone, node, callback, *args)


async def _unless_gone(node: MessagePump, callback: Any, *args: Any) -> None:
    if not node.is_attached:
        return
    try:
        result = callback(*args)
        if inspect.isawaitable(result):
            await result
    except MountError:
        if node.is_attached:
            raise  # a real mistake, not the app closing
