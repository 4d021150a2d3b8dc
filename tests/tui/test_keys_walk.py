"""Every key lands where it was typed, on every screen and dialog.

One walk over everything the app opens that has a text field (``screens_on_view``);
for each screen:

- each field typed in one burst, with ``tab`` between fields, ends exactly as the same
  keys typed by a paced typist leave it (who waits at each ``tab`` until it has moved
  the focus); and each value is in a field of its own (nothing typed after ``tab``
  reached the field before it);
- in every text field, navigation keys typed in one burst with text around them edit
  where they were aimed.

The keys are queued all at once (``burst``): the order is the app's to keep. The
screens with nothing to type into are listed in ``NO_TEXT_FIELD``; the fit walk
(``test_fit.py``) checks that they have none.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Input, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.key_order import focus_at_end
from tests.conftest import make_app, open_demo_copy
from tests.tui.burst import burst
from tests.tui.screens_on_view import DIALOGS, NO_TEXT_FIELD, SCREENS, open_on, text_fields
from tests.waiting import wait_until

EVERYWHERE = [*SCREENS, *DIALOGS]
TYPED = [name for name in EVERYWHERE if name not in NO_TEXT_FIELD]


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


def _between_tabs(keys: list[str]) -> list[list[str]]:
    """*keys* cut at each tab (the tabs left out): what is typed into one field."""
    runs: list[list[str]] = [[]]
    for key in keys:
        if key == "tab":
            runs.append([])
        else:
            runs[-1].append(key)
    return runs


async def _typed(store: Store, clock: Clock, name: str, paced: bool, keys=None, then=None):
    """Open *name* and type *keys* into it (by default a token into each text field,
    tab between them): in one burst, or paced (each tab once what came before it has
    been handled, each field's letters once the tab before them has). The keys typed,
    the tokens in them, and what typing left; ``then(pilot, screen)`` runs last, in the
    same app."""
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, store, name)
        assert text_fields(screen), f"{name} has no text field: list it in NO_TEXT_FIELD"
        tokens: list[str] = []
        if keys is None:
            keys, tokens = _keys_for(screen)
        if paced:
            for index, field_keys in enumerate(_between_tabs(keys)):
                if index:
                    await pilot.press("tab")  # once the field before has all its letters
                if field_keys:
                    await burst(pilot, *field_keys)  # into one field: nothing to race
        else:
            await burst(pilot, *keys)
        await pilot.pause()
        state = _state(app)
        if then is not None:
            await then(pilot, screen)
        return keys, tokens, state


NAVIGATION = [
    # keys, the text they leave in a two-line text area ("first line", "second line",
    # the cursor at the end)
    (["up", "home", *"X", "end", *"Y", "down", "home", *"Z"], "Xfirst lineY\nZsecond line"),
    (["ctrl+home", *"A", "ctrl+end", *"B"], "Afirst line\nsecond lineB"),
]


async def _navigation_keys_edit_where_they_aim(pilot, screen, name: str) -> None:
    """In every text field of *screen*, navigation keys typed in one burst with text
    around them edit where they were aimed (each field is given its text first)."""
    app = pilot.app
    fields = text_fields(screen)
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


@pytest.mark.parametrize("name", TYPED)
async def test_a_burst_types_as_a_paced_typist_and_navigation_keys_edit_where_aimed(
    tmp_path, tmp_path_factory, clock: Clock, name: str
) -> None:
    """Both walks over one screen. The navigation keys are checked in the app the paced
    typist used, once that typing is recorded (each field gets its own text first), or,
    when the typing left another screen on top, in an app of their own."""
    # Two copies of the same demo: each run writes what it types.
    burst_store, paced_store = (
        open_demo_copy(tmp_path / f"{run}.db", tmp_path_factory) for run in ("burst", "paced")
    )
    navigated: list[bool] = []

    async def navigate(pilot, screen) -> None:
        if pilot.app.screen is screen:
            await _navigation_keys_edit_where_they_aim(pilot, screen, name)
            navigated.append(True)

    keys, tokens, bursted = await _typed(burst_store, clock, name, paced=False)
    _keys, _tokens, paced = await _typed(
        paced_store, clock, name, paced=True, keys=keys, then=navigate
    )
    assert bursted == paced, f"{name}: {keys}"
    # Each token whole, in one field: none was split by a tab acting late.
    texts = [text for key, text in bursted.items() if key != "screen"]
    for token in tokens:
        holders = [text for text in texts if token in str(text)]
        if bursted["screen"] == name:
            assert len(holders) <= 1, f"{name}: {token} in {holders}"
    if not navigated:
        app = make_app(burst_store, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_on(pilot, burst_store, name)
            await _navigation_keys_edit_where_they_aim(pilot, screen, name)


async def test_keys_right_after_a_key_that_opens_a_form_go_into_the_form(
    demo_store: Store, clock: Clock
) -> None:
    """`n` prepares the contact form in a thread before it opens; the keys typed
    behind `n` wait for the form instead of acting on the list (`b` a brief, `/` the
    filter)."""
    app = make_app(demo_store, clock)
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
            added = [c for c in demo_store.contacts.all() if c.name == f"Bob{n} Jones"]
            assert [(c.title, c.email) for c in added] == [("Tester", f"bob{n}@bob.example")]
        assert app.screen.pane.filter_input.value == ""
