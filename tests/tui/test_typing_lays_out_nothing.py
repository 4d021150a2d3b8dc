"""A character typed into a text field repaints that field and lays out nothing else.

Textual's Input records the width of its text at every keystroke in a size that, on a
widget, lays out the whole screen again; in a form of twenty fields that was a layout
pass per character. The app's fields (``SafeInput``) scroll their text within
themselves, so typing only repaints the field. Checked where typing changes nothing
else on the screen: the contact, outcome, profile and article forms, a letter's subject.
"""

from __future__ import annotations

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from tests.conftest import make_app
from tests.tui.burst import burst
from tests.tui.layouts import laid_out, layouts_of
from tests.tui.screens_on_view import open_on, text_fields


def _first_text_field(screen: Screen) -> Input:
    return next(
        field
        for field in text_fields(screen)
        if isinstance(field, Input) and field.type == "text" and not field.max_length
    )


@pytest.mark.parametrize(
    "name", ["ContactForm", "OutcomeForm", "ProfileForm", "ArticleForm", "DraftEditor"]
)
async def test_typing_into_a_field_lays_out_nothing(
    demo_store: Store, clock: Clock, name: str
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, demo_store, name)
        field = _first_text_field(screen)
        field.focus()
        layouts = layouts_of(screen)
        await laid_out(pilot, layouts)
        for letter in "abcdefgh":  # one at a time, as a typist: a frame between them
            await burst(pilot, letter)
        assert field.value.endswith("abcdefgh"), field.value
        assert layouts == []


async def test_typing_a_letter_lays_out_only_when_a_finding_changes(
    demo_store: Store, clock: Clock
) -> None:
    """The checker beside the letter is drawn again only when what it says changes: a
    letter typed inside a word changes no finding."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, demo_store, "DraftEditor")
        body = screen.query_one("#draft-text", TextArea)
        body.focus()
        layouts = layouts_of(screen)
        await laid_out(pilot, layouts)
        for letter in "abcdefgh":
            await burst(pilot, letter)
        assert "abcdefgh" in body.text
        assert layouts == []


async def test_moving_through_the_calls_questions_lays_out_nothing(
    demo_store: Store, clock: Clock
) -> None:
    """During the call, each move to another question shows its number by the answer
    line (one line) and its whole text under a narrow list (hidden otherwise): neither
    lays out the call screen."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, demo_store, "CallScreen")
        label = screen.query_one("#answer-label", Static)
        layouts = layouts_of(screen)
        await laid_out(pilot, layouts)
        for _ in range(4):
            await burst(pilot, "down")
        assert "Answer to 5 " in str(label.render())
        assert layouts == []
