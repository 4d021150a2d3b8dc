"""The method's screens: target employers, a colleague to write to, touches, holidays."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Organization, Status
from coffeechat.models_activity import Draft
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.employers import EmployersScreen, RateEmployer
from coffeechat.tui.screens.text_prompt import TextPrompt
from coffeechat.tui.widgets.contact_pane import ContactPane
from coffeechat.usecases.calendar import load_calendar
from coffeechat.usecases.employers import rate_employer
from coffeechat.usecases.outreach import mark_sent
from tests.conftest import FROZEN_NOW, make_app
from tests.tui.burst import burst
from tests.waiting import wait_until


def _employers(store: Store) -> None:
    for name, org, tags in (
        ("Ana Silva", "Fiocruz", "alumni"),
        ("Ben Osei", "Fiocruz", ""),
        ("Cleo Duarte", "Nova Bio", ""),
        ("Dan Wu", "Lumen Labs", ""),
    ):
        store.contacts.add(Contact(name=name, organization=org, tags=tags))
    for name, motivation, posting in (("Nova Bio", 3, 1), ("Lumen Labs", 3, 3), ("Fiocruz", 2, 3)):
        org_id = store.organizations.find(name)
        rate_employer(store, Organization(name, id=org_id, motivation=motivation, posting=posting))


async def test_ranked_employers_rate_and_show_contacts(store: Store, clock: Clock) -> None:
    _employers(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await burst(pilot, *"Target employers", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EmployersScreen)
        # Motivation first, then Posting, then Advocacy.
        assert [e.organization.name for e in screen.employers] == [
            "Lumen Labs",
            "Nova Bio",
            "Fiocruz",
        ]
        fiocruz = screen.employers[2]
        assert fiocruz.advocacy and fiocruz.known_through == "Ana Silva"
        assert fiocruz.write_next == "Ana Silva"

        # Rate Fiocruz up: motivation 3, posting 3, advocacy from contacts: now first.
        await pilot.press("down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, RateEmployer)
        app.screen.query_one("#field-motivation").value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RateEmployer), "motivation 4 is refused"
        app.screen.query_one("#field-motivation").value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EmployersScreen)
        assert screen.employers[0].organization.name == "Fiocruz"

        # enter: the contact list filtered to the organization.
        await pilot.press("enter")
        await pilot.pause()
        pane = app.screen.query_one(ContactPane)
        assert [r.name for r in pane.contact_list.rows] == ["Ben Osei", "Ana Silva"]


async def test_agenda_names_the_colleague_and_adds_one(store: Store, clock: Clock) -> None:
    maria = store.contacts.add(Contact(name="Maria Okafor", organization="Northbridge"))
    draft = store.drafts.save(Draft(maria.id or 0, "intro_letter", body="20 minutes?"))
    mark_sent(store, draft, maria, FROZEN_NOW.replace(day=11))  # Wednesday: due Monday
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert screen.agenda is not None
        [nudge] = screen.agenda.due_today
        assert nudge.title.endswith("nobody else there yet (n adds a contact)")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-organization").value == "Northbridge"
        app.screen.query_one("#field-name").value = "Daniel Osei"
        # "Referred by" knows every contact here too, not only from the main screen.
        app.screen.query_one("#field-referred_by").value = "maria okafor"
        await pilot.press("ctrl+s")
        await wait_until(lambda: isinstance(app.screen, AgendaScreen))
        [nudge] = screen.agenda.due_today
        assert nudge.title.endswith(": write to Daniel Osei")
        daniel = next(c for c in store.contacts.all() if c.name == "Daniel Osei")
        assert daniel.referred_by == maria.id


async def test_log_touch_and_holiday_country(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="Elena Petrova", status=Status.KEEP_IN_TOUCH))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.action_log_touch()
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await burst(pilot, *"coffee", "enter")
        await pilot.pause()
        [touch] = store.interactions.for_contact(1)
        assert (touch.kind, touch.day, touch.note) == ("touch", "2026-03-16", "coffee")
        elena = store.contacts.get(1)
        assert elena is not None and elena.next_action_date == "2026-06-15"

        app.screen.action_holiday_country()
        await pilot.pause()
        await burst(pilot, *"Narnia", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt), "an unknown country is refused in place"
        app.screen.query_one("#field-value").value = "de"
        await pilot.press("enter")
        await pilot.pause()
        assert load_calendar(store).country == "DE"


async def test_time_zone_in_the_form_planning_and_profile(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="Anna Keller"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#field-time_zone").value = "Zurich"
        form.query_one("#field-keep_in_touch_days").value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm), "a zone that does not exist is refused"
        form.query_one("#field-time_zone").value = "Europe/Zurich"
        await pilot.press("ctrl+s")
        await pilot.pause()
        anna = store.contacts.get(1)
        assert anna is not None
        assert (anna.time_zone, anna.keep_in_touch_days) == ("Europe/Zurich", 30)
        view = app.screen.query_one("#profile")
        profile = "\n".join(strip.text for strip in view.render_lines(view.size.region))
        assert "Europe/Zurich (now Mon " in profile and "every 30 days" in profile

        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#field-when").value = "2026-03-18 09:00"
        await pilot.pause()
        their = str(app.screen.query_one("#their-time").render())
        assert their.startswith("Their time: Wed ") and their.endswith(" in Zurich")


async def test_preparation_is_ticked_in_the_brief(store: Store, clock: Clock) -> None:
    from textual.widgets import SelectionList

    from coffeechat.models import Medium
    from coffeechat.tui.screens.research_screens import BriefScreen
    from coffeechat.usecases.calls import Plan, save_plan

    tom = store.contacts.add(Contact(name="Tom Lindqvist"))
    save_plan(store, tom.id or 0, Plan("2026-03-18T14:00", Medium.VIDEO, 30, ()), FROZEN_NOW)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        steps = app.screen.query_one(SelectionList)
        # A video call: dress and the link are on the list too.
        assert steps.option_count == 6
        steps.focus()
        await pilot.press("space", "down", "space", "down", "space", "space")
        await pilot.pause()
        [interview] = store.interviews.for_contact(tom.id or 0)
        assert store.interviews.prepared(interview.id or 0) == "research,story"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one(SelectionList).selected == ["research", "story"]


def test_a_phone_call_needs_no_dressing_up() -> None:
    from coffeechat.domain.preparation import parse_done, steps_for, stored
    from coffeechat.models import Medium

    assert [s.key for s in steps_for(Medium.PHONE)] == ["research", "story", "questions", "notes"]
    assert len(steps_for(Medium.IN_PERSON)) == 6
    assert parse_done("notes,unknown,research") == {"notes", "research"}
    assert stored(frozenset({"notes", "research"})) == "research,notes"


async def test_their_local_time_in_the_call_header(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.call import CallScreen

    store.contacts.add(
        Contact(name="Anna Keller", phone="+41 44 555 01 02", time_zone="Europe/Zurich")
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        header = str(app.screen.query_one("#call-who").render())
        # 10:30 in UTC (the tests' zone) is 11:30 in Zurich in March.
        assert "☎ +41 44 555 01 02" in header and "their time 11:30 in Zurich" in header


async def test_date_fields_read_what_the_agenda_reads(store: Store, clock: Clock) -> None:
    """tomorrow, +N business days, weekdays: in the contact form as in rescheduling."""
    store.contacts.add(Contact(name="Anna Keller"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        notes = []
        show = app.notify

        def record(message: str, **kwargs) -> None:
            notes.append(message)
            show(message, **kwargs)

        app.notify = record  # type: ignore[method-assign]
        for typed, stored in (
            ("tomorrow", "2026-03-17"),
            ("+3", "2026-03-19"),
            ("fri", "2026-03-20"),
        ):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ContactForm)
            app.screen.query_one("#field-next_action_date").value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.contacts.get(1).next_action_date == stored  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#field-next_action_date").value = "2026-03-21"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Saturday" in note for note in notes), notes
