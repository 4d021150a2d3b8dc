"""The pipeline rules hold when the user drives them through the screens: the list's
status and date columns follow each step."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Draft, Status
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.plan_interview import PlanInterview
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.usecases.outreach import mark_sent
from tests.conftest import FROZEN_NOW, make_app


def _row(app) -> tuple[str, str]:
    contact_list = app.screen.query_one(ContactList)
    row = next(r for r in contact_list.rows if r.id == app.screen.contact.id)
    return row.status, row.next_action_date


async def test_plan_reply_call_and_decline_from_the_keyboard(store: Store, clock: Clock) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor", organization="Northbridge"))
    draft = store.drafts.save(Draft(maria.id or 0, "intro_letter", body="Twenty minutes?"))
    mark_sent(store, draft, maria, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert _row(app) == ("letter sent", "2026-03-19")

        # Planning the call: scheduled, dated by the call.
        await pilot.press("i")
        assert isinstance(app.screen, PlanInterview)
        app.screen.query_one("#field-when").value = "2026-03-18 14:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _row(app) == ("scheduled", "2026-03-18")
        assert store.followups.for_contact(maria.id or 0, open_only=True) == []

        # Holding it: interviewed, the thank-you due the next day is the next action.
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeForm)
        await pilot.press("escape")
        await pilot.pause()
        assert _row(app) == ("interviewed", "2026-03-17")

        # Declined after all (picked by hand): everything closes, the date column empties.
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert store.contacts.get(maria.id or 0).status is Status.DECLINED  # type: ignore[union-attr]
        assert _row(app) == ("declined", "")
        assert store.followups.for_contact(maria.id or 0, open_only=True) == []


async def test_record_reply_from_the_palette_closes_the_nudges(store: Store, clock: Clock) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor", organization="Northbridge"))
    draft = store.drafts.save(Draft(maria.id or 0, "intro_letter", body="Twenty minutes?"))
    mark_sent(store, draft, maria, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Record reply")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert _row(app) == ("letter sent", "2026-03-16")
        contact = store.contacts.get(maria.id or 0)
        assert contact is not None and contact.next_action == "Schedule the call"
        assert store.followups.for_contact(maria.id or 0, open_only=True) == []
