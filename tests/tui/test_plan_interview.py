"""Planning an interview: when, medium, length, and a checklist picked from the bank."""

from __future__ import annotations

import time

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.domain.questions import DEFAULT_QUESTIONS
from coffeechat.models import Contact, Medium
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.plan_interview import PickedList, PickList, PlanInterview
from tests.conftest import make_app, seed
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.waiting import wait_until


async def test_plan_then_call_uses_the_planned_checklist(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        contact_id = app.screen.contact.id
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, PlanInterview)
        picked = form.query_one(PickedList)
        assert len(picked.questions) == 10  # the default set for 30 minutes
        form.query_one("#field-when").value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInterview)  # refused, with the reason shown
        assert "YYYY-MM-DD HH:MM" in str(form.query_one(".form-error").render())

        form.query_one("#field-when").value = "2026-03-18 14:30"
        form.query_one("#medium").value = Medium.VIDEO
        form.query_one("#length").value = 15
        picked.questions = picked.questions[:2]
        picked.show_questions()
        picked.focus()
        await pilot.press("down", "shift+up")  # second question first
        bank = form.query_one(PickList)
        bank.focus()
        await pilot.press("end", "space")  # the bank's last question goes last
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PlanInterview)

        [interview] = store.interviews.for_contact(contact_id)
        assert (interview.scheduled_at, interview.medium, interview.length_minutes) == (
            "2026-03-18T14:30",
            Medium.VIDEO,
            15,
        )
        texts = [item.text for item in store.interviews.checklist(interview.id)]
        assert texts == [
            DEFAULT_QUESTIONS[1][1],
            DEFAULT_QUESTIONS[0][1],
            DEFAULT_QUESTIONS[-1][1],
        ]

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert [i.text for i in app.screen.checklist.items] == texts
        assert "15:00" in str(app.screen.query_one("#call-timer").render())


async def test_the_contacts_purpose_suggests_questions_first(store: Store, clock: Clock) -> None:
    from coffeechat.models import Contact

    store.contacts.add(Contact(name="Elena Petrova", purpose="Patient groups"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        contact_id = app.screen.contact.id
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, PlanInterview)
        assert [q.text for q in form.bank[:2]] == [
            "How does your group choose which research to work with?",
            "What do researchers get wrong when they approach patient groups?",
        ]
        form.query_one("#field-when").value = "2026-03-18 14:30"
        form.query_one(PickList).focus()
        await pilot.press("home", "enter", "ctrl+s")
        await pilot.pause()
        [interview] = store.interviews.for_contact(contact_id)
        texts = [item.text for item in store.interviews.checklist(interview.id)]
        assert "How does your group choose which research to work with?" in texts


async def test_when_takes_a_weekday_and_a_time_and_shows_the_date_read(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)  # frozen on Monday 2026-03-16
    async with app.run_test(size=(120, 40)) as pilot:
        contact_id = app.screen.contact.id
        await pilot.press("i")
        form = await on_top(pilot, PlanInterview)
        await wait_until(lambda: app.focused is form.query_one("#field-when"))
        await burst(pilot, *"tue 16:00")
        read = form.query_one("#when-read")
        await wait_until(lambda: read.display and "Tue 2026-03-17 16:00" in str(read.render()))
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, PlanInterview))
        [interview] = store.interviews.for_contact(contact_id)
        assert interview.scheduled_at == "2026-03-17T16:00"


@pytest.mark.parametrize(
    ("machine", "theirs"),
    [("Etc/GMT+12", "Pacific/Kiritimati"), ("Pacific/Kiritimati", "Etc/GMT+12")],
)
async def test_a_when_at_the_calendars_edge_is_refused_not_a_crash(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch, machine: str, theirs: str
) -> None:
    monkeypatch.setenv("TZ", machine)
    time.tzset()
    try:
        far = store.contacts.add(Contact(name="Far Away", time_zone=theirs))
        # Stored before dates were held to sane years: the dialog still opens.
        store.interviews.create(far.id, scheduled_at="9999-12-31T23:59")
        app = make_app(store, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("i")
            form = await on_top(pilot, PlanInterview)
            when = form.query_one("#field-when")
            for typed in ("9999-12-31 23:59", "0001-01-01 00:00"):
                when.value = typed
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert app.screen is form, f"{typed} is refused"
                assert "1900" in str(form.query_one(".form-error").render())
                assert not form.query_one("#when-read").display
                assert str(form.query_one("#their-time").render()) == f"They are in {theirs}"
            when.value = "2026-03-18 09:00"
            await pilot.press("ctrl+s")
            await wait_until(lambda: not isinstance(app.screen, PlanInterview))
        [interview] = store.interviews.for_contact(far.id)
        assert interview.scheduled_at == "2026-03-18T09:00"
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_a_one_off_question_typed_in_the_filter_goes_before_the_referral_question(
    store: Store, clock: Clock
) -> None:

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        contact_id = app.screen.contact.id
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, PlanInterview)
        picked = form.query_one(PickedList)
        bank_count = len(store.questions.all())
        form.query_one("#plan-bank-filter").focus()
        await pilot.pause()
        await burst(pilot, *"What does a grant panel look for?", "enter")
        assert picked.questions[-2].text == "What does a grant panel look for?"
        assert "Who else" in picked.questions[-1].text  # still asked last
        assert form.query_one("#plan-bank-filter").value == ""
        # A bank question added now also goes before the closing question.
        spare = next(q for q in form.shown_bank if not picked.has(q))
        form.query_one(PickList).focus()
        form.query_one(PickList).highlighted = form.shown_bank.index(spare)
        await burst(pilot, "enter")
        assert picked.questions[-2] == spare
        await pilot.press("ctrl+s")
        await pilot.pause()
        [interview] = store.interviews.for_contact(contact_id)
        texts = [item.text for item in store.interviews.checklist(interview.id)]
        assert "What does a grant panel look for?" in texts
        assert len(store.questions.all()) == bank_count  # the bank is left as it was


async def test_shortening_the_call_offers_to_trim_and_ctrl_t_trims(
    store: Store, clock: Clock
) -> None:
    from textual.widgets import Select

    from coffeechat.domain.questions import questions_that_fit

    seed(store)
    app = make_app(store, clock)
    messages: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        form = app.screen
        picked = form.query_one(PickedList)
        assert len(picked.questions) == 10
        length = form.query_one("#length", Select)
        length.focus()
        await pilot.pause()
        original = app.notify
        app.notify = lambda message, **kw: (messages.append(message), original(message, **kw))
        length.value = 15
        await wait_until(lambda: any("ctrl+t" in m for m in messages))
        assert picked.too_long
        await burst(pilot, "ctrl+t")
        assert len(picked.questions) == questions_that_fit(15)
        assert "Who else" in picked.questions[-1].text
        assert not picked.too_long
