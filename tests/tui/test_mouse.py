"""The mouse works where a user would click: rows, tabs, agenda items, the checklist."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList, TabbedContent

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.widgets.contact_list import ContactList
from tests.conftest import make_app
from tests.tui.burst import burst


async def test_click_selects_double_click_opens_and_tabs_switch(
    demo_store: Store, clock: Clock
) -> None:
    app = make_app(demo_store, clock)
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


async def test_agenda_click_highlights_double_click_marks_done(
    demo_store: Store, clock: Clock
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        options = app.screen.query_one(OptionList)
        open_before = len(demo_store.followups.open_until("2026-12-31"))
        first = options.highlighted
        await pilot.click(OptionList, offset=(10, 4))
        await pilot.pause()
        assert options.highlighted not in (None, first)
        assert len(demo_store.followups.open_until("2026-12-31")) == open_before
        await pilot.click(OptionList, offset=(10, 4), times=2)
        await pilot.pause()
        assert len(demo_store.followups.open_until("2026-12-31")) == open_before - 1


async def test_click_a_question_in_the_call(demo_store: Store, clock: Clock) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"tom", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        checklist = app.screen.checklist
        await pilot.click(type(checklist), offset=(6, 3))
        await pilot.pause()
        assert checklist.highlighted not in (None, 0)
        assert app.focused is checklist


async def test_the_list_draws_its_scrollbar_scrolls_with_the_wheel_and_jumps_on_a_click(
    store: Store, clock: Clock
) -> None:
    for n in range(100):
        store.contacts.add(Contact(name=f"Person {n:03}"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        contacts = app.screen.query_one(ContactList)
        await pilot.pause()
        width = contacts.size.width
        shown = contacts.size.height
        last_column = [contacts.render_line(y).crop(width - 1, width).text for y in range(shown)]
        assert any(cell.strip() == "" for cell in last_column)  # the track and the thumb
        thumb = contacts.get_component_rich_style("contact-list--thumb").bgcolor
        first = contacts.render_line(0).crop(width - 1, width)
        assert [segment.style.bgcolor for segment in first] == [thumb]  # thumb at the top
        assert "Person 000" in contacts.render_line(0).text

        for _ in range(3):
            contacts.post_message(
                events.MouseScrollDown(contacts, 5, 5, 0, 1, 0, False, False, False)
            )
        await pilot.pause()
        assert contacts.scroll_offset.y > 0
        assert contacts.cursor == 0  # the wheel scrolls; it does not move the highlight

        await pilot.click(ContactList, offset=(width - 1, shown - 1))
        await pilot.pause()
        assert contacts.cursor == 99  # the bottom of the scrollbar is the end of the list
        assert app.screen.contact.name == "Person 099"
        bottom = contacts.render_line(shown - 1).crop(width - 1, width)
        assert [segment.style.bgcolor for segment in bottom] == [thumb]
