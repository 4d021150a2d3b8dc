"""A form's first frame holds every label and one input; the other inputs are mounted
right after it, and keys typed meanwhile wait for them (tui/fill_in.py)."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui import key_order
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.form_modal import FormModal
from coffeechat.tui.widgets.form import FormField
from tests.conftest import make_app
from tests.tui.burst import key_events
from tests.waiting import wait_until


async def test_keys_typed_while_the_form_fills_in_land_where_they_were_aimed(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = asyncio.Event()
    fill = FormModal._mount_held_inputs

    async def slow_fill(self: FormModal) -> None:
        await release.wait()  # a loaded machine: the rest of the form comes late
        await fill(self)

    monkeypatch.setattr(FormModal, "_mount_held_inputs", slow_fill)
    monkeypatch.setattr(key_order, "FILL_WAIT", 60.0)
    monkeypatch.setattr(key_order, "WORK_WAIT", 60.0)  # n opens the form from a worker
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for event in key_events("n", *"Ada Aas", "tab", *"Engineer", "tab", *"Aas Labs"):
            event.set_sender(app)
            app.post_message(event)  # one burst, typed before the form is whole
        form = await wait_until(lambda: isinstance(app.screen, ContactForm) and app.screen)
        await wait_until(lambda: form.filling and form.query_one("#field-name", Input).has_focus)
        # On view with every label and the input typed into first, the rest held back;
        # what was typed after `n` waits for them.
        assert len(form.query(FormField)) == 15
        assert [i.id for i in form.query(Input)] == ["field-name"]
        await pilot.pause()
        assert form.query_one("#field-name", Input).value == ""
        release.set()
        await wait_until(lambda: not form.filling and not app.key_order.busy)
        await pilot.pause()
        values = {f.field_name: f.value for f in form.query(FormField)}
        assert values["name"] == "Ada Aas"
        assert values["title"] == "Engineer"
        assert values["organization"] == "Aas Labs"
        assert len(form.query(Input)) == 15


async def test_a_fill_that_never_ends_does_not_keep_the_keyboard(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def never(self: FormModal) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(FormModal, "_mount_held_inputs", never)
    monkeypatch.setattr(key_order, "FILL_WAIT", 0.2)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        form = await wait_until(lambda: isinstance(app.screen, ContactForm) and app.screen)
        name = form.query_one("#field-name", Input)
        for event in key_events(*"Ada"):
            event.set_sender(app)
            app.post_message(event)
        await wait_until(lambda: name.value == "Ada", what="the keys handed out after the wait")
        assert form.filling
