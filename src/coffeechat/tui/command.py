"""One user-facing action: the record every key, palette entry and help row comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    action: str
    """The Textual action run by the key and the palette (``action_<name>`` on the screen)."""
    title: str
    """The plain name shown in the palette, the footer and the help screen."""
    help: str
    """One sentence on what it does, shown in the palette and the help screen."""
    scope: str
    """Where the key works: "app", "contacts", "call", ... (help groups keys by it)."""
    key: str = ""
    """Default key(s), comma separated; empty for palette-only commands."""
    show: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    """Whether the key works even when a text input has focus."""
    footer_title: str = ""
    """A shorter label for the footer, where space is tight."""
