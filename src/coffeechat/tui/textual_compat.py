"""Every use of Textual's internals, in one place, checked against one Textual version.

coffeechat uses Textual's public API everywhere else. The things it needs that have no
public form are each here, so that a Textual upgrade is checked in this one module
(tests/tui/test_textual_compat.py names the version these were checked against, and
fails on another until they are checked again):

- the input loop of the Linux driver, fed through a filter before its parser
  (``textual._xterm_parser``, ``textual._parser``, the driver's ``_debug``): the paste
  filter of ``paste_driver``;
- a scrollable height set without a layout pass (``set_reactive`` on
  ``virtual_size``): the contact list at 30,000 rows;
- whether a widget still has work queued (its message queue and the callbacks waiting
  for its next refresh): the key order hands out the next key only once it has none;
- a widget class's default CSS, added to the app's stylesheet before any widget of it
  is mounted (Textual adds it when the first one is): the warm-up (tui/warm_up.py);
- the message a pushed screen is shown with (``ScreenResume`` in its queue): a screen
  mounted by the push keeps the styles its mount gave it (``keep_mount_styles``);
- the rack a screen's notifications are stacked in (``toast_rack``);
- the title inside Textual's Header (``textual.widgets._header.HeaderTitle``, not
  exported), repainted instead of laid out when the title changes
  (``OneLineHeaderTitle``);
- the stylesheet's parse of one CSS text (``Stylesheet._parse_rules``), kept for the
  process by a test suite that starts hundreds of apps (``parse_stylesheets_once``);
- the size the app last laid its screens out for (``App._size``): a resize to that
  same size is dropped (``resize_changes_nothing``).
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable, Iterator
from inspect import getfile
from typing import TYPE_CHECKING, Any

from textual import messages
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.drivers.linux_driver import LinuxDriver
from textual.events import Resize, ScreenResume
from textual.geometry import Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets._header import HeaderTitle

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.model import RuleSet
    from textual.css.types import CSSLocation

CHECKED_WITH = "8.2.8"
"""The Textual version everything below was read against."""


# --- the Linux driver's input loop ------------------------------------------------------


def run_input_loop(driver: LinuxDriver, text_filter: Callable[[str], str]) -> None:
    """LinuxDriver's ``run_input_thread``, with *text_filter* between the decoded input
    and the parser (there is no public hook between them)."""
    selector = selectors.SelectSelector()
    selector.register(driver.fileno, selectors.EVENT_READ)
    parser = XTermParser(driver._debug)
    decode = getincrementaldecoder("utf-8")().decode

    def process(selector_events, final: bool = False) -> None:
        for index, (_key, mask) in enumerate(selector_events):
            if mask & selectors.EVENT_READ:
                last = index == len(selector_events) - 1
                text = decode(os.read(driver.fileno, 1024 * 4), final=final and last)
                if not text:
                    break
                for event in parser.feed(text_filter(text)):
                    driver.process_message(event)
        for event in parser.tick():
            driver.process_message(event)

    try:
        while not driver.exit_event.is_set():
            process(selector.select(0.1))
        selector.unregister(driver.fileno)
        process(selector.select(0.1), final=True)
    finally:
        selector.close()
        try:
            for _event in parser.feed(""):
                pass
        except (EOFError, ParseError):
            pass


# --- the header's title ---------------------------------------------------------------


class OneLineHeaderTitle(HeaderTitle):
    """The title inside Textual's Header, repainted when the title changes.

    The Header sets its title after it is mounted, and at every change of the app's or
    the screen's title, with ``Static.update``, which lays out the whole screen (a
    ``Static`` may grow with its text). This title is one line as wide as the header,
    whatever it says: every screen opened was laid out once more for it."""

    DEFAULT_CSS = "OneLineHeaderTitle { height: 1; }"

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


def with_one_line_title(parts: Iterable[Widget]) -> Iterator[Widget]:
    """The widgets Textual's Header composes, its title swapped for ``OneLineHeaderTitle``."""
    for part in parts:
        yield OneLineHeaderTitle() if type(part) is HeaderTitle else part


# --- notifications ----------------------------------------------------------------------


def toast_rack(screen: Widget) -> Widget | None:
    """The widget that holds *screen*'s notifications (Textual adds one to every screen)."""
    from textual.css.query import NoMatches
    from textual.widgets._toast import ToastRack

    try:
        return screen.get_child_by_type(ToastRack)
    except NoMatches:
        return None


# --- a scrollable height without a layout -----------------------------------------------


