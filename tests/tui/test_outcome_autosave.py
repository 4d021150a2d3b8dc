"""The outcome form's texts are saved as they are typed, like every other editor's.

Typed text is kept apart from the outcome (which is only recorded, with its agenda
items and pipeline step, when the form is saved): closed or killed before saving, the
form opens again with what was typed; saving or cancelling lets it go.
"""

from __future__ import annotations

from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.usecases.outcomes import typed_outcome
from tests.conftest import make_app, seed
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.waiting import wait_until


async def test_outcome_texts_are_kept_as_typed_and_come_back(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        call = await wait_until(lambda: isinstance(app.screen, CallScreen) and app.screen)
        interview_id = call.interview_id
        await pilot.press("ctrl+e")
        form = await on_top(pilot, OutcomeForm)
        await pilot.pause()
        learned = form.query_one("#area-learned", TextArea)
        learned.focus()
        await burst(pilot, *"Policy teams hire scientists")
        await wait_until(
            lambda: (
                typed_outcome(store, interview_id).get("learned") == "Policy teams hire scientists"
            )
        )
        assert store.outcomes.for_interview(interview_id) is None  # not recorded yet
        await burst(pilot, *" who write")
        # Quit without saving: what was typed is written on the way out.
        await app.action_quit()
    assert typed_outcome(store, interview_id)["learned"] == "Policy teams hire scientists who write"

    again = make_app(store, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        again.open_outcome(interview_id)
        form = await wait_until(lambda: isinstance(again.screen, OutcomeForm) and again.screen)
        await pilot.pause()
        assert (
            form.query_one("#area-learned", TextArea).text
            == "Policy teams hire scientists who write"
        )
        outcome = form.texts()
        from coffeechat.models_activity import Outcome

        form.finish(Outcome(interview_id, OutcomeKind.DEAD_END, confidence=3, **outcome))
        await wait_until(lambda: store.outcomes.for_interview(interview_id) is not None)
        assert store.outcomes.for_interview(interview_id).learned.endswith("who write")
        assert typed_outcome(store, interview_id) == {}


async def test_cancelling_the_form_lets_the_typing_go(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        call = await wait_until(lambda: isinstance(app.screen, CallScreen) and app.screen)
        await pilot.press("ctrl+e")
        form = await on_top(pilot, OutcomeForm)
        await pilot.pause()
        form.query_one("#area-skills", TextArea).focus()
        await burst(pilot, *"SQL")
        await wait_until(lambda: typed_outcome(store, call.interview_id).get("skills") == "SQL")
        await pilot.press("escape")
        await wait_until(lambda: not isinstance(app.screen, OutcomeForm))
        assert typed_outcome(store, call.interview_id) == {}
