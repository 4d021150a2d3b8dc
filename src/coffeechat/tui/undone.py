"""The message every open screen gets after an undo: show the records as they are."""

from __future__ import annotations

from textual.message import Message


class Undone(Message):
    """Sent to every open screen after an undo or a discarded call."""
