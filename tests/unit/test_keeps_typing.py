"""Quitting writes what every editor holds: the app finds them by one type, not by a CSS
class or by asking each node for a method of some name. Every widget or screen of the
app that writes typing later (it has ``save_now`` or ``save_failed``) is a
``KeepsTyping``, so the app's ``save_all`` reaches it."""

from __future__ import annotations

import importlib
import pkgutil

from textual.dom import DOMNode

import coffeechat.tui
from coffeechat.tui.widgets.autosave import KeepsTyping


def _app_classes() -> list[type]:
    for module in pkgutil.walk_packages(coffeechat.tui.__path__, "coffeechat.tui."):
        importlib.import_module(module.name)

    def walk(cls: type) -> set[type]:
        found = set()
        for sub in cls.__subclasses__():
            found |= {sub} | walk(sub)
        return found

    return [cls for cls in walk(DOMNode) if cls.__module__.startswith("coffeechat.")]


def test_every_node_that_keeps_typing_says_so() -> None:
    keeping = [
        cls
        for cls in _app_classes()
        if any(
            name in vars(base)
            for base in cls.__mro__
            if base is not KeepsTyping
            for name in ("save_now", "save_failed")
        )
    ]
    assert keeping, "the editors were found"
    assert [cls.__qualname__ for cls in keeping if not issubclass(cls, KeepsTyping)] == []
