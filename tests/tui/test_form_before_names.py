"""The contact form is on screen before every contact's name is read for "Referred by";
a suggestion or a save made before the names are in waits for them."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.store.contacts import Contacts
from coffeechat.tui.screens.contact_form import ContactForm, LateNames
from tests.conftest import make_app
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.waiting import wait_until


async def test_the_form_opens_before_the_names_are_read(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor"))
    release = threading.Event()
    read = Contacts.ids_by_name

    def slow_names(self: Contacts) -> dict[str, int]:
        release.wait(timeout=30)  # a very large file: the names take their time
        return read(self)

    monkeypatch.setattr(Contacts, "ids_by_name", slow_names)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = await on_top(pilot, ContactForm)
        referrer = form.query_one("#field-referred_by", Input)
        referrer.focus()
        await burst(pilot, *"mari")  # typed while the names are still being read
        assert referrer._suggestion == ""
        release.set()
        await wait_until(lambda: referrer._suggestion == "Maria Okafor")
        form.query_one("#field-name", Input).value = "Ben Osei"
        referrer.value = "maria okafor"
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, ContactForm))
    [ben] = [c for c in store.contacts.all() if c.name == "Ben Osei"]
    assert ben.referred_by == maria.id


def test_a_lookup_before_any_thread_started_reads_the_names_itself() -> None:
    names = LateNames(lambda: {"Núñez-García, Ana": 7})
    assert names.find("nunez-garcia, ana") == 7
    names.build()  # the thread, late: nothing more to do
    assert names.find("Núñez-García, Ana") == 7


def test_names_that_cannot_be_read_are_none() -> None:
    def broken() -> dict[str, int]:
        raise OSError("disk gone")

    names = LateNames(broken)
    assert names.find("Ana") is None
