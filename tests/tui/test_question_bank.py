"""The question bank screen: add, edit, flag, reorder, default set, delete."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.domain.questions import DEFAULT_QUESTIONS
from coffeechat.store import Store
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.question_bank import QuestionBankScreen, QuestionForm
from tests.conftest import make_app


async def test_bank_add_flags_job_questions_and_edits(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("question_bank")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionBankScreen)
        assert screen.bank.option_count == len(DEFAULT_QUESTIONS)

        await pilot.press("n")
        form = app.screen
        assert isinstance(form, QuestionForm)
        form.query_one("#field-text").value = "Are you hiring?"
        await pilot.pause()
        assert "asks for a job" in str(form.query_one("#job-warning").render())
        form.query_one("#field-group").value = "Mine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = store.questions.all()[-1]
        assert (added.text, added.group, added.asks_for_job) == ("Are you hiring?", "Mine", True)
        assert screen.current.id == added.id
        assert "asks for a job" in str(
            screen.bank.get_option_at_index(len(DEFAULT_QUESTIONS)).prompt
        )

        await pilot.press("e")
        app.screen.query_one("#field-text").value = "What do you read each week?"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not store.questions.get(added.id).asks_for_job

        await pilot.press("shift+up", "shift+up")
        order = [q.id for q in store.questions.all()]
        assert order.index(added.id) == len(DEFAULT_QUESTIONS) - 2
        await pilot.press("d")
        assert store.questions.get(added.id).is_default

        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert store.questions.get(added.id) is None
        await pilot.press("escape")
        assert not isinstance(app.screen, QuestionBankScreen)


async def test_empty_question_is_refused(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("question_bank")
        await pilot.pause()
        await pilot.press("n", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)
        assert len(store.questions.all()) == len(DEFAULT_QUESTIONS)
