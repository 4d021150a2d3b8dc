"""Two windows on one file editing the same record: no edit is ever lost.

Two app instances (two Pilot apps, each with its own connection to one database
file) open the same contact form, outcome form, letter and profile. One saves; the
other, opened before that save, saves its own change. Fields only one window changed
take that window's change; text both changed is merged line by line; a field both
changed differently is asked about (keep mine / take theirs), never overwritten
silently. Research notes are walked in tests/tui/test_two_windows.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from textual.widgets import Input, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Outcome
from coffeechat.store import Store
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText, SubjectInput
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.modal import EditConflictScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.profile_form import ProfileForm
from tests.conftest import make_app, seed
from tests.waiting import wait_until


@asynccontextmanager
async def two_windows(db_path: Path, store: Store, clock: Clock) -> AsyncIterator[tuple]:
    other = Store.open(db_path)
    app_a, app_b = make_app(store, clock), make_app(other, clock)
    try:
        async with app_a.run_test(size=(120, 40)) as pilot_a:
            async with app_b.run_test(size=(120, 40)) as pilot_b:
                yield (app_a, pilot_a), (app_b, pilot_b)
    finally:
        other.close()


async def _form(app, pilot, kind):
    screen = await wait_until(lambda: isinstance(app.screen, kind) and app.screen)
    await pilot.pause()
    return screen


def _set(form, field_id: str, value: str) -> None:
    form.query_one(f"#{field_id}", Input).value = value


async def test_contact_form_merges_fields_and_asks_on_a_clash(
    db_path: Path, store: Store, clock: Clock
) -> None:
    maria, *_ = seed(store)
    async with two_windows(db_path, store, clock) as ((app_a, pilot_a), (app_b, pilot_b)):
        await pilot_a.press("enter")  # A opens Maria's form first
        form_a = await _form(app_a, pilot_a, ContactForm)
        await pilot_b.press("enter")
        form_b = await _form(app_b, pilot_b, ContactForm)
        _set(form_b, "field-title", "Staff Engineer")
        await pilot_b.press("ctrl+s")
        await wait_until(lambda: isinstance(app_b.screen, MainScreen))
        # A, opened before B's save, changes another field: both changes are kept.
        _set(form_a, "field-phone", "+46 70 123 45 67")
        await pilot_a.press("ctrl+s")
        await wait_until(lambda: isinstance(app_a.screen, MainScreen))
        saved = store.contacts.get(maria.id)
        assert saved.title == "Staff Engineer" and saved.phone == "+46 70 123 45 67"

        # Both change the title: A is asked, and its answer decides; B's other field stays.
        await pilot_a.press("enter")
        form_a = await _form(app_a, pilot_a, ContactForm)
        await pilot_b.press("enter")
        form_b = await _form(app_b, pilot_b, ContactForm)
        _set(form_b, "field-title", "Director")
        _set(form_b, "field-email", "maria@example.org")
        await pilot_b.press("ctrl+s")
        await wait_until(lambda: isinstance(app_b.screen, MainScreen))
        _set(form_a, "field-title", "Principal Engineer")
        await pilot_a.press("ctrl+s")
        question = await _form(app_a, pilot_a, EditConflictScreen)
        assert [row[0] for row in question.rows] == ["Title"]
        assert store.contacts.get(maria.id).title == "Director"  # nothing written yet
        await pilot_a.press("m")
        await wait_until(lambda: isinstance(app_a.screen, MainScreen))
        saved = store.contacts.get(maria.id)
        assert saved.title == "Principal Engineer"
        assert saved.email == "maria@example.org"

        # The other answer: take theirs.
        await pilot_a.press("enter")
        form_a = await _form(app_a, pilot_a, ContactForm)
        await pilot_b.press("enter")
        form_b = await _form(app_b, pilot_b, ContactForm)
        _set(form_b, "field-title", "VP Engineering")
        await pilot_b.press("ctrl+s")
        # B's form showed the title B saved last, and A has changed it since: B is
        # asked too (its window was not refreshed), and keeps its own.
        await _form(app_b, pilot_b, EditConflictScreen)
        await pilot_b.press("m")
        await wait_until(lambda: isinstance(app_b.screen, MainScreen))
        _set(form_a, "field-title", "CTO")
        await pilot_a.press("ctrl+s")
        await _form(app_a, pilot_a, EditConflictScreen)
        await pilot_a.press("t")
        await wait_until(lambda: isinstance(app_a.screen, MainScreen))
        assert store.contacts.get(maria.id).title == "VP Engineering"


def _held_call(store: Store, contact_id: int) -> int:
    interview = store.interviews.create(contact_id, scheduled_at="2026-03-16T09:00")
    store.interviews.start(interview.id, datetime(2026, 3, 16, 9, 0), [])
    store.interviews.end(interview.id, datetime(2026, 3, 16, 9, 28))
    return interview.id


async def test_outcome_form_keeps_both_windows_texts(
    db_path: Path, store: Store, clock: Clock
) -> None:
    """A Skills save in one window no longer wipes "What I learned" from the other."""
    maria, *_ = seed(store)
    interview_id = _held_call(store, maria.id)
    store.outcomes.save(
        Outcome(interview_id, OutcomeKind.NO_REFERRAL, confidence=3), today=date(2026, 3, 16)
    )
    async with two_windows(db_path, store, clock) as ((app_a, pilot_a), (app_b, pilot_b)):
        app_a.call_later(app_a.open_outcome, interview_id)
        form_a = await _form(app_a, pilot_a, OutcomeForm)
        app_b.call_later(app_b.open_outcome, interview_id)
        form_b = await _form(app_b, pilot_b, OutcomeForm)
        form_b.query_one("#area-skills", TextArea).load_text("SQL and storytelling")
        await pilot_b.press("ctrl+s")
        await _form(app_b, pilot_b, ConfirmScreen)  # "No referral filled in?"
        await pilot_b.press("n")  # saved as it is
        await wait_until(lambda: store.outcomes.for_interview(interview_id).skills)
        form_a.query_one("#area-learned", TextArea).load_text("Data teams hire from support")
        await pilot_a.press("ctrl+s")
        await _form(app_a, pilot_a, ConfirmScreen)
        await pilot_a.press("n")
        await wait_until(lambda: store.outcomes.for_interview(interview_id).learned)
        saved = store.outcomes.for_interview(interview_id)
        assert saved.skills == "SQL and storytelling"
        assert saved.learned == "Data teams hire from support"
        assert saved.kind == OutcomeKind.NO_REFERRAL


async def test_outcome_forms_started_in_two_windows_keep_both(
    db_path: Path, store: Store, clock: Clock
) -> None:
    """No outcome yet when both opened: the second save keeps the first one's texts."""
    maria, *_ = seed(store)
    interview_id = _held_call(store, maria.id)
    async with two_windows(db_path, store, clock) as ((app_a, pilot_a), (app_b, pilot_b)):
        app_a.call_later(app_a.open_outcome, interview_id)
        form_a = await _form(app_a, pilot_a, OutcomeForm)
        app_b.call_later(app_b.open_outcome, interview_id)
        form_b = await _form(app_b, pilot_b, OutcomeForm)
        outcome = Outcome(interview_id, OutcomeKind.DEAD_END, confidence=3)
        # (Each call runs in its own app, as a key would: Textual finds the app of a
        # screen from the running task.)
        app_b.call_later(form_b.finish, replace(outcome, skills="Negotiation"))
        await wait_until(lambda: store.outcomes.for_interview(interview_id))
        app_a.call_later(form_a.finish, replace(outcome, learned="The team is growing"))
        await wait_until(lambda: store.outcomes.for_interview(interview_id).learned)
        saved = store.outcomes.for_interview(interview_id)
        assert (saved.skills, saved.learned) == ("Negotiation", "The team is growing")
        assert len([o for o in [saved] if o]) == 1


