"""Keys queued faster than the app handles them, as a paste or a fast typist on a
loaded machine delivers them.

``pilot.press`` waits for the app to go idle after every key, so it never shows a
race between a key and the ones after it. :func:`burst` puts every key in the app's
queue at once and only then waits.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.pilot import Pilot

from tests.waiting import wait_until

NAMED_CHARACTERS = {"space": " ", "enter": "\r", "escape": "\x1b", "tab": "\t"}


def _key_name(character: str) -> str:
    """The key name Textual gives a typed character (`a`, `space`, `comma`…)."""
    if character.isalnum():
        return character
    import unicodedata

    return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")


def key_events(*keys: str) -> list[events.Key]:
    """Key events for key names (``enter``, ``space``) or single characters."""
    result = []
    for key in keys:
        name = key if len(key) > 1 else _key_name(key)
        character = NAMED_CHARACTERS.get(name) or (key if len(key) == 1 else None)
        if character is None:
            character = key_to_character(name)
        result.append(events.Key(name, character))
    return result


async def burst(pilot: Pilot, *keys: str, text: str = "") -> None:
    """Queue *keys* (then each character of *text*) without waiting, then wait until
    the app has handled them all (its key gate is open again and the screen idle)."""
    app: App = pilot.app
    typed = key_events(*keys, *text)
    for event in typed:
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()
    key_order = getattr(app, "key_order", None)
    if key_order is not None:
        await wait_until(
            lambda: not key_order.busy or not app.is_running,
            # A key takes milliseconds; a machine with every core busy, far more.
            timeout=5 + 0.5 * len(typed),
            what="every key of the burst handled",
        )
    await pilot.pause()
