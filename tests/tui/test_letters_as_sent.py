"""Letters that fit the stage: `d` opens the template the contact's stage calls for,
a referred contact's intro names the referrer, and a copy can carry the subject."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyperclip
import pytest

from coffeechat.domain.clock import Clock
from coffeechat.domain.pipeline import STATUSES
from coffeechat.models import Contact, Medium, OutcomeKind, Status
from coffeechat.models_activity import Draft, Outcome, Profile, Referral
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText, SubjectInput
from coffeechat.usecases.calls import Plan, end_call, save_plan, start_call
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import mark_sent
from coffeechat.usecases.profile import save_profile
from tests.conftest import make_app


async def _template_opened(store: Store, clock: Clock) -> tuple[str, str]:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DraftEditor)
        return app.screen.template, app.screen.query_one(DraftText).text


@pytest.mark.parametrize("status", list(Status))
async def test_d_opens_the_letter_each_stage_calls_for(
    store: Store, clock: Clock, status: Status
) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace", organization="Engines"))
    store.contacts.set_status(ada.id, status)
    template, _ = await _template_opened(store, clock)
    assert template == STATUSES[status].letter


async def test_the_letters_follow_the_contact_along_the_pipeline(
    store: Store, clock: Clock
) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace", organization="Engines"))
    save_profile(store, Profile(name="Grace Hopper"))
    assert (await _template_opened(store, clock))[0] == "intro_letter"

    letter = store.drafts.save(Draft(ada.id, "intro_letter", body="Hello?", subject="Hi"))
    mark_sent(store, letter, ada, datetime(2026, 3, 9, 9, 0))
    # The timeline shows the letter as it was sent: its subject and its words.
    [sent] = [e for e in store.history.timeline(ada.id) if e.kind == "letter"]
    assert sent.text == "Sent intro letter: Hi — “Hello?”"
    template, text = await _template_opened(store, clock)
    assert template == "follow_up_call"
    assert "I wrote to you on Monday, March 9" in text  # the script quotes its date

    plan = Plan("2026-03-13T14:00", Medium.PHONE, 30, ())
    save_plan(store, ada.id, plan, datetime(2026, 3, 10, 9))
    template, text = await _template_opened(store, clock)
    assert template == "call_confirmation" and "call on Friday, March 13" in text

    interview = start_call(store, ada.id, datetime(2026, 3, 13, 14)).interview
    end_call(store, interview.id, datetime(2026, 3, 13, 14, 30))
    assert (await _template_opened(store, clock))[0] == "thank_you"

    # The thank-you draws on the outcome: their advice and the people they suggested.
    save_outcome(
        store,
        Outcome(
            interview.id,
            OutcomeKind.REFERRAL_OFFERED,
            advice="- Take the RAPS course\n- Ask for a shadowing day",
            referrals=(Referral("Sam Lee"), Referral("Dr. Chen")),
        ),
        clock.today(),
    )
    _, text = await _template_opened(store, clock)
    assert "Your advice stays with me:\n- Take the RAPS course.\n- Ask for a shadowing day." in text
    assert "I will write to Sam Lee and Dr. Chen, as you suggested." in text
    store.outcomes.save(
        Outcome(interview.id, OutcomeKind.NO_REFERRAL, advice="take a short contract first…."),
        today=clock.today(),
    )
    _, text = await _template_opened(store, clock)
    assert "Your advice stays with me: “Take a short contract first.”" in text
    assert "${" not in text and "write to" not in text  # nobody suggested: no clause


async def test_a_referred_contacts_intro_names_the_referrer(store: Store, clock: Clock) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor"))
    store.contacts.add(Contact(name="Ada Lovelace", referred_by=maria.id))
    template, text = await _template_opened(store, clock)
    assert template == "intro_letter"
    assert "Maria Okafor suggested I write to you." in text


async def test_copy_draft_with_subject(
    store: Store, clock: Clock, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyperclip, "determine_clipboard", pyperclip.init_no_clipboard)
    store.contacts.add(Contact(name="Ada Lovelace", email="ada@example.org"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        editor.query_one(SubjectInput).value = "A question"
        editor.query_one(DraftText).text = "Would you have 15 minutes?"
        commands = {c.title: c for c in app.get_system_commands(editor)}
        commands["Copy draft with subject"].callback()
        await pilot.pause()
    expected = "To: ada@example.org\nSubject: A question\n\nWould you have 15 minutes?"
    assert app.clipboard == expected
    copied = isolated_env / "state" / "coffeechat" / "clipboard.txt"
    assert copied.read_text(encoding="utf-8") == expected
