"""Keys handled in the order they were typed, even when they arrive all at once.

Textual reads each key in the app's queue and hands it to the focused widget's own
queue; the widget's bindings (``enter`` → submit in an Input) and the screen's run
only once the key has bubbled back up to the app, judged against whatever has focus
by then. So in a burst (a paste, a fast typist, a busy machine):

- ``enter`` submits whatever the input holds by then, keys typed after it included;
- a key that moves focus (``n`` → the note input) acts after the keys behind it were
  handed to the old focus (they tick a question instead of typing);
- a handler that moves focus on ``enter`` runs after the next keys were typed into the
  input being left.

The cures, here so every input and every focusing key shares them:

- screens make their keys priority bindings (run as the app reads the key, in typing
  order) and switch them off with :func:`typing` while a text box has focus, so
  there the letters type;
- :func:`focus_now` moves focus at once and notes when the key that moved it was typed;
- :class:`KeysInOrder` acts on ``enter`` as the key is read, with exactly the text typed
  before it (a callback run right there, or ``Input.Submitted``), and sends keys typed
  after focus moved on back to the app, which hands them to the new focus;
- :func:`leave_with` gives keys a burst typed after ``enter`` to wherever a
  ``Submitted`` handler sends focus; :func:`after_typed_keys` lets an action read
  ahead (``ctrl+e``) wait for the keys typed before it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from inspect import isawaitable
from time import monotonic
from weakref import WeakKeyDictionary, WeakSet

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

_focus_moved_at: WeakKeyDictionary[Screen, float] = WeakKeyDictionary()
"""Per screen: when the key that last moved focus (through :func:`focus_now`) was typed."""
_waiting: WeakKeyDictionary[Screen, float] = WeakKeyDictionary()
"""Screens with an action queued behind typed keys, and since when (monotonic)."""
_releasing: WeakSet[Screen] = WeakSet()
_GIVE_UP_AFTER = 2.0
"""Seconds after which a queued action counts as lost (its widget went away)."""


def typing(widget: Widget | None) -> bool:
    """True when *widget* takes typed text (so a letter key must type, not act)."""
    return isinstance(widget, Input) or (widget is not None and _is_text_area(type(widget)))


@cache
def _is_text_area(kind: type) -> bool:
    """Whether *kind* is a TextArea, asked without importing TextArea (a document model
    and syntax support, ~6 ms the contact list's first paint does without): no widget is
    one before some screen imported it."""
    return any(
        cls.__name__ == "TextArea" and cls.__module__.startswith("textual.") for cls in kind.__mro__
    )


def key_time(widget: Widget) -> float:
    """When the key being handled was typed (the app notes it as it reads each key)."""
    return getattr(widget.app, "key_time", 0.0)


def focus_now(widget: Widget, as_of: float | None = None) -> None:
    """Focus *widget* before the next key is read (``focus()`` waits a turn), with
    the cursor after its text and nothing selected.

    Keys typed after *as_of* (by default: after the key being handled) that still
    reach the input losing focus go on to *widget*; keys typed before it stay there
    (``n`` ``x`` ``escape`` typed at once: the ``x`` is part of the note).
    """
    screen = widget.screen
    _focus_moved_at[screen] = key_time(widget) if as_of is None else as_of
    screen.set_focus(widget)
    if isinstance(widget, Input):
        widget.cursor_position = len(widget.value)


def _key_for(character: str) -> events.Key:
    if character.isalnum():
        name = character
    else:
        try:
            name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            name = character
        name = KEY_NAME_REPLACEMENTS.get(name, name)
    return events.Key(name, character)


def _to_app(widget: Widget, key: events.Key) -> None:
    """Read *key* again as if just typed: priority bindings, then the focused widget."""
    widget.app.post_message(key)


def leave_with(input: Input, submitted: str, target: Widget | None) -> str:
    """After ``enter`` moves focus on: *input* keeps exactly the submitted text, focus
    goes to *target* (if given) and keys a burst typed after ``enter`` are read again
    there. Returns those keys' text."""
    value = input.value
    extra = value[len(submitted) :] if value.startswith(submitted) else ""
    if extra:
        with input.prevent(Input.Changed):
            input.value = submitted
        input.cursor_position = len(submitted)
    if target is not None:
        focus_now(target, as_of=getattr(input, "submitted_at", None))
        for character in extra:
            _to_app(input, _key_for(character))
    return extra


def after_typed_keys(screen: Screen, callback: Callable[[], object]) -> bool:
    """For an action read ahead of the keys typed before it (a priority key such as
    ``ctrl+e``): if a text widget has focus, queue *callback* behind the keys already
    handed to it and return True (the action should return; it runs again from there).
    The same key pressed again meanwhile is absorbed, so the action runs once."""
    if screen in _releasing:
        return False
    queued_at = _waiting.get(screen)
    if queued_at is not None and monotonic() - queued_at < _GIVE_UP_AFTER:
        return True
    focused = screen.focused
    if focused is None or not typing(focused):
        return False
    _waiting[screen] = monotonic()

    async def release() -> None:
        if _waiting.pop(screen, None) is None:
            return
        _releasing.add(screen)
        try:
            result = callback()
            if isawaitable(result):
                await result
        finally:
            _releasing.discard(screen)

    focused.call_later(release)
    return True


class KeysInOrder(Input):
    """An Input that acts on ``enter`` with the text typed before it and never keeps a
    key typed after focus left it. Re-focusing it selects nothing.

    *on_submit*, if given, is called with the text as ``enter`` is read (before the
    next key), instead of posting ``Input.Submitted``.
    """

    clear_on_submit = False
    """A line input: the submitted text leaves it at once, so the keys after ``enter``
    start the next line."""

    def __init__(self, *args, on_submit: Callable[[str], None] | None = None, **kwargs):
        # Selecting all on focus made the first key typed after `n` wipe the line.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.on_submit = on_submit
        self.submitted_at = 0.0
        """When the last ``enter`` read here was typed."""

    async def on_key(self, event: events.Key) -> None:
        screen = self.screen if self.is_attached else None
        focused = screen.focused if screen is not None else None
        if (
            screen is not None
            and focused is not self
            and focused is not None
            and event.time > _focus_moved_at.get(screen, 0.0)
        ):
            # Typed after focus moved on, read here before it did: read it again.
            event.prevent_default()
            event.stop()
            again = events.Key(event.key, event.character)
            again.time = event.time
            _to_app(self, again)
        elif event.key == "enter":
            event.prevent_default()
            event.stop()
            self.submitted_at = event.time
            value = self.value
            if self.clear_on_submit:
                self.clear_submitted()
            if self.on_submit is not None:
                self.on_submit(value)
            else:
                checked = self.validate(value) if "submitted" in self.validate_on else None
                self.post_message(self.Submitted(self, value, checked))

    def clear_submitted(self) -> None:
        """Empty the input after a submit (the handler has the text)."""
        with self.prevent(Input.Changed):
            self.value = ""
