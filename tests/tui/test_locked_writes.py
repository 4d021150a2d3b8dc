"""A write that finds the database locked by another process waits, and never crashes
the app or loses what was typed.

A second process (a real one: a long import or another window) holds the write lock
while the app saves each kind of writing: a call's note line, a tick, research notes,
a letter, the contact form and the outcome form, and a key action. The app waits a
short while (shortened here so the test need not hold the lock for long), keeps the
text on screen, says once that it is not saved yet, and writes it by itself when the
lock frees. Nothing is lost and the app never stops.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Outcome
from coffeechat.store import Store, StoreBusy
from coffeechat.tui.saving import ACTION_BUSY, BUSY
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.outcome_form import OutcomeForm
from tests.conftest import make_app, seed
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.tui.test_full_disk import recorded
from tests.waiting import wait_until

SHORT_WAIT = 0.3
"""How long the app waits for the lock in these tests before keeping and retrying."""

HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE contacts SET name = name WHERE id = (SELECT min(id) FROM contacts)")
print("locked", flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))  # a long write of its own, then it lets go
else:
    sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


class LockHolder:
    """Another process with an open write transaction on the file, until released."""

    def __init__(self, path: Path, hold_for: float | None = None) -> None:
        for_how_long = [] if hold_for is None else [str(hold_for)]
        self._process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), *for_how_long],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        assert self._process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self._process.poll() is not None:
            return
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("go\n")
        self._process.stdin.flush()
        assert self._process.stdout.readline().strip() == "released"
        self._process.wait(timeout=10)

    def kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)


@pytest.fixture
def locked(db_path: Path) -> Iterator[Callable[[], LockHolder]]:
    holders: list[LockHolder] = []

    def hold() -> LockHolder:
        holder = LockHolder(db_path)
        holders.append(holder)
        return holder

    yield hold
    for holder in holders:
        holder.kill()


@pytest.fixture
def app_on_file(store: Store, clock: Clock):
    seed(store)
    app = make_app(store, clock)
    store.database.wait_for_lock(SHORT_WAIT)
    return app, store


def test_a_write_outside_the_app_waits_then_says_busy(store: Store, locked) -> None:
    """The store itself: a write waits (retrying) and then fails as StoreBusy, one kind
    the screens know, with nothing written; once the lock frees it simply works."""
    seed(store)
    contact = store.contacts.all()[0]
    store.database.wait_for_lock(SHORT_WAIT)
    holder = locked()
    with pytest.raises(StoreBusy):
        store.notes.save_research(contact.id, "while locked")
    assert store.notes.research(contact.id) == ""
    holder.release()
    store.notes.save_research(contact.id, "after")
    assert store.notes.research(contact.id) == "after"


def test_a_writer_waits_for_a_lock_held_longer_than_the_busy_timeout(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own wait gives up (its busy timeout, shortened here); the connection
    tries again with growing pauses, and the write happens once the other writer is done."""
    from coffeechat.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    seed(store)
    contact = store.contacts.all()[0]
    store.database.wait_for_lock(60.0)
    holder = LockHolder(db_path, hold_for=1.0)
    try:
        store.notes.save_research(contact.id, "waited")
    finally:
        holder.kill()
    assert store.notes.research(contact.id) == "waited"


async def test_call_note_tick_and_typing_while_another_process_writes(app_on_file, locked) -> None:
    app, store = app_on_file
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        screen = await wait_until(lambda: isinstance(app.screen, CallScreen) and app.screen)
        messages = recorded(app)
        holder = locked()
        await pilot.press("ctrl+t")
        await burst(pilot, *"said yes", "enter")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert BUSY in messages
        assert screen.note_input.value == ""  # the line is shown in the log, queued
        assert screen.save_failed
        assert store.interviews.notes(screen.interview_id) == []
        await burst(pilot, *"next line")
        holder.release()
        # The tick and the line reach the file by themselves; the next line is the draft.
        await wait_until(lambda: store.interviews.checklist(screen.interview_id)[0].asked)
        await wait_until(lambda: store.interviews.notes(screen.interview_id))
        [note] = store.interviews.notes(screen.interview_id)
        assert note.text == "said yes"
        await wait_until(
            lambda: store.interviews.get(screen.interview_id).draft_note == "next line"
        )


async def test_research_and_letter_typed_while_locked_are_saved_later(app_on_file, locked) -> None:
    app, store = app_on_file
    async with app.run_test(size=(120, 40)) as pilot:
        messages = recorded(app)
        await pilot.press("r")
        area = await wait_until(lambda: isinstance(app.focused, TextArea) and app.focused)
        contact_id = app.screen.contact.id
        holder = locked()
        area.insert("Research typed while an import runs")
        await wait_until(lambda: BUSY in messages)
        await pilot.press("escape", "d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        letter = editor.query_one(DraftText)
        letter.insert("P.S. typed while locked", letter.document.end)
        await wait_until(lambda: editor.save_failed)
        assert messages.count(BUSY) <= 2  # said once per editor, not every retry
        holder.release()
        await wait_until(lambda: not editor.save_failed)
        draft = store.drafts.working(editor.contact.id, editor.template)
        assert draft is not None and draft.body.endswith("P.S. typed while locked")
        await wait_until(
            lambda: store.notes.research(contact_id) == "Research typed while an import runs"
        )
        assert app.is_running


async def test_forms_come_back_filled_and_save_once_the_lock_frees(app_on_file, locked) -> None:
    app, store = app_on_file
    before = len(store.contacts.all())
    async with app.run_test(size=(120, 40)) as pilot:
        messages = recorded(app)
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm))
        app.screen.query_one("#field-name").value = "Grace Hopper"
        holder = locked()
        await pilot.press("ctrl+s")
        await wait_until(lambda: BUSY in messages)
        # Not written: the form stays open with everything typed in it.
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-name").value == "Grace Hopper"
        holder.release()
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, ContactForm))
        assert "Grace Hopper" in [c.name for c in store.contacts.all()]
        assert len(store.contacts.all()) == before + 1

        await pilot.press("c")
        screen = await wait_until(lambda: isinstance(app.screen, CallScreen) and app.screen)
        interview_id = screen.interview_id
        await pilot.press("ctrl+e")
        form = await on_top(pilot, OutcomeForm)
        holder = locked()
        outcome = Outcome(
            interview_id=interview_id,
            kind=OutcomeKind.DEAD_END,
            confidence=3,
            learned="learned while locked",
        )
        form.query_one("#area-learned", TextArea).load_text(outcome.learned)
        form.finish(outcome)  # what ctrl+s does once the form is valid
        await pilot.pause()
        # Not written: the form stays open with everything typed in it.
        assert app.screen is form
        assert form.query_one("#area-learned", TextArea).text == "learned while locked"
        assert store.outcomes.for_interview(interview_id) is None
        holder.release()
        form.finish(outcome)
        await wait_until(lambda: store.outcomes.for_interview(interview_id) is not None)
        assert store.outcomes.for_interview(interview_id).learned == "learned while locked"
        assert app.screen is not form


async def test_a_key_action_while_locked_says_so_and_changes_nothing(app_on_file, locked) -> None:
    app, store = app_on_file
    async with app.run_test(size=(120, 40)) as pilot:
        contact = app.screen.contact
        messages = recorded(app)
        holder = locked()
        await pilot.press("x")  # archive: a key action
        await wait_until(lambda: ACTION_BUSY in messages)
        assert app.is_running
        assert store.contacts.get(contact.id) == contact
        holder.release()
