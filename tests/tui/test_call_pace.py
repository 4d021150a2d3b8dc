"""The call at a real pace: keys queued faster than the app handles them.

Every test here queues its keys at once (:func:`tests.tui.burst.burst`), which is what
a paste or a quick typist on a loaded machine delivers.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from textual import events

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.widgets.call_notes import NoteLog
from coffeechat.tui.widgets.contact_list import ContactList
from tests.conftest import make_app, seed
from tests.tui.burst import burst


@asynccontextmanager
async def _in_a_call(store: Store, clock: Clock, **app_attributes):
    """The app at 120x40 with a call started on the first contact: (app, pilot, screen)."""
    seed(store)
    app = make_app(store, clock)
    for name, value in app_attributes.items():
        setattr(app, name, value)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        yield app, pilot, app.screen


def _notes(store: Store, screen: CallScreen) -> list[str]:
    return [note.text for note in store.interviews.notes(screen.interview_id)]


def _asked(store: Store, screen: CallScreen) -> list[int]:
    items = store.interviews.checklist(screen.interview_id)
    return [n for n, item in enumerate(items, 1) if item.asked]


async def test_a_burst_of_lines_is_that_many_notes(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        await burst(pilot, *"hello world", "enter", "b", "enter", "c", "enter", *"d")
        assert _notes(store, screen) == ["hello world", "b", "c"]
        # Spaces and letters typed: nothing was ticked, no dialog opened.
        assert _asked(store, screen) == []
        assert app.screen is screen
        assert screen.note_input.value == "d"


async def test_words_typed_on_the_checklist_are_a_note(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        screen.checklist.focus()  # a click on a question puts focus there
        await pilot.pause()
        await burst(pilot, text="the salary bands, ask story 0")
        assert screen.note_input.value == "the salary bands, ask story 0"
        assert _asked(store, screen) == []
        assert app.screen is screen  # `s` and `r` typed, no dialog
        assert screen.query_one("#call-side").showing == ""


async def test_going_back_into_the_note_keeps_its_text(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        await burst(pilot, *"hello world", "ctrl+t", "tab", "escape", *" and more", "enter")
        assert _notes(store, screen) == ["hello world and more"]
        assert _asked(store, screen) == [1]  # ctrl+t ticked, typing went on
        assert isinstance(app.focused, type(screen.note_input))
        assert screen.note_input.selected_text == ""


async def test_a_restored_line_is_not_replaced_by_the_first_key(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        store.interviews.save_draft(screen.interview_id, "where was I")
        await app.run_action("screen.leave_call")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CallScreen)
        assert screen.note_input.value == "where was I"
        await burst(pilot, *", yes", "enter")
        assert _notes(store, screen) == ["where was I, yes"]


async def test_answer_then_keys_for_the_note_and_the_checklist(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        await burst(pilot, "tab", *"yes", "enter", "down", "ctrl+t", *"so", "enter")
        items = store.interviews.checklist(screen.interview_id)
        assert items[0].answer == "yes"
        assert _asked(store, screen) == [2]
        assert _notes(store, screen) == ["so"]
        assert app.focused is screen.note_input
        # Extending an answer adds to it; it is never wiped by the first key.
        await burst(pilot, "up", "tab", *" and no", "enter")
        assert store.interviews.checklist(screen.interview_id)[0].answer == "yes and no"


async def test_ctrl_e_makes_the_half_typed_line_the_last_note(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock, open_outcome=lambda interview_id: None) as (
        app,
        pilot,
        screen,
    ):
        await burst(pilot, *"first", "enter", *"half typed", "ctrl+e")
        assert isinstance(app.screen, MainScreen)
        assert _notes(store, screen) == ["first", "half typed"]
        interview = store.interviews.get(screen.interview_id)
        assert (interview.state, interview.draft_note) == ("held", "")


async def test_leaving_keeps_the_half_typed_line_as_the_draft(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        await burst(pilot, *"still typing")
        await app.run_action("screen.leave_call")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        interview = store.interviews.get(screen.interview_id)
        assert (interview.state, interview.draft_note) == ("in progress", "still typing")
        assert _notes(store, screen) == []


async def test_a_pasted_block_is_one_note_per_line(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (_app, pilot, screen):
        await burst(pilot, *"Said: ")
        screen.note_input.post_message(events.Paste("one\ntwo\r\nthree"))
        await pilot.pause()
        assert _notes(store, screen) == ["Said: one", "two"]
        assert screen.note_input.value == "three"
        await burst(pilot, "enter")
        assert _notes(store, screen) == ["Said: one", "two", "three"]


async def test_the_notes_pane_wraps_again_on_resize(store: Store, clock: Clock) -> None:
    async with _in_a_call(store, clock) as (_app, pilot, screen):
        long = "word " * 30
        await burst(pilot, *long.strip(), "enter")
        log = screen.query_one(NoteLog)
        wide = len(log.lines)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        narrow = len(log.lines)
        assert narrow > wide
        assert max(strip.cell_length for strip in log.lines) <= log.size.width
        # Wrapped lines start under the note's text, not under its minute.
        lead = len(" 0′ Q1 ")
        assert all(strip.text[:lead].strip() == "" for strip in log.lines[1:])
        assert log.lines[1].text[lead:].startswith("word")
        text = " ".join("".join(s.text for s in log.lines).split())
        assert text.endswith(long.strip())


async def test_keys_right_after_slash_filter_and_after_enter_move(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await burst(pilot, "slash", *"o", "enter", "j")
        assert screen.pane.filter_input.value == "o"
        assert isinstance(app.focused, ContactList)
        assert app.focused.cursor == 1  # the `j` moved in the filtered list


async def test_quit_right_after_typing_keeps_the_line_as_the_draft(
    store: Store, clock: Clock
) -> None:
    async with _in_a_call(store, clock) as (app, pilot, screen):
        await burst(pilot, *"typed then quit", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    interview = store.interviews.get(screen.interview_id)
    assert (interview.state, interview.draft_note) == ("in progress", "typed then quit")


async def test_ctrl_e_twice_in_a_burst_ends_the_call_once(store: Store, clock: Clock) -> None:
    opened: list[int] = []
    async with _in_a_call(store, clock, open_outcome=opened.append) as (app, pilot, screen):
        await burst(pilot, *"last words", "ctrl+e", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert opened == [screen.interview_id]
    assert _notes(store, screen) == ["last words"]
