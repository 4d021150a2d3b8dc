"""The call screen mid-call, at the two sizes the spec names (frozen clock)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.plan_interview import PlanInterview
from tests.conftest import make_app, seed
from tests.on_top import on_top, opened_by


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_call_screen(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Mid-call at 07:12: the number to dial in the header, two ticks, a note, a half line."""
    first = seed(store)[0]
    store.contacts.update(replace(first, phone="+1 617 555 0142"))

    async def mid_call(pilot) -> None:
        await pilot.press("c")
        screen = await on_top(pilot, CallScreen)
        await pilot.press("ctrl+t", "down", "tab")
        screen.answer_input.value = "[bold]Cell therapy[/] and automation"
        await pilot.press("enter", "ctrl+t", "down")
        pilot.app.clock.advance(7 * 60 + 12)
        screen.note_input.value = "Started in a wet lab; moved after a postdoc"
        await pilot.press("enter")
        screen.note_input.value = "Half-typed thought"
        screen.refresh_timer()
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=mid_call)


def test_plan_interview_form(snap_compare, store: Store, clock: Clock) -> None:
    """Planning Maria's call: date, medium, length, the bank beside the default checklist."""
    seed(store)
    assert snap_compare(
        make_app(store, clock), terminal_size=(120, 40), run_before=opened_by(["i"], PlanInterview)
    )


def test_question_bank(snap_compare, store: Store, clock: Clock) -> None:
    """The question bank: each question with its TIARA group, ★ on the default set."""

    async def open_bank(pilot) -> None:
        await pilot.app.run_action("question_bank")
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=open_bank)
