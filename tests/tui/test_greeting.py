"""The contact form keeps how letters greet a person ("Dr. Aas")."""

from __future__ import annotations

from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.contact_form import ContactForm
from tests.conftest import make_app
from tests.on_top import on_top
from tests.waiting import wait_until


async def test_the_greeting_typed_in_the_form_is_kept(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = await on_top(pilot, ContactForm)
        form.query_one("#field-name", Input).value = "Dr. Henrik Aas"
        form.query_one("#field-greeting", Input).value = "Dr. Aas"
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, ContactForm))
        (henrik,) = store.contacts.all()
        assert henrik.greeting == "Dr. Aas"
        app.push_screen(ContactForm(henrik))
        form = await on_top(pilot, ContactForm)
        await wait_until(
            lambda: [i.value for i in form.query("#field-greeting").results(Input)] == ["Dr. Aas"]
        )
