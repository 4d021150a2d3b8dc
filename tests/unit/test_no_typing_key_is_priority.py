"""A key that types (a letter, a space, a slash) is never a priority binding: priority
bindings run before the focused widget sees the key, so in a text field it would act
instead of typing. The order of keys is the app's (tui/key_order), not the bindings'."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from coffeechat.tui.commands import COMMANDS
from coffeechat.tui.key_order import types_text
from tests.interface_classes import interface_classes


def _app_classes() -> list[type]:
    return interface_classes(DOMNode)


def test_no_command_binds_a_typing_key_with_priority() -> None:
    offending = [
        (command.action, key)
        for command in COMMANDS
        if command.priority
        for key in command.key.split(",")
        if key and types_text(key.strip())
    ]
    assert offending == []


def test_no_widget_or_screen_binds_a_typing_key_with_priority() -> None:
    classes = _app_classes()
    assert len(classes) > 30  # the walk found the app's screens and widgets
    offending = []
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.priority:
                keys = [key.strip() for key in binding.key.split(",")]
                offending += [(cls.__name__, key) for key in keys if types_text(key)]
    assert offending == []


def test_types_text_knows_typing_keys_from_commands() -> None:
    assert all(map(types_text, ["n", "N", "slash", "space", "question_mark", "shift+a"]))
    assert not any(map(types_text, ["ctrl+t", "f1", "tab", "enter", "escape", "up", "pageup"]))
