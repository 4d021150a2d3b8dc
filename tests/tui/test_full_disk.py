"""A full disk is a message, not a crash: the app keeps what was typed on screen,
says so in one line, retries, and saves it once there is space again.

The database lives on a real 2 MB tmpfs that the test fills (tests/small_disk.py):
SQLite meets the kernel's own ENOSPC.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Outcome
from coffeechat.store import Store
from coffeechat.tui.saving import ACTION_NOT_SAVED, DISK_FULL, SAVED_AGAIN
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.outcome_form import OutcomeForm
from tests.conftest import make_app, seed
from tests.small_disk import SmallDisk, small_disk  # noqa: F401  (fixture)
from tests.tui.burst import burst
from tests.waiting import wait_until


@pytest.fixture
def full_store(small_disk: SmallDisk) -> Iterator[tuple[Store, SmallDisk]]:  # noqa: F811
    store = Store.open(small_disk.root / "coffeechat.db")
    seed(store)
    yield store, small_disk
    store.close()


@pytest.fixture
def on_small_disk(full_store: tuple[Store, SmallDisk], clock: Clock):
    """The app on the small disk's database, with its store and the disk."""
    store, disk = full_store
    return make_app(store, clock), store, disk


def fill(store: Store, disk: SmallDisk) -> None:
    """Fill the disk; an emptied log means the next write needs new space."""
    store.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    disk.fill()


def recorded(app) -> list[str]:
    """Every notification the app shows from now on."""
    messages: list[str] = []
    show = app.notify

    def record(message: str, **kwargs) -> None:
        messages.append(message)
        show(message, **kwargs)

    app.notify = record
    return messages


async def test_call_tick_and_note_on_a_full_disk(on_small_disk) -> None:
    app, store, disk = on_small_disk
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CallScreen)
        messages = recorded(app)
        fill(store, disk)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CallScreen)
        assert DISK_FULL in messages
        assert screen.checklist.items[0].asked  # the tick stays on screen
        ticked = [i.asked for i in store.interviews.checklist(screen.interview_id)]
        assert not ticked[0], "not in the file yet"
        # Three lines typed and committed on the full disk: each stays a line of its
        # own (shown in the log, queued), never joined to the next, said once.
        await burst(pilot, *"said yes", "enter", *"then no", "enter", *"then maybe", "enter")
        await wait_until(
            lambda: screen.note_input.value == "" and screen.save_failed,
            what="the three lines committed and queued",
        )
        assert messages.count(DISK_FULL) == 1, messages  # said once for all of them
        assert store.interviews.notes(screen.interview_id) == []
        await burst(pilot, *"half typed")
        disk.free()
        await wait_until(lambda: SAVED_AGAIN in messages, timeout=10)
        # Not said again by the retries that ran until space returned.
        assert messages.count(DISK_FULL) == 1, messages
        # The tick kept on screen reaches the file by itself too.
        await wait_until(
            lambda: store.interviews.checklist(screen.interview_id)[0].asked, timeout=10
        )
        # The lines reach the file by themselves, in order, each whole.
        await wait_until(lambda: len(store.interviews.notes(screen.interview_id)) == 3, timeout=10)
        texts = [note.text for note in store.interviews.notes(screen.interview_id)]
        assert texts == ["said yes", "then no", "then maybe"]
        # The line being typed meanwhile is still the saved draft.
        await wait_until(
            lambda: store.interviews.get(screen.interview_id).draft_note == "half typed", timeout=10
        )
        assert not screen.save_failed


