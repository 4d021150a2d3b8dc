"""The footer: the keys that act where the focus is, drawn as one line.

Textual's Footer is a row of small widgets, one per key, rebuilt whenever the keys
change. Each rebuild mounts new widgets, and a mount lays out the whole screen and
draws all of it again: every screen opened, and every move of the focus between a
list and a field, cost two layouts of the screen for a line of text. Here the footer
is one widget that draws its keys itself: a change of keys repaints this one line and
lays out nothing. It looks as Textual's Footer does (the same theme colours, the
command palette's key on the right after a rule), a click on a key presses it, and
hovering one shows what it does.

It also fits. Textual's Footer lets the last keys fall off the edge, cut mid-word (at
80 columns the main screen ended "^q Q"). Here ``f1 Help`` comes first, the footer
turns compact when the keys do not fit, and if they still do not, whole keys are
left out from the end (the app's own keys, then the screen's least used), never cut.
Every key stays listed in help and reachable. While a text field has focus, keys that
type (``n``, ``/``) are not shown: there they type, they are not commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget

from ..key_order import types_text, typing

HELP_ACTIONS = frozenset({"help", "app.help", "screen.help"})
"""Actions whose key the footer shows first: the way to every other key."""

RULE = "▏"
"""Drawn left of the command palette's key (Textual's ``vkey`` border)."""


@dataclass(frozen=True)
class FooterKey:
    """One key the footer shows."""

    key: str
    """The key it presses (``ctrl+s``)."""
    key_display: str
    """How the key is written (``^s``)."""
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""
    palette: bool = False
    """The command palette's key, drawn on the right."""

    def width(self, compact: bool) -> int:
        """Cells the key takes (Textual's Footer CSS: in full form the key is padded on
        both sides and the description on its right; in compact form neither is
        padded, one space joins them, and a margin follows; the palette's key is always
        drawn compact, after its rule, and then one cell: its padding, or in a compact
        footer its margin)."""
        keys, description = cell_len(self.key_display), cell_len(self.description)
        if self.palette:
            return keys + description + 3
        if not description:
            return keys + (1 if compact else 0)
        return keys + description + (2 if compact else 3)


@dataclass(frozen=True)
class Placed:
    """A key as drawn: where it starts and how many cells it takes."""

    key: FooterKey
    x: int
    width: int

    @property
    def right(self) -> int:
        return self.x + self.width


def keys_for(screen: Screen) -> list[FooterKey]:
    """The keys *screen* offers now, as Textual's Footer lists them: each action once
    (its first binding), those marked to show, then the command palette's key."""
    app = screen.app
    active = screen.active_bindings

    def key(binding: Binding, enabled: bool, tooltip: str, palette: bool = False) -> FooterKey:
        display = app.get_key_display(binding)
        return FooterKey(
            binding.key, display, binding.description, binding.action, enabled, tooltip, palette
        )

    keys: list[FooterKey] = []
    actions: set[str] = set()
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(key(binding, enabled, tooltip or ""))
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        keys.append(key(binding, enabled, binding.tooltip or binding.description, palette=True))
    return keys


def fit(keys: list[FooterKey], width: int) -> tuple[bool, list[FooterKey]]:
    """Compact or not, and the keys that fit in *width* cells: compact once the keys
    do not fit in full form, then whole keys left out from the end (never the
    palette's)."""
    row = [key for key in keys if not key.palette]
    palette = [key for key in keys if key.palette]

    def needed(count: int, compact: bool) -> int:
        return sum(key.width(compact) for key in (*row[:count], *palette))

    compact = needed(len(row), False) > width
    count = len(row)
    while count > 1 and needed(count, compact) > width:
        count -= 1
    return compact, [*row[:count], *palette]


