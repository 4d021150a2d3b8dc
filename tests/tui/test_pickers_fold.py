"""Every picker ignores case and accents, as the contact filter does: nunez finds Núñez."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.merge import MergePicker
from coffeechat.tui.screens.plan_interview import PickedList, PlanInterview
from coffeechat.tui.screens.question_bank import BankList, QuestionBankScreen
from coffeechat.tui.screens.research_screens import SearchScreen
from coffeechat.tui.widgets.contact_pane import ContactPane
from tests.conftest import make_app, seed
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.waiting import wait_until

NUNEZ = Contact(name="Núñez-García, Ana", organization="Institut de Montréal")


async def test_referred_by_suggests_and_takes_a_name_typed_without_accents(
    store: Store, clock: Clock
) -> None:
    seed(store)
    ana = store.contacts.add(NUNEZ)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = await on_top(pilot, ContactForm)
        form.query_one("#field-name", Input).value = "Ben Osei"
        referrer = form.query_one("#field-referred_by", Input)
        referrer.focus()
        await burst(pilot, *"NUNEZ")
        await wait_until(lambda: referrer._suggestion == "Núñez-García, Ana")
        await pilot.press("right")  # accepts the suggestion as written
        assert referrer.value == "Núñez-García, Ana"
        organization = form.query_one("#field-organization", Input)
        organization.focus()
        await burst(pilot, *"institut de montr")
        await wait_until(lambda: organization._suggestion == "Institut de Montréal")
        referrer.value = "nunez-garcia, ana"  # typed out in full, no accents: still found
        await pilot.press("ctrl+s")
        await wait_until(lambda: not isinstance(app.screen, ContactForm))
        [ben] = [c for c in store.contacts.all() if c.name == "Ben Osei"]
        assert ben.referred_by == ana.id


async def test_the_merge_picker_folds_what_is_typed(store: Store, clock: Clock) -> None:
    seed(store)
    ana = store.contacts.add(NUNEZ)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "m", *"nunez montreal")  # no pause: typed before the list is read
        picker = await wait_until(lambda: isinstance(app.screen, MergePicker) and app.screen)
        options = picker.query_one(OptionList)
        await wait_until(
            lambda: options.option_count == 1 and options.get_option_at_index(0).id == str(ana.id),
            what="only Núñez-García listed",
        )
        assert picker.query_one(Input).value == "nunez montreal"


async def test_the_question_bank_filters_ignoring_accents(store: Store, clock: Clock) -> None:
    added = store.questions.add("¿Qué cambió en el área de Montréal?", "Trends")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("question_bank")
        bank = await wait_until(lambda: isinstance(app.screen, QuestionBankScreen) and app.screen)
        total = len(await wait_until(lambda: bank.questions))
        await burst(pilot, "slash", *"AREA montreal", "enter")  # no pauses
        assert [q.id for q in bank.questions] == [added.id]
        assert app.focused is bank.query_one(BankList)
        assert bank.query_one("#bank-filter", Input).value == "AREA montreal"
        await pilot.press("slash", "escape")  # clears the filter, back to the list
        assert len(bank.questions) == total
        assert app.focused is bank.query_one(BankList)


async def test_planning_a_call_filters_the_bank_ignoring_accents(
    store: Store, clock: Clock
) -> None:
    seed(store)
    store.questions.add("¿Qué cambió en el área de Montréal?", "Trends")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        plan = await on_top(pilot, PlanInterview)
        plan.query_one("#plan-bank-filter", Input).focus()
        await pilot.pause()
        await burst(pilot, *"montreal", "enter", "enter")  # filter, to the list, add it
        assert [q.text for q in plan.shown_bank] == ["¿Qué cambió en el área de Montréal?"]
        picked = plan.query_one(PickedList).questions
        # Added before the referral question, which is asked last.
        assert picked[-2].text == "¿Qué cambió en el área de Montréal?"


PLAIN = {"soren": "Søren Ærø", "lukasz": "Łukasz Żółć", "dorde": "Đorđe Balašević"}


async def test_every_search_finds_letters_that_are_not_accents(store: Store, clock: Clock) -> None:
    """Søren, Łukasz and Đorđe typed in plain letters: the list's filter, ctrl+f, the
    merge picker and the Referred by completion all find them."""
    seed(store)
    people = {}
    for typed, name in PLAIN.items():
        people[typed] = store.contacts.add(Contact(name=name, organization="Acme"))
        store.notes.save_research(people[typed].id, f"Lunch with {name} in March.")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        for typed, name in PLAIN.items():
            await pilot.press("slash", "ctrl+u", *typed)
            await wait_until(lambda n=name: [r.name for r in pane.contact_list.rows] == [n])
        await pilot.press("escape")
        for typed in PLAIN:
            await pilot.press("ctrl+f", *typed)
            search = await wait_until(lambda: isinstance(app.screen, SearchScreen) and app.screen)
            await wait_until(lambda t=typed, s=search: s.shown_for == t)
            assert [hit.contact_id for hit in search.hits] == [people[typed].id]
            await pilot.press("escape")
            await wait_until(lambda: not isinstance(app.screen, SearchScreen))
        await pilot.press("n")
        form = await on_top(pilot, ContactForm)
        referrer = form.query_one("#field-referred_by", Input)
        referrer.focus()
        await burst(pilot, *"lukasz")
        await wait_until(lambda: referrer._suggestion == "Łukasz Żółć")
        await pilot.press("escape")
        await wait_until(lambda: not isinstance(app.screen, ContactForm))
        current = pane.contact_list.highlighted_id
        typed = next(t for t, person in people.items() if person.id != current)
        await pilot.press("m", *typed)
        picker = await wait_until(lambda: isinstance(app.screen, MergePicker) and app.screen)
        options = picker.query_one(OptionList)
        await wait_until(
            lambda: (
                options.option_count == 1
                and options.get_option_at_index(0).id == str(people[typed].id)
            )
        )
