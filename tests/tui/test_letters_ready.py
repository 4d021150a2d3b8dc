"""A letter with a blank cannot leave: copy and "Mark sent" refuse with one line naming
the value and where it is filled; a value given while the letter is open fills it."""

from __future__ import annotations

from pathlib import Path

import pyperclip
import pytest

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.store import Store
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.screens.profile_form import ProfileForm
from coffeechat.usecases.outreach import Unfilled, mark_sent
from tests.conftest import make_app
from tests.tui.burst import burst
from tests.waiting import wait_until

MISSING = "${my_name} has no value: fill it in My profile (ctrl+p, My profile), or edit the text."


async def test_copy_and_mark_sent_refuse_a_letter_with_a_blank(
    store: Store, clock: Clock, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyperclip, "determine_clipboard", pyperclip.init_no_clipboard)
    ada = store.contacts.add(Contact(name="Ada Lovelace", status=Status.INTERVIEWED))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = app.screen
        assert isinstance(editor, DraftEditor) and editor.template == "thank_you"
        text = editor.query_one(DraftText).text
        # No call date, no advice, nobody suggested: those sentences are gone.
        assert "${call_date}" not in text and "write to" not in text and "advice" not in text
        assert "${my_name}" in text
        await pilot.press("ctrl+b")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        messages = [n.message for n in app._notifications]
        assert f"Not copied: {MISSING}" in messages
        assert f"Not marked sent: {MISSING}" in messages
        assert app.clipboard == ""
        assert not (isolated_env / "state" / "coffeechat" / "clipboard.txt").exists()
    draft = store.drafts.working(ada.id or 0, "thank_you")
    assert draft is not None and store.drafts.last_sent(ada.id or 0, "thank_you") is None
    # The use case refuses too, whoever calls it.
    with pytest.raises(Unfilled, match=r"\$\{my_name\} has no value"):
        mark_sent(store, draft, ada, clock.now())


async def test_the_open_letter_picks_up_the_profile_at_once(store: Store, clock: Clock) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace", organization="Engines"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        assert "${my_name}" in editor.query_one(DraftText).text
        app.action_edit_profile()
        await wait_until(
            lambda: (
                isinstance(app.screen, ProfileForm)
                and app.focused is not None
                and app.focused.screen is app.screen
            )
        )
        await burst(pilot, text="Grace Hopper")
        await pilot.press("ctrl+s")
        await wait_until(lambda: app.screen is editor)
        await wait_until(lambda: "${my_name}" not in editor.query_one(DraftText).text)
        assert "Grace Hopper" in editor.query_one(DraftText).text
    saved = store.drafts.working(ada.id or 0, "intro_letter")
    assert saved is not None and "Grace Hopper" in saved.body
