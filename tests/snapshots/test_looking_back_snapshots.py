"""Outcome form (both sizes), referral tree, stats and timeline (frozen clock)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Draft, Outcome, Referral
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.referral_tree import ReferralTreeScreen
from coffeechat.usecases.outcomes import save_outcome
from tests.conftest import make_app, seed
from tests.on_top import on_top, opened_by


def _history(store: Store) -> int:
    """Maria: a letter, a reply, a call with notes, an outcome with two referrals."""
    maria = seed(store)[0]
    assert maria.id is not None
    draft = store.drafts.save(Draft(maria.id, "intro_letter", body="Hi?", subject="Hello"))
    store.drafts.mark_sent(draft, sent_at="2026-03-02T09:00:00")
    store.contacts.with_changes(maria.id, replied_on="2026-03-04")
    interview = store.interviews.create(maria.id, scheduled_at="2026-03-13T14:00")
    assert interview.id is not None
    store.interviews.start(interview.id, datetime(2026, 3, 13, 14), [])
    store.interviews.add_note(
        interview.id,
        "[bold]QA[/] is the way in",
        minute=4,
        checklist_item_id=None,
        now=datetime(2026, 3, 13, 14, 4),
    )
    store.interviews.end(interview.id, datetime(2026, 3, 13, 14, 27))
    saved = save_outcome(
        store,
        Outcome(
            interview.id,
            OutcomeKind.REFERRAL_OFFERED,
            learned="QA and regulatory roles hire PhDs",
            confidence=3,
            referrals=(
                Referral("Ada Park", title="QA Lead", organization="Nova Bio"),
                Referral("Ben Osei", email="ben@example.org"),
            ),
        ),
        date(2026, 3, 13),
    )
    ada = saved.created[0]
    second = store.interviews.create(ada, scheduled_at="2026-03-16T09:00")
    assert second.id is not None
    store.interviews.start(second.id, datetime(2026, 3, 16, 9), [])
    store.interviews.end(second.id, datetime(2026, 3, 16, 9, 20))
    save_outcome(
        store,
        Outcome(
            second.id,
            OutcomeKind.FOLLOW_UP_SCHEDULED,
            confidence=4,
            referrals=(Referral("Cleo Duarte", organization="Nova Bio"),),
        ),
        date(2026, 3, 16),
    )
    return maria.id


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_outcome_form(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """A refused outcome: a next step, a referral whose bad email says why, markup literal."""
    seed(store)

    async def after_call(pilot) -> None:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+e")
        form = await on_top(pilot, OutcomeForm)
        form.query_one("#kind").value = OutcomeKind.REFERRAL_OFFERED
        form.query_one("#field-confidence").value = "4"
        form.query_one("#area-learned").text = "Regulatory affairs hires PhDs"
        await pilot.press("ctrl+n")
        step = form.step_rows()[0]
        step.query_one(".step-text").value = "Read the FDA guidance"
        step.query_one(".step-due").value = "2026-03-20"
        await pilot.press("ctrl+r")
        await pilot.pause()
        form.referral_rows()[0].fields()["name"].input.value = "[red]Ada[/] Park"
        form.referral_rows()[0].fields()["email"].input.value = "not-an-email"
        await pilot.press("ctrl+s")
        for widget in form.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=after_call)


def test_referral_tree_whole_network(snap_compare, store: Store, clock: Clock) -> None:
    """The network under Me: Maria led to Ada Park (who led to Cleo Duarte) and Ben Osei."""
    _history(store)
    assert snap_compare(
        make_app(store, clock),
        terminal_size=(80, 24),
        run_before=opened_by(["t", "m"], ReferralTreeScreen),
    )


def test_stats(snap_compare, store: Store, clock: Clock) -> None:
    """Letters, reply rate, calls, referrals per call, outcomes, confidence bars, labels."""
    _history(store)

    async def open_stats(pilot) -> None:
        pilot.app.screen.action_stats()
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=open_stats)


def test_timeline(snap_compare, store: Store, clock: Clock) -> None:
    """Maria's Timeline: letter, call, note, outcome, thank-you due, in date order."""
    maria_id = _history(store)

    async def open_timeline(pilot) -> None:
        pilot.app.screen.reload(keep_id=maria_id)
        await pilot.app.screen.run_action("show_timeline")
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=(120, 40), run_before=open_timeline)


@pytest.mark.parametrize(
    ("size", "keys"), [((120, 40), ()), ((80, 24), ("ctrl+l",))], ids=["120x40", "80x24-notes"]
)
def test_outcome_form_beside_the_notes(
    snap_compare, store: Store, clock: Clock, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    """The call's ticks, answer and notes beside the form at 120; swapped in by ctrl+l at 80."""
    seed(store)

    async def after_call(pilot) -> None:
        await pilot.press("c")
        screen = await on_top(pilot, CallScreen)
        await pilot.press("ctrl+t", "tab")
        screen.answer_input.value = "Regulatory science, then policy"
        await pilot.press("enter", "down", "ctrl+t")
        for note in ("Moved to policy after a postdoc", "Names: Dr. Chen at the FDA"):
            screen.note_input.value = note
            await pilot.press("enter")
        pilot.app.clock.advance(18 * 60)
        screen.note_input.value = "Read the 2024 guidance"
        await pilot.press("enter", "ctrl+e")
        form = await on_top(pilot, OutcomeForm)
        form.query_one("#kind").value = OutcomeKind.REFERRAL_OFFERED
        form.query_one("#field-confidence").value = "4"
        await pilot.press(*keys)
        for widget in form.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=after_call)
