"""Where the cursor stands in the app's text areas: notes open after their text,
ctrl+home / ctrl+end reach the whole text's ends, home / end the written line's."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Outcome
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.research_screens import NoteScreen
from coffeechat.tui.widgets.note_editor import NoteEditor
from coffeechat.tui.widgets.research import ResearchPane
from coffeechat.tui.widgets.safe_text_area import SafeTextArea
from tests.conftest import make_app, seed
from tests.tui.burst import burst
from tests.waiting import wait_until

LONG_LINE = "A paragraph long enough to wrap over several rows of the editor. " * 6


async def test_a_research_note_opens_with_typing_after_its_text(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "Met at ASCO\nWorks on biomarkers")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        editor = app.screen.query_one(ResearchPane).editor("contact")
        assert app.focused is editor.text_area
        await burst(pilot, *" in Boston")
        assert editor.text == "Met at ASCO\nWorks on biomarkers in Boston"
        await pilot.press("escape", "down", "up", "r")  # reloaded for the same contact
        await wait_until(lambda: app.focused is editor.text_area)
        await pilot.press("!")
        assert editor.text == "Met at ASCO\nWorks on biomarkers in Boston!"


async def test_my_story_opens_with_typing_after_its_text(store: Store, clock: Clock) -> None:
    store.notes.save_story("## My strengths\nStubbornness")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "ctrl+p", *"My story", "enter")
        screen = await wait_until(lambda: isinstance(app.screen, NoteScreen) and app.screen)
        editor = screen.query_one(NoteEditor)
        await wait_until(lambda: app.focused is editor.text_area)
        await burst(pilot, *", patience")
        assert editor.text == "## My strengths\nStubbornness, patience"


async def test_ctrl_home_and_ctrl_end_reach_the_start_and_end_of_the_text(
    store: Store, clock: Clock
) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "first\nsecond\nthird")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        editor = app.screen.query_one(ResearchPane).editor("contact")
        await burst(pilot, "ctrl+home", *"> ")
        assert editor.text == "> first\nsecond\nthird"
        await burst(pilot, "ctrl+end", *" <")
        assert editor.text == "> first\nsecond\nthird <"
        await pilot.press("ctrl+shift+home", "delete")
        assert editor.text == ""


async def test_an_outcome_opened_again_types_after_what_it_says(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = OutcomeForm(
            1,
            contact_name="Maria Okafor",
            outcome=Outcome(interview_id=1, kind=OutcomeKind.NO_REFERRAL, learned="QA is a way in"),
        )
        app.push_screen(form)
        # The texts are mounted right after the form's first frame (tui/fill_in.py).
        area = await wait_until(
            lambda: form.is_mounted and not form.filling and form.query_one("#area-learned")
        )
        assert isinstance(area, SafeTextArea)
        area.focus()
        await wait_until(lambda: app.focused is area)
        await burst(pilot, *", so is QC")
        assert area.text == "QA is a way in, so is QC"


async def test_end_and_home_in_a_letter_go_to_the_written_line_not_the_row(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        letter = editor.query_one(DraftText)
        letter.text = f"Dear Maria,\n{LONG_LINE}\nBest"
        await wait_until(lambda: letter.wrapped_document.get_offsets(1))  # it does wrap
        assert letter.cursor_location == (0, 0), "a letter opens at its greeting"
        letter.move_cursor((1, 3))
        await pilot.press("end", "!")
        assert letter.document[1] == LONG_LINE + "!"
        await pilot.press("home", "#")
        assert letter.document[1] == "#" + LONG_LINE + "!"
