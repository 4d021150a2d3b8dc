"""ctrl+f finds what a call, an outcome or a letter holds, and enter opens it there."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import TabbedContent, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Draft, NextStep, Outcome, Question, Referral
from coffeechat.store import Store
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.research_screens import SearchScreen
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.looking_back import InterviewList, TimelineView
from coffeechat.usecases.outcomes import save_outcome
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.waiting import wait_until


def _call(store: Store, contact_id: int, *, held: bool = True) -> int:
    interview = store.interviews.create(contact_id, scheduled_at="2026-03-10T10:00")
    question = Question("What surprised you most in your first year?")
    store.interviews.start(interview.id, datetime(2026, 3, 10, 10, 0), [question])
    item = store.interviews.checklist(interview.id)[0]
    store.interviews.set_answer(item.id, "How much of the job is negotiation")
    for minute in range(30):  # a long log, so the note found must be scrolled to
        store.interviews.add_note(
            interview.id,
            f"filler line {minute}",
            minute=minute,
            checklist_item_id=None,
            now=datetime(2026, 3, 10, 10, minute),
        )
    store.interviews.add_note(
        interview.id,
        "She started at Montréal's Núñez-García lab",
        minute=31,
        checklist_item_id=None,
        now=datetime(2026, 3, 10, 10, 31),
    )
    if held:
        store.interviews.end(interview.id, datetime(2026, 3, 10, 10, 40))
    return interview.id


def _older_call(store: Store, contact_id: int) -> int:
    """A second, earlier call: the jump must pick the right one, not the newest."""
    interview = store.interviews.create(contact_id, scheduled_at="2026-02-01T10:00")
    store.interviews.start(interview.id, datetime(2026, 2, 1, 10, 0), [])
    store.interviews.end(interview.id, datetime(2026, 2, 1, 10, 20))
    return interview.id


def _world(store: Store) -> dict:
    maria, tom, *_ = seed(store)
    call = _call(store, maria.id)
    _older_call(store, maria.id)
    save_outcome(
        store,
        Outcome(
            interview_id=call,
            kind=OutcomeKind.REFERRAL_OFFERED,
            advice="Take the evening course in biostatistics",
            confidence=4,
            next_steps=(
                NextStep("Send the thank-you", "2026-03-11"),
                NextStep("Read the ICH guidelines", "2026-03-20"),
            ),
            referrals=(Referral("Ada Park", organization="Quokka Bio"),),
        ),
        date(2026, 3, 10),
    )
    letter = store.drafts.save(
        Draft(tom.id, "intro_letter", subject="Hello", body="Line one\n\nYour zebrafish work?")
    )
    # After the call's 30-odd notes: far enough down the timeline to need scrolling to.
    store.drafts.mark_sent(letter, sent_at="2026-03-12T09:00:00")
    return {"maria": maria, "tom": tom, "call": call, "letter": letter.id}


async def _search(pilot, words: str) -> None:
    """ctrl+f, the words and enter, all pressed at once (no pause between keys)."""
    await pilot.press("ctrl+f", *words, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _on_tab(app, tab: str) -> bool:
    main = app.screen_stack[0]
    return main.query_one("#detail", TabbedContent).active == tab


async def test_a_call_note_opens_the_call_at_that_note(store: Store, clock: Clock) -> None:
    world = _world(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down")  # another contact highlighted first
        await _search(pilot, "nunez garcia")
        form = await on_top(pilot, OutcomeForm)
        assert form.interview_id == world["call"]
        record = form.query_one("#call-record")
        assert app.focused is record
        found = form.query_one("#call-record-found")
        assert "Núñez-García" in str(found.render())
        await wait_until(lambda: record.scroll_y > 0, what="the note scrolled into view")
        assert found.region.y >= record.region.y and found.region.y < record.region.bottom
        await pilot.press("escape")
        await pilot.pause()
        main = app.screen
        assert main.query_one(ContactList).highlighted_id == world["maria"].id
        assert _on_tab(app, "tab-interviews")
        calls = main.query_one(InterviewList)
        assert calls.current.id == world["call"], "the call found, not the newest"


async def test_an_answer_opens_the_call_record_at_the_answer(store: Store, clock: Clock) -> None:
    world = _world(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "negotiation")
        form = await on_top(pilot, OutcomeForm)
        assert form.interview_id == world["call"]
        assert "negotiation" in str(form.query_one("#call-record-found").render())


async def test_an_outcome_field_opens_the_form_on_that_field(store: Store, clock: Clock) -> None:
    world = _world(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "BIOSTAT")
        form = await on_top(pilot, OutcomeForm)
        assert form.interview_id == world["call"]
        await wait_until(lambda: isinstance(app.focused, TextArea))
        assert app.focused.id == "area-advice"
        assert "biostatistics" in app.focused.text


async def test_a_next_step_and_a_referral_focus_their_rows(store: Store, clock: Clock) -> None:
    _world(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "ICH guidelines")
        await wait_until(lambda: isinstance(app.screen, OutcomeForm))
        await wait_until(lambda: getattr(app.focused, "value", "") == "Read the ICH guidelines")
        await pilot.press("escape")
        await pilot.pause()
        await _search(pilot, "quokka")
        await wait_until(lambda: isinstance(app.screen, OutcomeForm))
        await wait_until(lambda: getattr(app.focused, "value", "") == "Ada Park")


async def test_a_letter_opens_the_timeline_on_it_in_full(store: Store, clock: Clock) -> None:
    world = _world(store)
    _call(store, world["tom"].id)  # a long history before the letter
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "zebrafish")
        main = app.screen
        assert main.query_one(ContactList).highlighted_id == world["tom"].id
        assert _on_tab(app, "tab-timeline")
        assert app.focused is main.query_one("#timeline-scroll")
        timeline = main.query_one(TimelineView)
        shown = "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))
        assert TimelineView.MARK in shown
        assert "Your zebrafish work?" in shown  # the whole letter, past its first line
        scroll = main.query_one("#timeline-scroll")
        await wait_until(lambda: scroll.scroll_y > 0, what="the letter scrolled to")
        lines = [timeline.render_line(y).text for y in range(timeline.size.height)]
        [marked] = [y for y, line in enumerate(lines) if line.lstrip().startswith("▶")]
        top = round(scroll.scroll_y)
        assert top <= marked < top + scroll.scrollable_content_region.height, "on screen"


async def test_a_note_from_a_call_still_going_shows_the_call(
    store: Store, clock: Clock, notices: list[Notice]
) -> None:
    maria, *_ = seed(store)
    call = _call(store, maria.id, held=False)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "montreal")
        assert not isinstance(app.screen, OutcomeForm)
        assert _on_tab(app, "tab-interviews")
        assert app.screen.query_one(InterviewList).current.id == call
        assert any("still going" in n.message for n in notices)


async def test_results_say_what_each_hit_is(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    call = _call(store, maria.id)
    save_outcome(
        store,
        Outcome(interview_id=call, kind=OutcomeKind.DEAD_END, learned="lab work", confidence=2),
        date(2026, 3, 10),
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "ctrl+f", *"lab")
        assert isinstance(app.screen, SearchScreen)
        # Not workers.wait_for_complete(): the search action waits for this screen.
        await wait_until(lambda: app.screen.shown_for == "lab", what="results for 'lab'")
        labels = sorted(hit.label for hit in app.screen.hits)
        assert labels == [
            "Maria Okafor · Call 2026-03-10 · note",
            "Maria Okafor · Outcome of Call 2026-03-10 · learned",
        ]


async def test_hostile_names_and_notes_show_literally(store: Store, clock: Clock) -> None:
    *_, hostile, _ = seed(store)  # "[bold red]Not bold[/] \x1b[31mEsc"
    interview = store.interviews.create(hostile.id, scheduled_at="2026-03-10T10:00")
    store.interviews.start(interview.id, datetime(2026, 3, 10, 10, 0), [])
    store.interviews.add_note(
        interview.id,
        "wombat \x1b]52;c;aGk=\x07 [link=x]here[/link]",
        minute=1,
        checklist_item_id=None,
        now=datetime(2026, 3, 10, 10, 1),
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "ctrl+f", *"wombat")
        await wait_until(lambda: getattr(app.screen, "shown_for", None) == "wombat")
        results = app.screen.query_one("#search-results")
        prompt = results.get_option_at_index(0).prompt
        shown = prompt.plain
        assert "[bold red]Not bold[/] ␛[31mEsc · Call 2026-03-10 · note" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[link=x]here[/link]" in shown


async def test_downs_typed_at_once_walk_the_results_and_enter_opens_the_one_reached(
    store: Store, clock: Clock
) -> None:
    """down, down, enter queued together: the first down moves to the results, the
    second to the second hit, and enter opens that one (not the first, not the words
    submitted)."""
    maria, tom, *_ = seed(store)
    _call(store, maria.id)
    _call(store, tom.id)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "ctrl+f", *"garcia")
        search = await wait_until(
            lambda: (
                isinstance(app.screen, SearchScreen)
                and app.screen.shown_for == "garcia"  # the search of the last letter typed
                and app.screen
            )
        )
        assert len(search.hits) == 2
        second = search.hits[1]
        await burst(pilot, "down", "down", "enter")
        form = await on_top(pilot, OutcomeForm)
        assert form.interview_id == second.interview_id
