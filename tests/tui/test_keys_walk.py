"""Every key lands where it was typed, on every screen and dialog.

Two walks over everything the app opens (``screens_on_view``):

- each field typed in one burst, with ``tab`` between fields, ends exactly as the same
  keys typed one at a time (a paced typist) leave it; and each value is in a field of
  its own (nothing typed after ``tab`` reached the field before it);
- in every text field, navigation keys typed in one burst with text around them edit
  where they were aimed.

The keys are queued all at once (``burst``): the order is the app's to keep.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Input, TextArea

from coffeechat.demo import fill_demo
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.key_order import focus_at_end
from tests.conftest import FROZEN_NOW, make_app
from tests.tui.burst import burst
from tests.tui.screens_on_view import DIALOGS, SCREENS, open_on
from tests.waiting import wait_until

NO_TEXT_FIELD = {
    "AdviceScreen",
    "AgendaScreen",
    "BriefScreen",
    "ConfirmScreen",
    "DuplicateList",
    "EditConflictScreen",
    "EmployersScreen",
    "HelpScreen",
    "MergeConfirm",
    "ReferralTreeScreen",
    "ReplyForm",
    "StatsScreen",
    "SyncLogScreen",
    "StatusPicker",
    "WelcomeScreen",
}
"""Screens and dialogs with nothing to type into (checked: one that gains a field is
walked)."""

EVERYWHERE = [*SCREENS, *DIALOGS]
TYPED = [name for name in EVERYWHERE if name not in NO_TEXT_FIELD]


@pytest.mark.parametrize("name", sorted(NO_TEXT_FIELD))
async def test_screens_left_out_of_the_walk_have_no_text_field(
    store: Store, clock: Clock, name: str
) -> None:
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, store, name)
        assert _text_fields(screen) == []


def _text_fields(screen) -> list[Widget]:
    """The text fields on *screen* a user reaches with tab, in tab order."""
    return [w for w in screen.focus_chain if isinstance(w, Input | TextArea)]


def _value(widget: Widget) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


def _state(app) -> dict[str, object]:
    """What typing changed: the screen on top and every text field's text."""
    screen = app.screen
    fields = {
        f"{type(w).__name__}#{w.id or index}": _value(w)
        for index, w in enumerate(screen.query("Input, TextArea"))
    }
    return {"screen": type(screen).__name__, **fields}


def _keys_for(screen) -> tuple[list[str], list[str]]:
    """A token typed into each text field, tab between fields, as far as the first
    field that is not a text field after the last one (no enter: nothing is saved)."""
    chain = screen.focus_chain
    start = chain.index(screen.focused) if screen.focused in chain else 0
    keys: list[str] = []
    tokens: list[str] = []
    for index, widget in enumerate(chain[start:] + chain[:start]):
        if isinstance(widget, Input | TextArea):
            token = f"k{index}q"
            tokens.append(token)
            keys.extend(token)
        keys.append("tab")
    while keys and keys[-1] == "tab":
        keys.pop()
    return keys, tokens


async def _typed(store: Store, clock: Clock, name: str, paced: bool, keys=None):
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, store, name)
        if keys is None:
            keys, _tokens = _keys_for(screen)
        if paced:
            for key in keys:
                await pilot.press(key)
        else:
            await burst(pilot, *keys)
        await pilot.pause()
        return keys, _state(app)


@pytest.mark.parametrize("name", TYPED)
async def test_a_burst_with_tabs_fills_each_field_as_typing_it_slowly_does(
    tmp_path, clock: Clock, name: str
) -> None:
    # Two databases from the same demo: each run writes what it types.
    stores = []
    for run in ("burst", "paced"):
        store = Store.open(tmp_path / f"{run}.db")
        fill_demo(store, FROZEN_NOW)
        stores.append(store)
    app = make_app(stores[0], clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, stores[0], name)
        assert _text_fields(screen), f"{name} has no text field: list it in NO_TEXT_FIELD"
        keys, tokens = _keys_for(screen)
    _keys, bursted = await _typed(stores[0], clock, name, paced=False, keys=keys)
    _keys, paced = await _typed(stores[1], clock, name, paced=True, keys=keys)
    assert bursted == paced, f"{name}: {keys}"
    # Each token whole, in one field: none was split by a tab acting late.
    texts = [text for key, text in bursted.items() if key != "screen"]
    for token in tokens:
        holders = [text for text in texts if token in str(text)]
        if bursted["screen"] == name:
            assert len(holders) <= 1, f"{name}: {token} in {holders}"


NAVIGATION = [
    # keys, the text they leave in a two-line text area ("first line", "second line",
    # the cursor at the end)
    (["up", "home", *"X", "end", *"Y", "down", "home", *"Z"], "Xfirst lineY\nZsecond line"),
    (["ctrl+home", *"A", "ctrl+end", *"B"], "Afirst line\nsecond lineB"),
]


@pytest.mark.parametrize("name", TYPED)
async def test_navigation_keys_in_a_burst_edit_where_they_aim(
    store: Store, clock: Clock, name: str
) -> None:
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, store, name)
        fields = _text_fields(screen)
        assert fields, f"{name} has no text field: list it in NO_TEXT_FIELD"
        for field in fields:
            if isinstance(field, TextArea):
                if field.read_only:
                    continue
                for keys, expected in NAVIGATION:
                    field.load_text("first line\nsecond line")
                    focus_at_end(field)
                    field.move_cursor(field.document.end)
                    await pilot.pause()
                    await burst(pilot, *keys)
                    assert field.text == expected, f"{name} {field.id}: {keys}"
            else:
                if field.type != "text" or field.restrict or field.max_length:
                    continue  # a number field: these characters are refused
                field.value = "middle"
                focus_at_end(field)
                await pilot.pause()
                await burst(pilot, "home", *"<", "end", *">", "left", *"|")
                if app.screen is screen and field.is_attached:
                    assert field.value == "<middle|>", f"{name} {field.id}"


async def test_keys_right_after_a_key_that_opens_a_form_go_into_the_form(
    store: Store, clock: Clock
) -> None:
    """`n` prepares the contact form in a thread before it opens; the keys typed
    behind `n` wait for the form instead of acting on the list (`b` a brief, `/` the
    filter)."""
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.detail_mounted.wait()
        for n in range(3):
            await burst(
                pilot,
                "n",
                *f"Bob{n} Jones",
                "tab",
                *"Tester",
                "tab",
                *"BobCo",
                "tab",
                *f"bob{n}@bob.example",
                "enter",
            )
            await wait_until(lambda: type(app.screen).__name__ == "MainScreen")
            added = [c for c in store.contacts.all() if c.name == f"Bob{n} Jones"]
            assert [(c.title, c.email) for c in added] == [("Tester", f"bob{n}@bob.example")]
        assert app.screen.pane.filter_input.value == ""
