"""The call screen through Pilot: ticks, notes, the draft line, the timer, restore."""

from __future__ import annotations

from textual.widgets import RichLog

from coffeechat.domain.clock import Clock
from coffeechat.domain.questions import REFERRAL_QUESTION
from coffeechat.models import Status
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.widgets.autosave_input import SAVE_EVERY
from tests.conftest import make_app, seed
from tests.tui.burst import burst
from tests.tui.screens_on_view import drawn_text
from tests.waiting import wait_until


def _interview(store: Store, contact_id: int):
    [interview] = store.interviews.for_contact(contact_id)
    return interview


async def _open_call(pilot, app) -> CallScreen:
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CallScreen)
    return app.screen


async def test_c_starts_a_call_with_the_default_set_and_the_note_line_focused(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        assert app.focused is screen.note_input
        # The default set sized to a 30-minute call, the referral question last.
        assert len(screen.checklist.items) == 10
        assert screen.checklist.items[-1].text == REFERRAL_QUESTION
        contact = screen.contact
        interview = _interview(store, contact.id)
        assert interview.state == "in progress"
        assert interview.started_at == "2026-03-16T10:30:00"


async def test_ctrl_t_ticks_and_unticks_on_disk_at_once(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        interview_id = screen.interview_id
        await pilot.press("down", "down", "ctrl+t")
        items = store.interviews.checklist(interview_id)
        assert [i.asked for i in items[:4]] == [False, False, True, False]
        assert screen.query_one("#checklist-pane").border_title == ("Questions 1/10 asked")
        await pilot.press("up", "ctrl+t", "ctrl+t", "down", "ctrl+t")
        items = store.interviews.checklist(interview_id)
        assert [i.asked for i in items[:4]] == [False, False, False, False]


async def test_notes_commit_with_minute_and_question_and_draft_is_saved(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        await pilot.press("down", "down")
        clock.advance(185)
        await burst(pilot, *"Moved from bench", "enter")
        [note] = store.interviews.notes(screen.interview_id)
        assert note.text == "Moved from bench"
        assert note.minute == 3
        assert note.checklist_item_id == screen.checklist.items[2].id
        log = screen.query_one(RichLog)
        assert "Q3 Moved from bench" in "".join(strip.text for strip in log.lines)
        # Typing without enter: saved within the autosave tick, never on the keystroke.
        screen.note_input.value = "half a th"
        assert store.interviews.get(screen.interview_id).draft_note == ""
        await pilot.press("end", "o")
        await wait_until(
            lambda: store.interviews.get(screen.interview_id).draft_note == "half a tho",
            timeout=SAVE_EVERY * 2.5,
        )
        # From the checklist (a click put focus there), typing goes on in the note.
        screen.checklist.focus()
        await pilot.pause()
        await pilot.press("space", "u", "g", "h", "t")
        assert app.focused is screen.note_input
        assert screen.note_input.value == "half a tho ught"
        assert not store.interviews.checklist(screen.interview_id)[2].asked


async def test_answer_note_under_the_highlighted_question(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        await burst(pilot, "down", "tab", *"CRISPR", "enter")
        assert app.focused is screen.note_input
        assert store.interviews.checklist(screen.interview_id)[1].answer == "CRISPR"
        assert screen.checklist.items[1].answer == "CRISPR"
        await pilot.press("down")
        assert screen.answer_input.value == ""
        await pilot.press("up")
        assert screen.answer_input.value == "CRISPR"


async def test_timer_pause_resume_and_phase_nudges(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)

        def shown(selector: str) -> str:
            return str(screen.query_one(selector).render())

        screen.refresh_timer()
        assert "00:00 / 30:00" in shown("#call-timer")
        assert "Small talk" in shown("#call-nudge")
        clock.advance(5 * 60)
        screen.refresh_timer()
        assert "05:00 / 30:00" in shown("#call-timer")
        assert "Questions" in shown("#call-nudge")
        await pilot.press("ctrl+g")
        assert "paused" in shown("#call-timer")
        assert store.interviews.get(screen.interview_id).elapsed_seconds == 300
        clock.advance(10 * 60)  # paused: does not count
        await pilot.press("ctrl+g")
        clock.advance(20 * 60)
        screen.refresh_timer()
        assert "25:00 / 30:00" in shown("#call-timer")
        assert "Ask who else you should talk to" in shown("#call-nudge")
        clock.advance(4 * 60 + 30)
        screen.refresh_timer()
        assert "Thank them for their time" in shown("#call-nudge")


async def test_reopening_a_call_restores_everything(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        interview_id = screen.interview_id
        contact_id = screen.contact.id
        await burst(pilot, "ctrl+t", "down", "tab", *"yes", "enter", *"first", "enter")
        clock.advance(120)
        await burst(pilot, *"second, unfinished")
        screen.note_input.save_now()
        await app.run_action("screen.leave_call")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    # A new app on the same database, as after a crash or a quit.
    clock.advance(60)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.reload(keep_id=contact_id)
        await pilot.pause()
        screen = await _open_call(pilot, app)
        assert screen.interview_id == interview_id
        assert [i.asked for i in screen.checklist.items[:2]] == [True, False]
        assert screen.checklist.highlighted == 1  # the first question not yet asked
        assert screen.answer_input.value == "yes"
        assert screen.note_input.value == "second, unfinished"
        log_text = "".join(strip.text for strip in screen.query_one(RichLog).lines)
        assert "first" in log_text
        assert "03:00 / 30:00" in str(screen.query_one("#call-timer").render())
        assert len(store.interviews.for_contact(contact_id)) == 1


async def test_ctrl_e_ends_the_call_and_hands_over_to_the_outcome(
    store: Store, clock: Clock
) -> None:
    contacts = seed(store)
    app = make_app(store, clock)
    opened: list[int] = []
    app.open_outcome = opened.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        contact = screen.contact
        clock.advance(600)
        await burst(pilot, *"typed then ended")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        interview = store.interviews.get(screen.interview_id)
        assert interview.state == "held"
        assert interview.elapsed_seconds == 600
        assert interview.ended_at == "2026-03-16T10:40:00"
        # The half-typed line became the last note line, not a forgotten draft.
        assert interview.draft_note == ""
        assert [n.text for n in store.interviews.notes(screen.interview_id)] == ["typed then ended"]
        assert opened == [screen.interview_id]
        before = next(c for c in contacts if c.id == contact.id).status
        after = store.contacts.get(contact.id).status
        assert after == (Status.INTERVIEWED if before != Status.KEEP_IN_TOUCH else before)


async def test_call_and_bank_commands_are_in_the_palette_on_their_screens(
    store: Store, clock: Clock
) -> None:
    from coffeechat.tui.commands import COMMANDS

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        on_main = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Start call", "Plan interview", "Question bank"} <= on_main
        await _open_call(pilot, app)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {c.title for c in COMMANDS if c.scope == "call"} <= titles
        await app.run_action("question_bank")
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {c.title for c in COMMANDS if c.scope == "questions"} <= titles


async def test_help_on_the_call_screen_lists_the_call_keys(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.help import HelpScreen

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_call(pilot, app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        titles = [title for _, title, _ in app.screen.rows]
        assert {
            "Tick question",
            "Answer / note",
            "End call",
            "Pause or resume timer",
            "Research beside the call",
            "Search beside the call",
        } <= set(titles)


async def test_research_and_story_show_under_the_notes_and_typing_stays_a_note(
    store: Store, clock: Clock
) -> None:
    from coffeechat.tui.widgets.brief import BriefView, StoryView
    from coffeechat.tui.widgets.call_side import CallSide

    seed(store)
    store.notes.save_story("I left the bench.")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        side = screen.query_one(CallSide)
        assert not side.display or not side.has_class("-shown")
        await burst(pilot, *"ask ", "ctrl+r", *"about salary bands later", "enter")
        assert isinstance(app.screen, CallScreen)  # no dialog: the call stays
        assert side.showing == "research"
        assert side.query_one(BriefView).region.height > 0
        assert app.focused is screen.note_input
        notes = [n.text for n in store.interviews.notes(screen.interview_id)]
        assert notes == ["ask about salary bands later"]
        # The timer and its phase line stay in view beside the research.
        assert screen.query_one("#call-nudge").region.height == 1
        await pilot.press("ctrl+o")
        assert side.showing == "story"
        story = side.query_one(StoryView)
        await wait_until(lambda: "I left the bench." in drawn_text(story))
        await pilot.press("ctrl+o")
        assert side.showing == ""


async def test_ctrl_f_finds_a_note_beside_the_call(store: Store, clock: Clock) -> None:
    from coffeechat.tui.widgets.call_side import CallSide
    from coffeechat.tui.widgets.search_box import SearchBox

    contacts = seed(store)
    store.notes.save_research(contacts[1].id, "Worked on salary bands at Acme.")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        await burst(pilot, "ctrl+f", *"salary")
        box = screen.query_one(CallSide).query_one(SearchBox)
        await wait_until(lambda: box.shown_for == "salary" and box.hits)
        await pilot.press("down")  # into the results, not to the next question
        assert screen.checklist.highlighted == 0
        assert app.focused is box.query_one("#search-results")
        await burst(pilot, "enter", *"noted")
        assert isinstance(app.screen, CallScreen)
        assert app.focused is screen.note_input
        assert screen.note_input.value == "noted"
        assert "salary" in box.hits[0].snippet.lower()


async def test_up_and_down_while_typing_a_note_pick_the_question_it_is_stamped_with(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_call(pilot, app)
        await burst(pilot, *"ab", "down", "down", "up", *"c", "enter")
        [note] = store.interviews.notes(screen.interview_id)
        assert note.text == "abc"
        assert note.checklist_item_id == screen.checklist.items[1].id
        assert app.focused is screen.note_input
