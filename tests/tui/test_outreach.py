"""The draft editor and the agenda, driven through Pilot."""

from __future__ import annotations

from pathlib import Path

import pyperclip
import pytest

from coffeechat.domain.clock import Clock
from coffeechat.models import Status
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.profile_form import ProfileForm
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.tui.screens_on_view import drawn_text
from tests.waiting import wait_until


def _profile(store: Store) -> None:
    store.settings.set("profile.name", "Ada Byron")
    store.settings.set("profile.background", "a postdoc in cell biology")


async def test_draft_from_template_checker_autosave_and_mark_sent(
    store: Store, clock: Clock, isolated_env: Path
) -> None:
    seed(store)
    _profile(store)
    maria_id = store.contacts.rows()[0].id  # soonest next action: Maria
    store.contacts.set_status(maria_id, Status.TO_CONTACT)  # the stage of an intro letter
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        text_area = editor.query_one(DraftText)
        assert text_area.text.startswith("Dear Maria,")
        assert "Wednesday, March 25" in text_area.text
        assert editor.query_one("#checker").border_subtitle == "ready"
        # The user's copy of the template now exists and can be edited.
        assert (isolated_env / "config" / "coffeechat" / "templates" / "intro_letter.txt").exists()
        # Loading the template wrote nothing; typing autosaves after the pause.
        assert store.drafts.working(maria_id, "intro_letter") is None
        text_area.text = text_area.text + "\nPS: any job openings?"
        await wait_until(
            lambda: (
                (saved := store.drafts.working(maria_id, "intro_letter")) is not None
                and saved.body.endswith("job openings?")
            ),
            timeout=20,
        )
        assert editor.query_one("#checker").border_subtitle == "needs work"
        assert "job" in drawn_text(editor.query_one("#checker-body"))
        text_area.text = text_area.text.replace("\nPS: any job openings?", "")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, DraftEditor)
    contact = store.contacts.get(maria_id)
    assert contact is not None and contact.status is Status.LETTER_SENT
    sent = store.drafts.last_sent(maria_id, "intro_letter")
    assert sent is not None and "job" not in sent.body
    assert sent.sent_at.startswith("2026-03-16T10:30")
    due = {f.kind: f.due_date for f in store.followups.for_contact(maria_id)}
    assert due == {"second_person": "2026-03-19", "follow_up": "2026-03-25"}


async def test_quit_flushes_typing_within_the_debounce(store: Store, clock: Clock) -> None:
    seed(store)
    maria_id = store.contacts.rows()[0].id
    store.contacts.set_status(maria_id, Status.TO_CONTACT)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        app.screen.query_one(DraftText).text = "Only this?"
        await pilot.press("ctrl+q")
    saved = store.drafts.working(maria_id, "intro_letter")
    assert saved is not None and saved.body == "Only this?"


async def test_switching_templates_keeps_each_draft(store: Store, clock: Clock) -> None:
    seed(store)
    maria_id = store.contacts.rows()[0].id
    store.contacts.set_status(maria_id, Status.TO_CONTACT)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        editor.query_one(DraftText).text = "My intro?"
        editor.switch_template("thank_you")
        assert editor.query_one(DraftText).text.startswith("Dear Maria,\n\nThank you")
        editor.switch_template("intro_letter")
        assert editor.query_one(DraftText).text == "My intro?"
        # Missing profile values are shown as warnings, never a crash.
        editor.switch_template("referral_request")
        assert "has no value yet" in drawn_text(editor.query_one("#checker-body"))
    assert store.drafts.working(maria_id, "intro_letter").body == "My intro?"


async def test_copy_without_a_clipboard_says_where_it_went(
    store: Store,
    clock: Clock,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    notices: list[Notice],
) -> None:
    monkeypatch.setattr(pyperclip, "determine_clipboard", pyperclip.init_no_clipboard)
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        app.screen.query_one(DraftText).text = "Copy me?"
        await pilot.press("ctrl+b")
        await pilot.pause()
        messages = [n.message for n in notices]
    assert any("OSC 52" in m and "clipboard.txt" in m for m in messages), messages
    assert app.clipboard == "Copy me?"
    copied = isolated_env / "state" / "coffeechat" / "clipboard.txt"
    assert copied.read_text(encoding="utf-8") == "Copy me?"


async def test_agenda_done_snooze_reschedule(store: Store, clock: Clock) -> None:
    contacts = seed(store)
    from coffeechat.models_activity import FollowUp

    store.followups.add(FollowUp(contacts[0].id, "follow_up", "2026-03-13", title="Call Maria"))
    store.followups.add(FollowUp(contacts[1].id, "second_person", "2026-03-16", title="Ask Sam"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert [i.title for i in screen.agenda.overdue] == ["Call Maria"]
        # The 3B7 nudge says who to write to next there (nobody yet, here).
        assert [i.title for i in screen.agenda.due_today] == [
            "Ask Sam: nobody else there yet (n adds a contact)"
        ]
        await pilot.pause()
        await pilot.press("z")  # overdue Friday item snoozes to Tuesday (today + 1)
        assert [i.when for i in screen.agenda.coming_up] == ["2026-03-17"]
        await pilot.press("r")
        app.screen.query_one("#field-day").value = "+3"
        await pilot.press("enter")
        await pilot.pause()
        assert [i.when for i in screen.agenda.coming_up] == ["2026-03-19"]
        await pilot.press("up", "up", "up", "space")  # "Ask Sam" under Due today
        await pilot.pause()
        assert screen.agenda.due_today == []
        await pilot.press("escape")
        assert not isinstance(app.screen, AgendaScreen)


async def test_my_profile_from_the_palette_action(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("edit_profile")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        app.screen.query_one("#field-name").value = "Ada Byron"
        app.screen.query_one("#field-email").value = "ada@example.org"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.settings.get("profile.name") == "Ada Byron"
    assert store.settings.get("profile.email") == "ada@example.org"


async def test_palette_offers_draft_and_agenda_commands(store: Store, clock: Clock) -> None:
    from coffeechat.tui.commands import COMMANDS

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        main_titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Draft email", "Agenda", "My profile"} <= main_titles
        await pilot.press("d")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for command in COMMANDS:
            if command.scope == "draft":
                assert command.title in titles
        assert {"Copy draft to clipboard", "Mark draft as sent"} <= titles
        await pilot.press("escape", "a")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {c.title for c in COMMANDS if c.scope == "agenda"} <= titles


async def test_a_huge_paste_is_checked_off_the_ui_thread(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = app.screen
        editor.query_one(DraftText).text = "Tell me about the job market? " * 40_000
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert editor.query_one("#checker").border_subtitle == "needs work"
        assert "“job”" in drawn_text(editor.query_one("#checker-body"))
