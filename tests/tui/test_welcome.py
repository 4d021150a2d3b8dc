"""First run: the welcome over an empty database, its choices, and that it stays away."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.research_screens import NoteScreen
from coffeechat.tui.screens.transfer import TransferScreen
from coffeechat.tui.screens.welcome import WelcomeScreen
from coffeechat.usecases.first_run import WELCOME_DISMISSED
from tests.conftest import make_app, seed


async def test_empty_database_opens_on_the_welcome(store: Store, clock: Clock) -> None:
    app = make_app(store, clock, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "coffeechat --demo" in text and "never ask for a job" in text
        assert app.focused is app.screen.query_one("#new_contact")


async def test_no_welcome_once_there_are_contacts(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.settings.get(WELCOME_DISMISSED) == ""


async def test_closing_is_remembered(store: Store, clock: Clock) -> None:
    app = make_app(store, clock, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    assert store.settings.get(WELCOME_DISMISSED) == "1"
    again = make_app(store, clock, welcome=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, MainScreen)


@pytest.mark.parametrize(
    ("key", "button", "opens"),
    [
        ("n", "#new_contact", ContactForm),
        ("i", "#import_file", TransferScreen),
        ("s", "#my_story", NoteScreen),
    ],
)
@pytest.mark.parametrize("by", ["key", "click"])
async def test_each_choice_opens_its_screen(
    store: Store, clock: Clock, key: str, button: str, opens: type, by: str
) -> None:
    app = make_app(store, clock, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        if by == "key":
            await pilot.press(key)
        else:
            await pilot.click(button)
        await pilot.pause()
        assert isinstance(app.screen, opens)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert store.settings.get(WELCOME_DISMISSED) == "1"


async def test_close_button_and_arrow_keys(store: Store, clock: Clock) -> None:
    app = make_app(store, clock, welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#import_file")
        await pilot.click("#close")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert store.settings.get(WELCOME_DISMISSED) == "1"
