"""What the user sees: the main screen at the two sizes the spec names."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.contact_form import ContactForm
from tests.conftest import make_app, seed
from tests.on_top import on_top


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Five contacts (hostile names literal), Maria highlighted, her profile on the right."""
    seed(store)
    assert snap_compare(make_app(store, clock), terminal_size=size)


def test_main_screen_empty(snap_compare, store: Store, clock: Clock) -> None:
    """An empty database: Contacts 0/0, the hint to press n, no contact highlighted."""
    assert snap_compare(make_app(store, clock), terminal_size=(80, 24))


def test_main_screen_filtered(snap_compare, store: Store, clock: Clock) -> None:
    """The filter "lab" leaves one of five (Contacts 1/5), highlighted, its profile shown."""
    seed(store)
    assert snap_compare(make_app(store, clock), terminal_size=(120, 40), press=["slash", *"lab"])


def test_contact_form_with_errors(snap_compare, store: Store, clock: Clock) -> None:
    """A refused save: the email's reason on the line under it, the name kept as typed."""

    async def fill(pilot) -> None:
        await pilot.press("n")
        await on_top(pilot, ContactForm)
        pilot.app.screen.query_one("#field-name").value = "Ada"
        pilot.app.screen.query_one("#field-email").value = "ada@"
        await pilot.press("ctrl+s")

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=fill)


@pytest.mark.parametrize("theme", ["espresso", "latte", "matcha", "paper"])
def test_main_screen_per_theme(snap_compare, store: Store, clock: Clock, theme: str) -> None:
    """The main screen in each shipped theme: the colours change, the layout does not."""
    seed(store)
    assert snap_compare(make_app(store, clock, theme=theme), terminal_size=(100, 30))
