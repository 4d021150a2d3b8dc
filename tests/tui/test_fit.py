"""What every screen and dialog shows at 80x24 and 120x40: its own keys, f1 Help, and
no text cut off."""

from __future__ import annotations

import pytest
from textual.actions import parse
from textual.geometry import Size

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.modal import Modal
from coffeechat.tui.widgets.footer import CalmFooter
from tests.conftest import make_app
from tests.tui.layouts import laid_out, layouts_of
from tests.tui.screens_on_view import (
    DIALOGS,
    NO_TEXT_FIELD,
    SCREENS,
    app_modal_classes,
    footer_line,
    open_on,
    screen_lines,
    text_fields,
    visible_texts,
)
from tests.waiting import wait_until

EVERYWHERE = [*SCREENS, *DIALOGS]
MAIN_SCREEN_KEYS = {"n": "n New", "d": "d Draft", "a": "a Agenda", "slash": "/ Filter"}


def _shown_keys(screen) -> list:
    return screen.query_one(CalmFooter).keys


def test_every_dialog_is_walked_and_has_its_own_footer() -> None:
    """A new dialog must be added to the walk (and so get its footer checked)."""
    dialogs = app_modal_classes()
    assert set(dialogs) == set(DIALOGS)
    not_modal = [name for name, cls in dialogs.items() if not issubclass(cls, Modal)]
    assert not not_modal, f"derive these from Modal (their own footer): {not_modal}"


def _dialog_footer_lists_only_keys_that_act_there(app, screen, name: str) -> None:
    """Each key in a dialog's footer is bound on the dialog, enabled, and has an action
    that exists; none of the main screen's keys shows under a dialog."""
    active = screen.active_bindings
    keys = _shown_keys(screen)
    assert keys, f"{name} shows no key"
    for key in keys:
        bound = active.get(key.key)
        assert bound is not None, f"{name}: {key.key} is not bound there"
        assert bound.enabled, f"{name}: {key.key} is shown but disabled"
        namespace, action, _arguments = parse(bound.binding.action)
        target = {"app": app, "screen": screen}.get(namespace, bound.node)
        assert hasattr(target, f"action_{action}"), f"{name}: no action for {key.key}"
    line = footer_line(app)
    for key, label in MAIN_SCREEN_KEYS.items():
        if key not in active:
            assert label not in line, f"{name}'s footer: {line!r}"
    help_key = "esc Close" if name == "HelpScreen" else "f1 Help"
    assert help_key in line, f"{name}'s footer: {line!r}"


def _footer_at_80_columns_keeps_f1_and_cuts_no_key(app, screen, name: str) -> None:
    """At 80x24 every screen's footer shows f1 first and each key it shows whole."""
    line = footer_line(app)
    first = "esc Close" if name == "HelpScreen" else "f1 Help"
    assert line.strip().startswith(first), line
    for key in _shown_keys(screen):
        label = f"{key.key_display} {key.description}".strip()
        assert label in line, f"{name}: {label!r} cut in {line!r}"
    assert len(line) <= 80


def _no_hint_or_label_is_cut(app, screen) -> None:
    """Every label and hint wholly in view is drawn whole: each of its words is on screen."""
    lines = screen_lines(app)
    drawn = " ".join(lines)
    drawn_words = set(drawn.split())
    cut = []
    for widget, text in visible_texts(screen):
        region = widget.region
        shown = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
        if any(line.rstrip().endswith("…") for line in shown):
            continue  # cut on purpose, and shown to be
        for word in text.split():
            if word not in drawn_words and word not in drawn:
                cut.append(f"{widget!r}: {word!r} of {text[:60]!r}")
                break
    assert not cut, "\n".join(cut)


async def _fields_keep_their_size_when_focused(pilot, screen, name: str) -> None:
    """Each text field is as big focused as it is while another has the focus: the
    focus only colours it (a border drawn on focus would take lines from the text and
    move what is under it)."""
    fields = text_fields(screen)  # the focus chain's: each one takes the focus
    if len(fields) < 2:
        return
    for field, other in zip(fields, fields[1:] + fields[:1], strict=True):
        other.focus()
        await wait_until(lambda other=other: other.has_focus)
        await pilot.pause()  # the layout the focus change asked for
        blurred = field.size
        field.focus()
        await wait_until(lambda field=field: field.has_focus)
        await pilot.pause()
        assert field.size == blurred, f"{name} {field!r}: {blurred} → {field.size} on focus"


# Each screen is opened once, at 80x24, and every check reads it there (they only
# look); then the terminal is made 120x40 and the checks of that size read the same
# screen laid out again: one start-up per screen, and each screen follows a resize.


@pytest.mark.parametrize("name", EVERYWHERE)
async def test_at_80x24_and_at_120x40_nothing_is_cut_and_the_keys_fit(
    demo_store: Store, clock: Clock, name: str
) -> None:
    """Opened at 80x24: the footer shows f1 first and each key whole (a dialog's footer
    only keys that act there), and no label or hint is cut. Made 120x40: no label or
    hint is cut, a field keeps its size when it takes the focus, and a screen the keys
    walk leaves out for having nothing to type into has no text field (one that gains a
    field is walked)."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, demo_store, name)
        _footer_at_80_columns_keeps_f1_and_cuts_no_key(app, screen, name)
        if name in DIALOGS:
            _dialog_footer_lists_only_keys_that_act_there(app, screen, name)
        _no_hint_or_label_is_cut(app, screen)

        layouts = layouts_of(screen)
        await pilot.resize_terminal(120, 40)
        await wait_until(lambda: screen.size == Size(120, 40), what="the screen at 120x40")
        await laid_out(pilot, layouts)
        _no_hint_or_label_is_cut(app, screen)
        if name in NO_TEXT_FIELD:
            assert text_fields(screen) == [], f"{name} has a text field: walk it for keys"
        await _fields_keep_their_size_when_focused(pilot, screen, name)


async def test_help_in_a_dialog_lists_its_own_keys_first(demo_store: Store, clock: Clock) -> None:
    """f1 in the contact form opens help on the form: Help, Cancel and Save come before
    the text field's generic keys."""
    from coffeechat.tui.screens.help import HelpScreen

    app = make_app(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, demo_store, "ContactForm")
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [title for _key, title, _help in help_screen.rows]
        assert titles[:3] == ["Help", "Cancel", "Save"], titles
