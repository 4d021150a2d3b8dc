"""The outcome form, the Interviews and Timeline tabs, the referral tree and stats."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, Select, TextArea, Tree

from coffeechat.domain.agenda import DATE_HELP, build_agenda
from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, OutcomeKind, Status
from coffeechat.models_activity import NextStep, Outcome, Referral
from coffeechat.store import Store
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm, ReferralRow
from coffeechat.tui.screens.referral_tree import ReferralTreeScreen
from coffeechat.tui.screens.stats import StatsScreen
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.looking_back import InterviewList, TimelineView
from coffeechat.tui.widgets.research import ResearchPane
from tests.conftest import make_app, seed
from tests.waiting import wait_until


def _held_call(store: Store, contact_id: int) -> int:
    interview = store.interviews.create(contact_id, scheduled_at="2026-03-16T09:00")
    assert interview.id is not None
    store.interviews.start(interview.id, datetime(2026, 3, 16, 9, 0), [])
    store.interviews.end(interview.id, datetime(2026, 3, 16, 9, 28))
    return interview.id


def _maria_first(store: Store) -> Contact:
    """Seed; Maria (next action 2026-03-12) is the first row of the list."""
    return seed(store)[0]


async def _open_form(pilot, app) -> OutcomeForm:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, OutcomeForm)
    return app.screen


def _painted(widget) -> str:
    """The text a widget shows on screen, line by line."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def _fill_referral(row: ReferralRow, **values: str) -> None:
    fields = row.fields()
    for name, value in values.items():
        fields[name].input.value = value


