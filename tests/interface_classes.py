"""Every class of the app's interface that derives from a given Textual class, with every
module of ``coffeechat.tui`` imported first (a class defined in a module nothing has
imported yet is found all the same)."""

from __future__ import annotations

import importlib
import pkgutil

import coffeechat.tui


def interface_classes(base: type) -> list[type]:
    for module in pkgutil.walk_packages(coffeechat.tui.__path__, "coffeechat.tui."):
        importlib.import_module(module.name)

    def walk(cls: type) -> set[type]:
        found = set()
        for sub in cls.__subclasses__():
            found |= {sub} | walk(sub)
        return found

    return [cls for cls in walk(base) if cls.__module__.startswith("coffeechat.")]
