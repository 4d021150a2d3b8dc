"""Every key handled in the order it was typed, on every screen, by construction.

What Textual does (8.x): the app reads a key from its queue, runs the *priority*
bindings, then posts the key to the focused widget's own queue and reads the next key
at once. The widget handles it in its own time; if it does not stop it, the key
bubbles up, parent by parent, back to the app, which only then runs the ordinary
bindings (``tab`` → next field, ``enter`` → submit, a TextArea's arrows, home and end,
a dialog's ``escape``). In a burst (a paste, a fast typist, a busy machine) every key
of the burst has been posted to the old focus before the first of them has done its
work, so:

- ``'Alice' tab 'Engineer'`` puts ``AliceEngineer`` in Name: the letters after ``tab``
  reach Name before ``tab`` moves focus;
- ``Up Home 'INSERTED'`` in a text area types before the cursor moved;
- ``n 'Alice'`` on the contact list: the letters go to the list, not to the dialog
  ``n`` opens, and ``enter`` submits text typed after it.

The cure, here once for the whole app: a key is not handed out while the one before it
is still at work. :class:`KeyOrder` holds the keys (and pastes) the app reads meanwhile
and releases the next one only when the previous one has settled: it has bubbled back
to the app, the messages it caused (``Input.Submitted``, a dialog's mount, a focus
change) have been handled, the screen's queues are empty, and a worker it started
(``n`` reads the names for the contact form in a thread, then opens it) has opened its
screen or finished (for at most :data:`WORK_WAIT`). Nothing else in the app
needs to know: a dialog, a form or a text area gets typing order by being on screen.

What it needs of Textual beyond the public API (a message pump's queued messages and
pending ``call_next`` callbacks, to know that the screen has settled) it asks of
``textual_compat.pending_work``, where every use of Textual's internals is kept. Work a
key schedules for after the next repaint (``call_after_refresh``) is not waited for:
nothing that moves focus is scheduled that way, and waiting for a repaint per key would
pace typing to the frame rate on a busy machine.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from functools import cache
from time import monotonic
from typing import TYPE_CHECKING

from textual import events, messages
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import WorkerState

from .fill_in import FILL_WAIT, still_filling
from .textual_compat import layout_pending, pending_work

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

TypedEvent = events.Key | events.Paste

MAX_ROUNDS = 12
"""Settling rounds after which the next key goes anyway (a screen that never stops
posting to itself must not swallow the keyboard)."""

LOST_AFTER = 0.3
"""Seconds after which a settling round whose marker has not come back is looked at:
started again if the widget it was posted to is gone (the marker went with it)."""

GIVE_UP_AFTER = 3.0
"""Seconds after which a marker still not back counts as lost whatever happened."""

WORK_WAIT = 0.5
"""Longest wait for a worker the key started (a dialog prepared in a thread before it
opens): after that the next key goes, the worker goes on."""

WORK_POLL = 0.01
"""Seconds between looks at such a worker."""


class KeySettled(Message, bubble=True):
    """The marker posted behind a key: it reaches the app after everything the key
    started in the widgets it passed through."""

    def __init__(self, serial: int, round: int) -> None:
        super().__init__()
        self.serial = serial
        self.round = round


class NextKey(Message, bubble=False):
    """Posted to the app itself: read after the callbacks a key queued there
    (``Widget.focus`` runs through the app's queue). *force*: hand out the next key
    whether or not the screen has settled (it never did, or a marker was lost)."""

    def __init__(self, serial: int, force: bool = False) -> None:
        super().__init__()
        self.serial = serial
        self.force = force


def typing(widget: Widget | None) -> bool:
    """True when *widget* takes typed text (an Input or a TextArea)."""
    return isinstance(widget, Input) or (widget is not None and _is_text_area(type(widget)))


@cache
def _is_text_area(kind: type) -> bool:
    """Whether *kind* is a TextArea, asked without importing TextArea (the contact
    list's first paint does without its ~6 ms): no widget is one before some screen
    imported it."""
    return any(
        cls.__name__ == "TextArea" and cls.__module__.startswith("textual.") for cls in kind.__mro__
    )


def types_text(key: str) -> bool:
    """Whether a binding's *key* is one that types a character (``n``, ``N``, ``slash``,
    ``space``): in a text field that key types, so it is not offered as a command."""
    if "+" in key.replace("shift+", ""):
        return False  # ctrl, alt, super: never typed text
    name = key.removeprefix("shift+")
    if len(name) == 1:
        return name.isprintable()
    if name == "space":
        return True
    name = _UNICODE_NAMES.get(name, name)
    try:
        return unicodedata.lookup(name.replace("_", " ")).isprintable()
    except KeyError:
        return False  # f1, tab, enter, escape, delete, arrows: keys that do not type


_UNICODE_NAMES = {short: long for long, short in KEY_NAME_REPLACEMENTS.items()}
"""Textual's short key names (``slash``) back to the Unicode names they stand for."""


def focus_at_end(widget: Widget) -> None:
    """Focus *widget* now (``focus()`` waits a turn), the cursor after its text and
    nothing selected: what was typed stays, what is typed next is added."""
    widget.screen.set_focus(widget)
    if isinstance(widget, Input):
        widget.cursor_position = len(widget.value)


class KeyOrder:
    """The app's keyboard gate: one typed event at work at a time."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._held: deque[TypedEvent] = deque()
        self._busy = False
        self._serial = 0
        self._rounds = 0
        self._round_started = 0.0
        self._marked: Widget | None = None
        """Where the current round's marker was posted."""
        self._workers_before: set[object] = set()
        self._screen_before: Screen | None = None
        self._handed_at = 0.0
        self._watchdog: Timer | None = None

    @property
    def busy(self) -> bool:
        """A key is at work (or settling)."""
        return self._busy

    def hold(self, event: TypedEvent) -> bool:
        """Keep *event* for later if a key is at work or the screen is still filling in
        (True); else mark it at work."""
        if self._busy:
            self._held.append(event)
            return True
        self._busy = True
        self._rounds = 0
        self._workers_before = set(self.app.workers)
        self._screen_before = _screen(self.app)
        self._handed_at = monotonic()
        if _waits_for_screen(event, self._screen_before):
            # A screen not whole yet that no key of this round opened (a worker's, or
            # the key before settled early on a busy machine): this key waits for it as
            # the keys typed after the one that opened it do. A form's ctrl+s must never
            # read fields that are not mounted yet. A tab waits for a layout to come.
            # (First in line: it may be a held key being handed out, others behind it.)
            self._held.appendleft(event)
            self.follow()
            return True
        return False

    def follow(self) -> None:
        """The key was handed out: send the marker after it."""
        self._serial += 1
        self._rounds = 0
        self._start_round()

    # --- settling ---------------------------------------------------------------------

    def _start_round(self) -> None:
        self._rounds += 1
        self._round_started = monotonic()
        self._watch()
        app = self.app
        screen = _screen(app)
        if screen is None:
            self._busy = False  # the app is closing: nothing more to hand out
            return
        target = screen.focused or screen
        self._marked = target
        marker = KeySettled(self._serial, self._rounds)
        marker.set_sender(app)
        if not target.post_message(marker):
            app.post_message(NextKey(self._serial))

    def settled_marker(self, message: KeySettled) -> None:
        """The marker is back at the app: the key and what it caused in the widgets on
        its way are done; now let callbacks it queued on the app run first."""
        if (message.serial, message.round) == (self._serial, self._rounds) and self._busy:
            self.app.post_message(NextKey(self._serial))

    async def release(self, message: NextKey, dispatch) -> None:
        """Hand out the next held key if the screen has settled, else settle again."""
        if message.serial != self._serial or not self._busy:
            return
        screen = _screen(self.app)
        settling = not message.force and self._rounds < MAX_ROUNDS
        if settling and screen is not None and _unsettled(screen):
            self._start_round()
            return
        # A screen filling in is waited for even when the round was forced (a lost
        # marker): FILL_WAIT alone bounds that wait. A tab waits for a layout to come
        # for at most MAX_ROUNDS.
        next_key = self._held[0] if settling and self._held else None
        if _waits_for_screen(next_key, screen) or (
            not message.force and self._work_pending(screen)
        ):
            self._round_started = monotonic()
            self.app.set_timer(WORK_POLL, self._start_round, name="keys: work")
            return
        self._busy = False
        self._pause_watch()
        if screen is None:
            self._held.clear()  # the app is closing: no screen to hand them to
            return
        while self._held and not self._busy:
            event = self._held.popleft()
            await dispatch(event)

    def _work_pending(self, screen: Screen | None) -> bool:
        """A worker this key started still runs and has not changed the screen yet."""
        if screen is not self._screen_before or monotonic() - self._handed_at > WORK_WAIT:
            return False
        return any(
            worker not in self._workers_before
            and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.app.workers
        )

    # --- lost markers -----------------------------------------------------------------

    def _watch(self) -> None:
        if self._watchdog is None:
            self._watchdog = self.app.set_interval(LOST_AFTER, self._check_lost, name="keys")
        else:
            self._watchdog.resume()

    def _pause_watch(self) -> None:
        if self._watchdog is not None:
            self._watchdog.pause()

    def _check_lost(self) -> None:
        """A round that never came back: try again, and after MAX_ROUNDS hand the next
        key out anyway (a shut gate would swallow the keyboard)."""
        waited = monotonic() - self._round_started
        if not self._busy or waited < LOST_AFTER:
            return
        marked = self._marked
        if marked is not None and marked.is_attached and waited < GIVE_UP_AFTER:
            return  # on its way, on a busy machine
        if self._rounds >= MAX_ROUNDS:
            self._round_started = monotonic()
            self.app.post_message(NextKey(self._serial, force=True))
        else:
            self._start_round()


def _waits_for_screen(event: TypedEvent | None, screen: Screen | None) -> bool:
    """*screen* is still filling in (every key waits, for at most FILL_WAIT), or *event*
    is a tab that must wait for its layout."""
    return still_filling(screen, FILL_WAIT) or (
        event is not None and _tab_before_layout(event, screen)
    )


def _tab_before_layout(event: TypedEvent, screen: Screen | None) -> bool:
    """*event* moves the focus by place (tab, shift+tab) while *screen* has a layout to
    do: it waits for that layout, or it could skip a field (a row the key before
    showed or hid, a field just mounted, is still at its old place)."""
    return (
        isinstance(event, events.Key)
        and event.key in ("tab", "shift+tab")
        and screen is not None
        and layout_pending(screen)
    )


def _screen(app: App) -> Screen | None:
    try:
        return app.screen
    except Exception:  # no screen yet, or the app is closing
        return None


def _unsettled(screen: Screen) -> bool:
    """Whether any widget of *screen* (or the screen) still has messages to handle."""
    if not screen.is_mounted:
        return True
    return any(pending_work(node, _NOT_WORK) for node in (screen, *screen.walk_children(Widget)))


_NOT_WORK = (KeySettled, messages.Prompt, messages.Update, messages.Layout)
"""Pending messages that are no work a key caused: markers of earlier rounds, idle
prompts, repaint requests."""
