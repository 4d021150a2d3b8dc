"""A checklist that fits the call: planning refuses duplicates, trims with one key,
shows the estimated length; at 80x24 the call shows 8+ questions and f1 Help."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.domain.questions import REFERRAL_QUESTION
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.plan_interview import PickedList, PickList, PlanInterview
from coffeechat.tui.widgets.checklist import Checklist
from coffeechat.tui.widgets.footer import CalmFooter
from tests.conftest import make_app, seed


async def test_planning_refuses_a_duplicate_and_trims_fast(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    warnings: list[str] = []
    app.notify = lambda message, **_: warnings.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, PlanInterview)
        picked = form.query_one(PickedList)
        assert [q.text for q in picked.questions][-1] == REFERRAL_QUESTION
        assert picked.border_title == "Checklist (10) · about 24 of 30 min"

        bank = form.query_one(PickList)
        bank.focus()
        await pilot.press("home", "space")  # the first question is already picked
        assert len(picked.questions) == 10
        assert warnings == [
            "Already in the checklist: What trends are you seeing in your field right now?"
        ]

        await pilot.press("down", "down", "space", "space")  # not in the set, then again
        assert len(picked.questions) == 11  # added once, the second press refused
        assert "about 26 of 30 min" in picked.border_title

        form.query_one("#length").value = 15
        await pilot.pause()
        assert picked.border_title == "Checklist (11) · about 24 of 15 min  ⚠ too long"

        picked.focus()
        first, second = picked.questions[0], picked.questions[1]
        await pilot.press("home", "shift+down")
        assert picked.questions[:2] == [second, first]
        await pilot.press("delete", "delete", "x", "x", "x")
        assert len(picked.questions) == 6
        assert picked.border_title == "Checklist (6) · about 14 of 15 min"


async def test_at_80x24_the_call_shows_eight_questions_and_help(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CallScreen)
        checklist = screen.query_one(Checklist)
        await pilot.pause()
        # One line per question, and room for at least eight of them.
        assert checklist.virtual_size.height == len(checklist.items) == 10
        assert checklist.size.height >= 8
        keys = {place.key.action: place for place in screen.query_one(CalmFooter).placed}
        assert "app.help" in keys or "help" in keys
        help_key = keys.get("app.help") or keys["help"]
        assert help_key.right <= 80 and help_key.width >= len("f1 Help")
