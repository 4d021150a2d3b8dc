"""A value the app suggests (a date, a question's group) is replaced by typing; text the
user typed, or a suggestion they started editing, is never wiped."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from tests.conftest import make_app
from tests.tui.burst import burst


async def _form_on(app, pilot, screen) -> None:
    app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()


async def test_typing_replaces_a_suggested_date(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.agenda import DatePrompt

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_on(app, pilot, DatePrompt("2026-12-04"))
        await burst(pilot, *"next monday")
        assert app.screen.query_one("#field-day").value == "next monday"


async def test_a_cursor_key_keeps_the_suggestion_to_edit(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.agenda import DatePrompt

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_on(app, pilot, DatePrompt("2026-12-04"))
        await burst(pilot, "backspace", *"5")
        field = app.screen.query_one("#field-day")
        assert field.value == "2026-12-05"
        assert not field.has_class("-suggested")


async def test_a_new_questions_group_is_replaced_by_typing(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.question_bank import QuestionForm

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_on(app, pilot, QuestionForm(None, "Trends", ["Trends", "Insights"]))
        await burst(pilot, *"What next?", "tab", *"Insights")
        screen = app.screen
        assert screen.query_one("#field-text").value == "What next?"
        assert screen.query_one("#field-group").value == "Insights"


async def test_an_edited_questions_group_is_the_users_own(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.question_bank import QuestionForm

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_on(app, pilot, QuestionForm("Old text", "Trends", ["Trends", "Insights"]))
        await burst(pilot, "tab", *"Plus")
        assert app.screen.query_one("#field-group").value == "TrendsPlus"


async def test_p_brings_the_profile_tab_back(store: Store, clock: Clock) -> None:
    from textual.widgets import TabbedContent

    from coffeechat.tui.widgets.contact_list import ContactList
    from tests.conftest import seed

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.detail_mounted.wait()
        await burst(pilot, "r")
        tabs = app.screen.query_one("#detail", TabbedContent)
        assert tabs.active == "tab-research"
        await burst(pilot, "escape", "p")
        assert tabs.active == "tab-profile"
        assert isinstance(app.focused, ContactList)