async def test_form_refuses_until_outcome_and_confidence_are_given(
    store: Store, clock: Clock
) -> None:
    maria = _maria_first(store)
    _held_call(store, maria.id)  # type: ignore[arg-type]
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _open_form(pilot, app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#kind-error").has_class("-shown")
        errors = [str(s.render()) for s in form.query(".form-error")]
        assert "↳ Pick a confidence from 1 to 5" in errors
        assert app.focused is form.query_one("#kind", Select)
        form.query_one("#kind", Select).value = OutcomeKind.DEAD_END
        form.query_one("#field-confidence", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "↳ Confidence is a whole number from 1 to 5" in [
            str(s.render()) for s in form.query(".form-error")
        ]
        assert not form.query_one("#kind-error").has_class("-shown")
        assert store.outcomes.for_interview(1) is None


async def test_rows_are_added_and_removed_by_keyboard_and_checked(
    store: Store, clock: Clock
) -> None:
    maria = _maria_first(store)
    _held_call(store, maria.id)  # type: ignore[arg-type]
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _open_form(pilot, app)
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+n")
        await pilot.pause()
        assert len(form.referral_rows()) == 2
        assert len(form.step_rows()) == 1
        assert isinstance(app.focused, Input) and app.focused.parent.parent is form.step_rows()[0]
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert form.step_rows() == []
        second = form.referral_rows()[1]
        second.fields()["name"].input.focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert len(form.referral_rows()) == 1
        # A referral with an email but no name, a bad URL, a step without a date.
        row = form.referral_rows()[0]
        _fill_referral(row, email="someone@example.org", url="not a url")
        await pilot.press("ctrl+n")
        form.step_rows()[0].query_one(".step-text", Input).value = "Read the guidance"
        form.query_one("#kind", Select).value = OutcomeKind.REFERRAL_OFFERED
        form.query_one("#field-confidence", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        errors = [str(s.render()) for s in form.query(".form-error")]
        assert "↳ A referral needs at least a name" in errors
        assert any("web address" in e for e in errors)
        due_error = f"↳ Give the next step a due date ({DATE_HELP})"
        assert due_error in errors
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.outcomes.for_interview(1) is None


async def test_saving_creates_referred_contacts_and_agenda_items(
    store: Store, clock: Clock
) -> None:
    maria = _maria_first(store)
    assert maria.id is not None
    interview_id = _held_call(store, maria.id)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _open_form(pilot, app)
        form.query_one("#kind", Select).value = OutcomeKind.REFERRAL_OFFERED
        form.query_one("#field-confidence", Input).value = "4"
        form.query_one("#area-learned", TextArea).text = "QA is a way in.\nRegulatory too."
        await pilot.press("ctrl+r")
        _fill_referral(form.referral_rows()[0], name="Ada Park", organization="Nova Bio")
        await pilot.press("ctrl+r")
        _fill_referral(form.referral_rows()[1], name="Ben Osei", email="ben@example.org")
        await pilot.press("ctrl+n")
        step = form.step_rows()[0]
        step.query_one(".step-text", Input).value = "Read the FDA guidance"
        step.query_one(".step-due", Input).value = "2026-03-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        outcome = store.outcomes.for_interview(interview_id)
        assert outcome is not None
        assert outcome.learned == "QA is a way in.\nRegulatory too."
        assert outcome.next_steps == (NextStep("Read the FDA guidance", "2026-03-20"),)
        names = {c.name: c for c in store.contacts.all()}
        assert names["Ada Park"].referred_by == maria.id
        assert names["Ben Osei"].status is Status.TO_CONTACT
        rows = {row.name for row in app.screen.query_one(ContactList).rows}
        assert {"Ada Park", "Ben Osei"} <= rows
        agenda = build_agenda(store.followups, clock.today(), clock.now(), 7)
        assert [i.contact_name for i in agenda.thank_yous] == ["Maria Okafor"]
        source = "suggested by Maria Okafor on the call of 2026-03-16"
        assert [i.title for i in agenda.coming_up] == [
            # Each person suggested: a dated next action, the question of the name first.
            # Same day: by family name, Osei before Park.
            f"Ask Maria Okafor if you may use their name, then write to Ben Osei ({source})",
            f"Ask Maria Okafor if you may use their name, then write to Ada Park ({source})",
            "Next step: Read the FDA guidance",
        ]
        # Re-opening shows what was saved; saving again adds nothing.
        form = await _open_form(pilot, app)
        assert [r.fields()["name"].value for r in form.referral_rows()] == ["Ada Park", "Ben Osei"]
        assert form.query_one("#field-confidence", Input).value == "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(store.contacts.all()) == 7
        assert len(store.followups.for_contact(maria.id)) == 2


async def test_ctrl_e_in_a_call_opens_the_outcome_form(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeForm)
        assert "Maria Okafor" in str(app.screen.query_one(".form-title").render())


async def test_interviews_tab_opens_a_past_outcome(store: Store, clock: Clock) -> None:
    maria = _maria_first(store)
    assert maria.id is not None
    interview_id = _held_call(store, maria.id)
    store.outcomes.save(
        Outcome(interview_id, OutcomeKind.NO_REFERRAL, confidence=2), today=date(2026, 3, 16)
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.run_action("show_interviews")
        await pilot.pause()
        interviews = app.screen.query_one(InterviewList)
        assert app.focused is interviews
        line = str(interviews.get_option_at_index(0).prompt)
        assert "no referral · confidence 2/5" in line
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeForm)
        assert app.screen.query_one("#kind", Select).value == OutcomeKind.NO_REFERRAL


async def test_timeline_shows_everything_literally(store: Store, clock: Clock) -> None:
    contacts = seed(store)
    hostile = contacts[3]
    assert hostile.id is not None
    interview_id = _held_call(store, hostile.id)
    store.interviews.add_note(
        interview_id, "[bold]not bold[/]", minute=2, checklist_item_id=None, now=clock.now()
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.reload(keep_id=hostile.id)
        await app.screen.run_action("show_timeline")
        await pilot.pause()
        text = _painted(app.screen.query_one(TimelineView))
        assert "[bold]not bold[/]" in text
        assert text.index("Call ended") < text.index("[bold]not bold")
        # Moving to another contact refreshes the tab.
        app.screen.reload(keep_id=contacts[0].id)
        await pilot.pause()
        assert "Nothing yet" in _painted(app.screen.query_one(TimelineView))


async def test_referral_tree_from_a_contact_and_from_me(store: Store, clock: Clock) -> None:
    maria = _maria_first(store)
    assert maria.id is not None
    interview_id = _held_call(store, maria.id)
    saved = store.outcomes.save(
        Outcome(
            interview_id,
            OutcomeKind.REFERRAL_OFFERED,
            referrals=(Referral("Ada Park"), Referral("Ben Osei")),
        ),
        today=date(2026, 3, 16),
    )
    ada = saved.created[0]
    # A loop made by hand: Maria now "referred by" Ada.
    store.contacts.with_changes(maria.id, referred_by=ada)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.reload(keep_id=ada)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReferralTreeScreen)
        tree = screen.query_one(Tree)
        chain = tree.root.children[0]
        assert str(chain.label) == "Maria Okafor"
        assert str(chain.children[0].label).startswith("Ada Park")
        await pilot.press("m")
        await pilot.pause()
        labels = [str(n.label) for n in tree.root.children]
        assert len(labels) == 1 and labels[0].startswith("Ada Park")
        # Cursor on a person, g goes to them in the list.
        tree.move_cursor(tree.root.children[0])
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.contact is not None and app.screen.contact.id == ada


async def test_stats_and_record_reply(store: Store, clock: Clock) -> None:
    from coffeechat.models_activity import Draft

    maria = _maria_first(store)
    assert maria.id is not None
    draft = store.drafts.save(Draft(maria.id, "intro_letter", body="Hi?"))
    store.drafts.mark_sent(draft, sent_at="2026-03-11T09:00:00")
    interview_id = _held_call(store, maria.id)
    store.outcomes.save(
        Outcome(
            interview_id, OutcomeKind.REFERRAL_OFFERED, confidence=3, referrals=(Referral("A"),)
        ),
        today=date(2026, 3, 16),
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.reload(keep_id=maria.id)
        app.screen.action_record_reply()
        await pilot.pause()
        await pilot.press("enter")  # "Positive: happy to talk" is the first choice
        await pilot.pause()
        assert store.contacts.get(maria.id).replied_on == "2026-03-16"  # type: ignore[union-attr]
        app.screen.action_stats()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.stats.reply_rate == 1.0
        assert screen.stats.labels["booster"] == ["Maria Okafor"]  # Wed → Mon: 3 business days
        plot = str(screen.query_one("#confidence-plot").render())
        assert plot.splitlines()[2] == "3 │█" and plot.splitlines()[1] == "4 │"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_looking_back_commands_are_in_the_palette(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Record outcome", "Referral tree", "Stats", "Timeline", "Record reply"} <= titles


async def test_clicking_the_tabs_fills_them_both_mixins_listening(
    store: Store, clock: Clock
) -> None:
    """Interviews (looking back) and Research each refresh when their tab is chosen:
    the two mixins' tab handlers both run."""
    maria = _maria_first(store)
    assert maria.id is not None
    _held_call(store, maria.id)
    store.notes.save_research(maria.id, "Met at ASCO")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        interviews = app.screen.query_one(InterviewList)
        assert interviews.option_count == 0, "a hidden tab is filled when it is shown"
        tab = app.screen.query_one("#detail Tab#--content-tab-tab-interviews")
        # The tabs mounted after the first frame are placed by the next layout: a
        # click before it would land where the tab is not yet.
        await wait_until(lambda: tab.region.width > 0, what="the tab in place")
        await pilot.click(tab)
        await wait_until(lambda: interviews.option_count == 1, what="the call listed")
        await pilot.click("#detail Tab#--content-tab-tab-research")
        editor = app.screen.query_one(ResearchPane).editor("contact")
        await wait_until(lambda: editor.text == "Met at ASCO", what="Maria's notes loaded")


async def test_may_i_use_your_name_is_asked_per_referral(store: Store, clock: Clock) -> None:
    maria = _maria_first(store)
    assert maria.id is not None
    interview_id = _held_call(store, maria.id)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _open_form(pilot, app)
        form.query_one("#kind", Select).value = OutcomeKind.REFERRAL_OFFERED
        form.query_one("#field-confidence", Input).value = "4"
        await pilot.press("ctrl+r")
        row = form.referral_rows()[0]
        _fill_referral(row, name="Ada Park", organization="Nova Bio")
        row.query_one(".referral-intro", Select).value = "by referrer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        if not isinstance(app.screen, MainScreen):  # "did you ask who else?" is not asked
            await pilot.press("n")
            await pilot.pause()
        outcome = store.outcomes.for_interview(interview_id)
        assert outcome is not None and outcome.referrals[0].introduction == "by referrer"
        titles = [f.title for f in store.followups.for_contact(maria.id, open_only=True)]
        assert "Check in with Maria Okafor about the introduction to Ada Park" in titles
        # Re-opened, the form shows the answer that was given.
        form = await _open_form(pilot, app)
        intro = form.referral_rows()[0].query_one(".referral-intro", Select)
        assert intro.value == "by referrer"
