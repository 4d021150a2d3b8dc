"""The pipeline rules hold when the user drives them through the screens: the list's
status and date columns follow each step."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.models_activity import Draft
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.plan_interview import PlanInterview
from coffeechat.tui.screens.reply_form import ReplyForm
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.usecases.outreach import mark_sent
from tests.conftest import FROZEN_NOW, make_app
from tests.tui.burst import burst


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
        await burst(pilot, *"Record reply")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplyForm)
        await pilot.press("enter")  # positive
        await pilot.pause()
        assert _row(app) == ("letter sent", "2026-03-16")
        contact = store.contacts.get(maria.id or 0)
        assert contact is not None and contact.next_action == "Schedule the call"
        assert store.followups.for_contact(maria.id or 0, open_only=True) == []


async def test_out_of_office_and_referral_only_through_the_reply_form(
    store: Store, clock: Clock
) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor", organization="Northbridge"))
    draft = store.drafts.save(Draft(maria.id or 0, "intro_letter", body="Twenty minutes?"))
    mark_sent(store, draft, maria, FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.action_record_reply()
        await pilot.pause()
        # Out of office: enter asks for the return date; a bad one is refused in place.
        await burst(pilot, "down", "down", "down", "enter", *"soon", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplyForm)
        assert "YYYY-MM-DD" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#field-back_on").value = "2026-03-30"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReplyForm)
        due = [f.due_date for f in store.followups.for_contact(maria.id or 0, open_only=True)]
        assert due == ["2026-04-02", "2026-04-08"]

        # Referral only: the name is asked for; the person becomes a contact.
        app.screen.action_record_reply()
        await pilot.pause()
        await burst(pilot, "down", "enter", *"Jonah Park", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReplyForm)
        jonah = next(c for c in store.contacts.all() if c.name == "Jonah Park")
        assert jonah.referred_by == maria.id
        assert app.screen.contact.id == jonah.id, "the list moves to the person named"
