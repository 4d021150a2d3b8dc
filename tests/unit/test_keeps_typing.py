"""Quitting writes what every editor holds: the app finds them by one type, not by a CSS
class or by asking each node for a method of some name. Every widget or screen of the
app that writes typing later (it has ``save_now`` or ``save_failed``) is a
``KeepsTyping``, so the app's ``save_all`` reaches it."""

from __future__ import annotations

from textual.dom import DOMNode

from coffeechat.tui.widgets.autosave import KeepsTyping
from tests.interface_classes import interface_classes


def test_every_node_that_keeps_typing_says_so() -> None:
    keeping = [
        cls
        for cls in interface_classes(DOMNode)
        if any(
            name in vars(base)
            for base in cls.__mro__
            if base is not KeepsTyping
            for name in ("save_now", "save_failed")
        )
    ]
    assert keeping, "the editors were found"
    assert [cls.__qualname__ for cls in keeping if not issubclass(cls, KeepsTyping)] == []