class CalmFooter(Widget, can_focus=False):
    """The keys of the screen and of its focused widget, on one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "calm-footer--item",
        "calm-footer--key",
        "calm-footer--description",
        "calm-footer--hover",
        "calm-footer--rule",
    }
    DEFAULT_CSS = """
    CalmFooter {
        dock: bottom;
        height: 1;
        width: 100%;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        & > .calm-footer--item { background: $footer-item-background; }
        & > .calm-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .calm-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .calm-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .calm-footer--rule {
            color: $foreground 20%;
            background: $footer-item-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.compact = False
        self._keys: list[FooterKey] = []
        self._placed: list[Placed] = []
        self._pending = False
        self._hovered: FooterKey | None = None

    # --- what it shows ----------------------------------------------------------------

    @property
    def placed(self) -> list[Placed]:
        """The keys drawn, left to right, where they are."""
        return list(self._placed)

    @property
    def keys(self) -> list[FooterKey]:
        """The keys drawn, left to right."""
        return [place.key for place in self._placed]

    def _typing(self) -> bool:
        try:
            return typing(self.screen.focused)
        except NoScreen:
            return False

    def _keys_now(self) -> list[FooterKey]:
        keys = keys_for(self.screen)
        if self._typing():
            keys = [key for key in keys if not types_text(key.key)]
        first = [key for key in keys if key.action in HELP_ACTIONS]
        return first + [key for key in keys if key not in first]

    def _place(self) -> None:
        """Fit the keys to the width and note where each is drawn."""
        width = self.size.width
        if not width:
            self._placed = []
            return
        self.compact, shown = fit(self._keys, width)
        placed: list[Placed] = []
        x = 0
        for key in shown:
            if key.palette:
                break
            placed.append(Placed(key, x, key.width(self.compact)))
            x += key.width(self.compact)
        for key in (key for key in shown if key.palette):
            key_width = key.width(self.compact)
            placed.append(Placed(key, max(x, width - key_width), key_width))
        self._placed = placed

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        # The keys are read after the screen's first frame, as Textual's Footer reads
        # them: the focus is given by then (its keys are among them), and the frame that
        # shows the screen is not held back for the footer.
        self._pending = True
        self.call_after_refresh(self._update_if_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        # The line may have been drawn at the new width before this event: draw again.
        self._place()
        self.refresh()

    def bindings_changed(self, screen: Screen) -> None:
        # Focus moves send many signals: the first of a burst schedules one check, and
        # only a real change of keys is drawn.
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._update_if_changed)

    def _update_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached or not self.is_mounted:
            return  # the screen closed before the refresh
        try:
            keys = self._keys_now()
        except NoScreen:
            return
        if keys == self._keys:
            return
        self._keys = keys
        self._place()
        self.refresh()  # one line repainted: its size never changes

    # --- drawing ----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _key_text(self, key: FooterKey) -> Text:
        """One key as Textual's FooterKey draws it."""
        compact = self.compact or key.palette
        key_style = self._style("calm-footer--key")
        description_style = self._style("calm-footer--description")
        if key.description:
            pad = "" if compact else " "
            text = Text.assemble(
                (f"{pad}{key.key_display}{pad}", key_style),
                (f" {key.description}" if compact else f"{key.description} ", description_style),
            )
        else:
            text = Text(key.key_display, style=key_style)
        base = self._style("calm-footer--hover" if key == self._hovered else "calm-footer--item")
        if not key.enabled:
            base += Style(dim=True)
        if key.palette and not self.compact:
            text.append(" ")  # its padding: the key's colour
        text.stylize_before(base)
        if self.compact:
            text.append(" ")  # the margin: the footer's own colour
        if key.palette:
            return Text.assemble((RULE, self._style("calm-footer--rule")), text)
        return text

    def render(self) -> Text:
        line = Text(no_wrap=True, end="")
        for place in self._placed:
            if place.x > line.cell_len:
                line.append(" " * (place.x - line.cell_len))
            line.append_text(self._key_text(place.key))
        return line

    # --- the mouse --------------------------------------------------------------------

    def _key_at(self, x: int) -> FooterKey | None:
        for place in self._placed:
            if place.x <= x < place.right:
                return place.key
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, key: FooterKey | None) -> None:
        if key == self._hovered:
            return
        self._hovered = key
        self.tooltip = (key.tooltip or None) if key is not None else None
        self.refresh()
