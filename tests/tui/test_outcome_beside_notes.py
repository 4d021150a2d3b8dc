"""The outcome beside the notes: the call's record next to the form, the referral
question asked once, and "how I did" kept and shown in the next brief."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Input, Select, Static, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, OutcomeKind
from coffeechat.store import Store
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.widgets.brief import render_brief
from tests.conftest import make_app
from tests.tui.burst import burst


def _plain(renderable) -> str:
    return renderable.plain if hasattr(renderable, "plain") else str(renderable)


async def _call_then_outcome(pilot, app) -> OutcomeForm:
    """A call with a tick, an answer and two notes, ended with ctrl+e."""
    await pilot.press("c")
    await pilot.pause()
    await burst(pilot, "ctrl+t", "tab", *"CRISPR screens", "enter")
    await burst(pilot, *"Moved to policy in 2019", "enter", *"Ask about the FDA")
    await burst(pilot, "ctrl+e")
    await pilot.pause()
    assert isinstance(app.screen, OutcomeForm)
    return app.screen


def _fill(form: OutcomeForm) -> None:
    form.query_one("#kind", Select).value = OutcomeKind.NO_REFERRAL
    form.query_one("#field-confidence", Input).value = "4"


async def test_the_call_record_stands_beside_the_form_at_120(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="Ada Lovelace"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _call_then_outcome(pilot, app)
        side, record = form.query_one("#outcome-side"), form.query_one("#call-record")
        assert side.display and record.display
        assert record.region.x >= side.region.right  # side by side
        text = _plain(record.query_one(Static).content)
        assert "☑ 1. What trends are you seeing in your field right now?" in text
        assert "↳ CRISPR screens" in text
        assert " 0′ Q1 Moved to policy in 2019" in text
        assert "Ask about the FDA" in text  # the half-typed line became the last note
        await pilot.press("ctrl+l")
        assert not record.display
        await pilot.press("ctrl+l")
        assert record.display


async def test_at_80_columns_ctrl_l_swaps_the_notes_in(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="Ada Lovelace"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _call_then_outcome(pilot, app)
        side, record = form.query_one("#outcome-side"), form.query_one("#call-record")
        assert side.display and not record.display
        before = app.focused
        await pilot.press("ctrl+l")
        assert record.display and not side.display
        assert app.focused is record
        await pilot.press("ctrl+l")
        assert side.display and not record.display
        assert app.focused is before


async def test_saving_without_a_referral_asks_once(store: Store, clock: Clock) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _call_then_outcome(pilot, app)
        _fill(form)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Did you ask who else to talk to?" in _plain(app.screen.query_one(Static).content)
        await pilot.press("y")  # yes: a referral row to fill
        await pilot.pause()
        assert app.screen is form and len(form.referral_rows()) == 1
        assert store.outcomes.for_contact(ada.id) == []
        await pilot.press("ctrl+s")  # the row left blank: saved, not asked again
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [outcome] = store.outcomes.for_contact(ada.id)
        assert outcome.referrals == ()


async def test_answering_no_saves_at_once(store: Store, clock: Clock) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _call_then_outcome(pilot, app)
        _fill(form)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(store.outcomes.for_contact(ada.id)) == 1


async def test_how_i_did_is_kept_and_shown_in_the_next_brief(store: Store, clock: Clock) -> None:
    ada = store.contacts.add(Contact(name="Ada Lovelace"))
    grace = store.contacts.add(Contact(name="Grace Murray"))  # files after Lovelace
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _call_then_outcome(pilot, app)
        _fill(form)
        form.query_one("#area-went_well", TextArea).text = "Listened more than I talked"
        form.query_one("#area-do_differently", TextArea).text = "Ask for names earlier"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    [outcome] = store.outcomes.for_contact(ada.id)
    assert outcome.went_well == "Listened more than I talked"
    assert outcome.do_differently == "Ask for names earlier"
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(render_brief(store, grace.id))
    brief = console.export_text()
    assert "Last time (call with Ada Lovelace, 2026-03-16)" in brief
    assert "Went well: Listened more than I talked" in brief
    assert "Do differently: Ask for names earlier" in brief
