"""The mouse works where a user would click: rows, tabs, agenda items, the checklist."""

from __future__ import annotations

from textual.widgets import OptionList, TabbedContent

from coffeechat.demo import fill_demo
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.widgets.contact_list import ContactList
from tests.conftest import FROZEN_NOW, make_app


async def test_click_selects_double_click_opens_and_tabs_switch(store: Store, clock: Clock) -> None:
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        contacts = app.screen.query_one(ContactList)
        await pilot.click(ContactList, offset=(5, 3))
        await pilot.pause()
        assert contacts.cursor == 3
        assert app.screen.contact.name == contacts.rows[3].name
        await pilot.click("#detail Tab#--content-tab-tab-research")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-research"
        await pilot.click(ContactList, offset=(5, 3), times=2)
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_agenda_click_highlights_double_click_marks_done(store: Store, clock: Clock) -> None:
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        options = app.screen.query_one(OptionList)
        open_before = len(store.followups.open_until("2026-12-31"))
        first = options.highlighted
        await pilot.click(OptionList, offset=(10, 4))
        await pilot.pause()
        assert options.highlighted not in (None, first)
        assert len(store.followups.open_until("2026-12-31")) == open_before
        await pilot.click(OptionList, offset=(10, 4), times=2)
        await pilot.pause()
        assert len(store.followups.open_until("2026-12-31")) == open_before - 1


async def test_click_a_question_in_the_call(store: Store, clock: Clock) -> None:
    fill_demo(store, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"tom", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        checklist = app.screen.checklist
        await pilot.click(type(checklist), offset=(6, 3))
        await pilot.pause()
        assert checklist.highlighted not in (None, 0)
        assert app.focused is checklist
