"""Notifications never cover the field the user is typing in."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.app import QUIT_UNSAVED
from coffeechat.tui.screens.contact_form import ContactForm
from tests.conftest import make_app, seed
from tests.waiting import wait_until


def _toast_regions(app):
    return [toast.region for toast in app.screen.query("Toast") if toast.region.area]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("field", ["#field-name", "#field-tags", "#field-keep_in_touch_days"])
async def test_a_notification_does_not_cover_the_focused_field(
    store: Store, clock: Clock, size: tuple[int, int], field: str
) -> None:
    """In the contact form, with the focus on a field high, in the middle or low on the
    screen, a four-line warning is drawn clear of that field."""
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm), what="the contact form")
        focused = app.screen.query_one(field, Input)
        focused.focus()
        await pilot.pause()
        app.notify(QUIT_UNSAVED, severity="error")
        regions = await wait_until(lambda: _toast_regions(app), what="the toast")
        await pilot.pause()
        regions = _toast_regions(app)
        assert regions
        for region in regions:
            assert not region.overlaps(focused.region), (region, focused.region)


async def test_a_refused_save_warns_away_from_the_field_to_fix(store: Store, clock: Clock) -> None:
    """Saving with a bad email at 80x24: the focus goes to the email and the warning
    stays clear of it."""
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm), what="the contact form")
        app.screen.query_one("#field-name", Input).value = "Ada"
        email = app.screen.query_one("#field-email", Input)
        email.value = "ada@"
        await pilot.press("ctrl+s")
        await wait_until(lambda: _toast_regions(app) and email.has_focus, what="the warning")
        await pilot.pause()
        for region in _toast_regions(app):
            assert not region.overlaps(email.region), (region, email.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_notification_over_the_agenda_leaves_its_first_lines_clear(
    store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """A list as tall as the screen (the agenda) has what matters at its top: messages
    go to the bottom, clear of the first sections."""
    from coffeechat.tui.screens.agenda import AgendaScreen

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("a")
        await wait_until(lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
        app.notify("Outcome saved; thank-you note on the agenda, 2 new contact(s).")
        await wait_until(lambda: _toast_regions(app), what="the toast")
        await pilot.pause()
        for region in _toast_regions(app):
            assert region.y >= size[1] // 2, f"toast at {region} over the agenda's top"