async def test_draft_and_research_keep_their_text_until_space_returns(on_small_disk) -> None:
    app, store, disk = on_small_disk
    async with app.run_test(size=(120, 40)) as pilot:
        messages = recorded(app)
        await pilot.press("r")
        await pilot.pause()
        contact_id = app.screen.contact.id
        area = app.focused
        assert isinstance(area, TextArea)
        fill(store, disk)
        area.insert("Research typed on a full disk")
        await wait_until(lambda: DISK_FULL in messages, what="the research's save refused")
        await pilot.press("escape", "j")  # another contact: the text stays queued
        await pilot.pause()
        assert app.screen.contact.id != contact_id
        await pilot.press("d")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        letter = editor.query_one(DraftText)
        letter.load_text("Dear Tom, a letter on a full disk?")
        letter.insert("!", letter.document.end)
        await wait_until(lambda: editor.save_failed, what="the letter's save refused")
        await pilot.press("escape")  # refuses to close with the letter unsaved
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one(DraftText).text.endswith("full disk?!")
        disk.free()
        await wait_until(lambda: not editor.save_failed, timeout=10)
        draft = store.drafts.working(editor.contact.id, editor.template)
        assert draft is not None and draft.body.endswith("full disk?!")
        await wait_until(
            lambda: store.notes.research(contact_id) == "Research typed on a full disk",
            timeout=10,
        )


async def test_outcome_form_stays_with_everything_typed(on_small_disk) -> None:
    app, store, disk = on_small_disk
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        interview_id = app.screen.interview_id
        await pilot.press("ctrl+e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OutcomeForm)
        messages = recorded(app)
        fill(store, disk)
        outcome = Outcome(
            interview_id=interview_id, kind=OutcomeKind.DEAD_END, confidence=3, learned="a lot"
        )
        form.query_one("#area-learned", TextArea).load_text("a lot")
        form.finish(outcome)  # what ctrl+s does once the form is valid
        await pilot.pause()
        assert DISK_FULL in messages
        # Nothing was written: the form stays open with everything typed in it.
        assert app.screen is form
        assert form.query_one("#area-learned", TextArea).text == "a lot"
        assert store.outcomes.for_interview(interview_id) is None
        disk.free()
        form.finish(outcome)
        await wait_until(lambda: store.outcomes.for_interview(interview_id) is not None, timeout=10)


async def test_quit_with_unsaved_text_asks_twice(on_small_disk) -> None:
    app, store, disk = on_small_disk
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        fill(store, disk)
        assert isinstance(app.focused, TextArea)
        app.focused.insert("unsaved words")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    disk.free()


async def test_status_and_delete_from_dialogs_on_a_full_disk(on_small_disk) -> None:
    app, store, disk = on_small_disk
    async with app.run_test(size=(120, 40)) as pilot:
        contact = app.screen.contact
        messages = recorded(app)
        fill(store, disk)
        await pilot.press("s", "down", "enter")  # the status picker's result callback
        await pilot.pause()
        await pilot.press("delete", "y")  # the confirmation's result callback
        await pilot.pause()
        await pilot.press("x")  # a key action
        await pilot.pause()
        assert app.is_running
        assert messages.count(ACTION_NOT_SAVED) == 3, messages
        disk.free()
        assert store.contacts.get(contact.id) == contact


async def test_contact_form_on_a_full_disk_comes_back_filled(on_small_disk) -> None:
    from coffeechat.tui.screens.contact_form import ContactForm

    app, store, disk = on_small_disk
    before = len(store.contacts.all())
    async with app.run_test(size=(120, 40)) as pilot:
        messages = recorded(app)
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm), timeout=10)
        app.screen.query_one("#field-name").value = "Grace Hopper"
        app.screen.query_one("#field-organization").value = "US Navy"
        fill(store, disk)
        await pilot.press("ctrl+s")
        await wait_until(lambda: DISK_FULL in messages, timeout=10)
        await wait_until(lambda: isinstance(app.screen, ContactForm), timeout=10)
        assert app.is_running
        assert app.screen.query_one("#field-name").value == "Grace Hopper"
        assert app.screen.query_one("#field-organization").value == "US Navy"
        disk.free()
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, ContactForm), timeout=10)
    names = [c.name for c in store.contacts.all()]
    assert len(names) == before + 1 and "Grace Hopper" in names
