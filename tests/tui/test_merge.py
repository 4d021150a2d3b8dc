"""Merge contacts from the list (key m) and from the palette: pick, read, confirm."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, OptionList, Static

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.merge import MergeConfirm, MergePicker
from coffeechat.tui.widgets.contact_pane import ContactPane
from coffeechat.usecases import exchange
from tests.conftest import make_app, seed
from tests.palette import typed_in_palette
from tests.tui.burst import burst
from tests.waiting import wait_until

TWO_ANAS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Silva,https://www.linkedin.com/in/ana-silva-1,,Fiocruz,Research Fellow,\n"
    b"Ana,Silva,https://www.linkedin.com/in/ana-silva-2,ana@x.example,Fiocruz,Lab Manager,\n"
)


def _setup(store: Store) -> tuple[int, int]:
    seed(store)
    exchange.import_bytes(store, "linkedin", TWO_ANAS, "Connections.csv")
    (pair,) = store.duplicates.possible()
    store.notes.save_research(pair.high_id, "Runs the lab")
    return pair.low_id, pair.high_id


async def test_m_merges_the_highlighted_contact_with_its_possible_duplicate(
    store: Store, clock: Clock
) -> None:
    low, high = _setup(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        assert pane.border_title == "Contacts 7/7"
        await burst(pilot, "slash", *"fellow", "enter", "m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MergePicker)
        options = picker.query_one(OptionList)
        first = options.get_option_at_index(0)
        assert first.id == str(high) and "possible duplicate" in str(first.prompt)
        await pilot.press("enter")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, MergeConfirm)
        said = str(confirm.query_one("#merge-plan", Static).render())
        assert "Merge Ana Silva into Ana Silva: moves 1 note." in said
        assert "Fills email." in said
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.contacts.get(high) is None
        kept = store.contacts.get(low)
        assert (kept.title, kept.email) == ("Research Fellow", "ana@x.example")
        note = store.notes.research(low)
        assert note.startswith("Runs the lab\n\nMerged from Ana Silva: title: Lab Manager")
        assert app.screen.contact.id == low, "the kept contact stays highlighted"
        assert store.duplicates.possible() == []
        assert pane.border_title == "Contacts 1/6", "the filter still shows the kept Ana"


async def test_not_a_duplicate_is_remembered(store: Store, clock: Clock) -> None:
    low, high = _setup(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"fellow", "enter", "m", "enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.contacts.count() == 7
        assert store.duplicates.is_distinct(low, high)
        assert store.duplicates.possible() == []


async def test_merge_from_the_palette_with_a_typed_search_and_a_swap(
    store: Store, clock: Clock
) -> None:
    low, _high = _setup(store)
    maria = next(c for c in store.contacts.all() if c.name == "Maria Okafor")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"fellow", "enter")
        await pilot.pause()
        assert "Merge contacts" in {c.title for c in app.get_system_commands(app.screen)}
        await burst(pilot, "ctrl+p", *"Merge contacts")
        await typed_in_palette(pilot, "Merge contacts")
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MergePicker)
        picker.query_one(Input).value = "okafor"
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MergeConfirm)
        await pilot.press("s")
        await pilot.pause()
        said = str(app.screen.query_one("#merge-plan", Static).render())
        assert said.startswith("Merge Ana Silva into Maria Okafor")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.contacts.get(low) is not None and store.contacts.get(maria.id) is not None


async def test_possible_duplicates_are_listed_for_review(store: Store, clock: Clock) -> None:
    low, high = _setup(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.action_possible_duplicates()
        await pilot.pause()
        listed = app.screen.query_one(OptionList)
        assert listed.option_count == 1
        listed_pair = str(listed.get_option_at_index(0).prompt)
        assert "Fiocruz" in listed_pair
        # What tells the two apart: each one's email and title.
        assert "Ana Silva (Research Fellow)" in listed_pair
        assert "Ana Silva (ana@x.example · Lab Manager)" in listed_pair
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MergeConfirm)
        await pilot.press("y")
        await pilot.pause()
        assert store.contacts.get(high) is None and store.contacts.get(low) is not None
        app.screen.action_possible_duplicates()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "nothing left to review"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_merge_buttons_are_whole_at_every_size(
    store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    _setup(store)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        app.screen.action_possible_duplicates()
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, MergeConfirm))
        await pilot.pause()
        for button in app.screen.query(Button):
            label = str(button.label)
            assert button.region.width >= len(label), (label, button.region)
            row = button.parent
            assert row is not None and button.region.right <= row.content_region.right, label
