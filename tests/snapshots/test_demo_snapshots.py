"""The first-run welcome and the demo data set: what a newcomer sees (the README uses these)."""

from __future__ import annotations

import pytest

from coffeechat.demo import fill_demo
from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from tests.conftest import FROZEN_NOW, make_app
from tests.on_top import on_top, opened_by

SIZES = [(80, 24), (120, 40), (200, 60)]
IDS = ["80x24", "120x40", "200x60"]


@pytest.mark.parametrize("size", SIZES[:2], ids=IDS[:2])
def test_welcome(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """The first-run welcome: the n / i / s / esc first steps, the method, the demo hint."""
    assert snap_compare(make_app(store, clock, welcome=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_demo_main(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Demo contacts at every pipeline stage, soonest first, the highlighted one's profile."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(make_app(store, clock), terminal_size=size)


async def _call_with_tom(pilot) -> None:
    """Open the planned call with Tom, tick two questions, commit a note, start typing."""
    await pilot.press("slash", *"tom", "enter", "c")
    await on_top(pilot, CallScreen)
    await pilot.press("ctrl+t", "down", "ctrl+t")
    pilot.app.screen.focused.value = "Patient board meets monthly; scientists sit on it"
    await pilot.press("enter")
    pilot.app.screen.focused.value = "Ask about the summer"
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_demo_call(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """A demo call with Tom: two questions ticked, a committed note, the next half typed."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=_call_with_tom)


@pytest.mark.parametrize("size", SIZES[1:], ids=IDS[1:])
def test_demo_agenda(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """The demo agenda: overdue, today, coming up, a thank-you owed, two calls scheduled."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(
        make_app(store, clock), terminal_size=size, run_before=opened_by(["a"], AgendaScreen)
    )


async def _target_employers(pilot) -> None:
    await pilot.app.screen.run_action("target_employers")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES[:2], ids=IDS[:2])
def test_demo_target_employers(
    snap_compare, store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """Employers ranked by Motivation, Posting, Advocacy: top five starred, who to write to."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=_target_employers)


async def _brief_for_tom(pilot) -> None:
    await pilot.press("slash", *"tom", "enter")
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()


def test_demo_brief_with_preparation(snap_compare, store: Store, clock: Clock) -> None:
    """Tom's brief: the unticked preparation list for a video call above his research."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(make_app(store, clock), terminal_size=(120, 40), run_before=_brief_for_tom)


def test_demo_last_interaction_column(snap_compare, store: Store, clock: Clock) -> None:
    """80 columns after `l`: rows end with the last interaction (today, 6d, 3w, 3mo) or blank."""
    fill_demo(store, FROZEN_NOW)
    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), press=["l"])