def resize_changes_nothing(app: App[Any], event: Resize) -> bool:
    """*event* brings the size *app* already has.

    Textual keeps such an event and, once the app is idle, lays out every screen again
    for it. As the app starts, Textual gives it the terminal's size and the driver then
    reports the same size: every start-up laid out its first screen once more for
    nothing. Before the first size is known, no event is "unchanged"."""
    known = app._size
    return known is not None and known == event.size


def set_virtual_size_quietly(widget: Widget, size: Size) -> None:
    """Set *widget*'s ``virtual_size`` without the layout pass setting it starts (for a
    widget nothing else on the screen is laid out around)."""
    widget.set_reactive(Widget.virtual_size, size)


# --- work still queued on a widget ------------------------------------------------------


def pending_work(node: DOMNode, not_work: tuple[type, ...]) -> bool:
    """Whether *node* has callbacks waiting for its next refresh, or a queued message
    that is not one of *not_work*."""
    if node._next_callbacks:
        return True
    if not node.message_queue_size:
        return False
    queued: Iterable[object] = node._message_queue.values
    return any(not isinstance(message, not_work) for message in queued)


def layout_pending(screen: Widget) -> bool:
    """Whether *screen* is to lay its widgets out again before its next frame: a widget
    asked for it (a row shown or hidden, a field mounted), or the screen has the request
    queued or noted. Textual orders focus by where widgets are (``_focus_sort_key``), so
    a tab read before that layout follows the old places and can skip a field."""
    if screen._layout_required or getattr(screen, "_layout_widgets", None):
        return True
    for node in (screen, *screen.walk_children(Widget)):
        if node._layout_required:
            return True
        if not node.message_queue_size:
            continue
        queued: Iterable[object] = node._message_queue.values
        if any(isinstance(message, messages.Layout) for message in queued):
            return True
    return False


# --- default CSS before the first widget ------------------------------------------------


def add_default_css(app: App[Any], classes: Iterable[type[DOMNode]]) -> None:
    """Add the DEFAULT_CSS of *classes* (and of the bases they inherit it from) to the
    app's stylesheet and parse it, as ``Widget._post_register`` does for the first
    widget of a class mounted; adding it again then changes nothing."""
    stylesheet = app.stylesheet
    for cls in classes:
        for tie_breaker, base in enumerate(cls._css_bases(cls)):
            css = base.__dict__.get("DEFAULT_CSS", "")
            if not css:
                continue
            try:
                location = (getfile(base), f"{base.__name__}.DEFAULT_CSS")
            except (TypeError, OSError):
                location = ("", f"{base.__name__}.DEFAULT_CSS")
            scoped = base.__dict__.get("SCOPED_CSS", True)
            stylesheet.add_source(
                css,
                read_from=location,
                is_default_css=True,
                tie_breaker=-tie_breaker,
                scope=base._css_type_name if scoped else "",
            )
    stylesheet.parse()


# --- a pushed screen's first frame ------------------------------------------------------


def keep_mount_styles(screen: DOMNode) -> None:
    """The ``ScreenResume`` that ``App.push_screen`` just queued for *screen*, a screen
    the push mounts, no longer styles every widget on it again: each was styled as it
    was registered, the screen's own CSS was loaded before its widgets were composed,
    and focus restyles what it changes. That second pass was 5-10 ms of each form's
    first frame."""
    queued: Iterable[object] = screen._message_queue.values
    for message in queued:
        if isinstance(message, ScreenResume):
            message.refresh_styles = False


# --- one parse of each stylesheet text per process ----------------------------------------

_parsed_css: dict[tuple[Any, ...], list[RuleSet]] = {}


class _ParsedOncePerProcess(Stylesheet):
    """Textual's stylesheet, keeping what it parses for the whole process."""

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, *self._variables.items())
        rules = _parsed_css.get(key)
        if rules is None:
            rules = _parsed_css[key] = super()._parse_rules(
                css, read_from, is_default_rules, tie_breaker, scope
            )
        return rules


def parse_stylesheets_once(app: App[Any]) -> None:
    """*app*'s stylesheet parses each CSS text once per process, not once per app.

    For a process that starts many apps (the test suite): Textual keeps what it parsed
    in the app's own stylesheet, so every app parsed the same CSS again, about a fifth
    of an app's start. The parsed rules are kept keyed as Textual keys them plus the
    theme's variables they were parsed with (another theme parses again). Textual reuses
    those rule lists within an app the same way; they are not changed once parsed. A
    CSS error still raises where it did (a failed parse is not kept)."""
    app.stylesheet.__class__ = _ParsedOncePerProcess