async def test_letter_typed_in_two_windows_keeps_both(
    db_path: Path, store: Store, clock: Clock
) -> None:
    seed(store)
    async with two_windows(db_path, store, clock) as ((app_a, pilot_a), (app_b, pilot_b)):
        await pilot_a.press("d")
        editor_a = await _form(app_a, pilot_a, DraftEditor)
        await pilot_b.press("d")
        editor_b = await _form(app_b, pilot_b, DraftEditor)
        letter_b = editor_b.query_one(DraftText)
        opening = letter_b.text.splitlines()[0]  # the stage's letter, as both loaded it
        letter_b.insert("P.S. From B.\n", letter_b.document.end)
        app_b.call_later(editor_b.save_now)
        contact_id, template = editor_b.contact.id, editor_b.template
        await wait_until(lambda: store.drafts.working(contact_id, template))
        letter_a = editor_a.query_one(DraftText)
        letter_a.insert("Opening line from A.\n", (0, 0))
        editor_a.query_one(SubjectInput).value = "Coffee next week?"
        app_a.call_later(editor_a.save_now)
        await wait_until(lambda: "from A" in store.drafts.working(contact_id, template).body)
        draft = store.drafts.working(contact_id, template)
        assert draft.body.startswith(f"Opening line from A.\n{opening}\n")
        assert draft.body.endswith("P.S. From B.\n")
        assert draft.subject == "Coffee next week?"
        await wait_until(lambda: letter_a.text == draft.body)  # A sees B's line too
        # Saving again from either window changes nothing.
        app_a.call_later(editor_a.save_now)
        app_b.call_later(editor_b.save_now)
        await pilot_a.pause()
        await pilot_b.pause()
        assert store.drafts.working(contact_id, template).body == draft.body


async def test_profile_form_merges_fields(db_path: Path, store: Store, clock: Clock) -> None:
    seed(store)
    async with two_windows(db_path, store, clock) as ((app_a, pilot_a), (app_b, pilot_b)):
        app_a.call_later(app_a.action_edit_profile)
        form_a = await _form(app_a, pilot_a, ProfileForm)
        app_b.call_later(app_b.action_edit_profile)
        form_b = await _form(app_b, pilot_b, ProfileForm)
        names_b = list(form_b.fields())
        names_a = names_b[1:]
        form_b.fields()[names_b[0]].input.value = "From B"
        await pilot_b.press("ctrl+s")
        await wait_until(lambda: not isinstance(app_b.screen, ProfileForm))
        form_a.fields()[names_a[0]].input.value = "From A"
        await pilot_a.press("ctrl+s")
        await wait_until(lambda: not isinstance(app_a.screen, ProfileForm))
        from coffeechat.usecases.profile import load_profile

        profile = load_profile(store)
        assert getattr(profile, names_b[0]) == "From B"
        assert getattr(profile, names_a[0]) == "From A"
