"""Letters by purpose, advice acted on and the list's last interaction, in the app."""

from __future__ import annotations

import json
from datetime import date, datetime

from rich.text import Text

from coffeechat import preferences
from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import Draft, Outcome
from coffeechat.store import Store
from coffeechat.tui.screens.advice import AdviceScreen
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.usecases.calls import end_call, start_call
from coffeechat.usecases.followups import complete_followup
from coffeechat.usecases.outcomes import save_outcome
from coffeechat.usecases.outreach import log_touch, mark_sent
from tests.conftest import make_app
from tests.notices import Notice
from tests.palette import run_from_palette
from tests.tui.burst import burst
from tests.tui.screens_on_view import drawn_text
from tests.waiting import wait_until

TELL = "Tell Hannah Berg how it went with Jonah Park"


def _referred_call(store: Store) -> Contact:
    """Hannah referred Jonah; the call two weeks ago gave two pieces of advice, and
    Hannah already heard how the call went (that item is done). Returns Jonah."""
    hannah = store.contacts.add(Contact(name="Hannah Berg", organization="Cascade"))
    jonah = store.contacts.add(Contact(name="Jonah Park", referred_by=hannah.id))
    interview = start_call(store, jonah.id or 0, datetime(2026, 3, 2, 10)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 2, 10, 25))
    advice = "Read the FDA guidance on biomarkers\nJoin the regulatory meetup"
    save_outcome(
        store, Outcome(interview.id or 0, OutcomeKind.NO_REFERRAL, advice=advice), date(2026, 3, 2)
    )
    for item in store.followups.for_contact(hannah.id or 0, open_only=True):
        complete_followup(store, item.id or 0, datetime(2026, 3, 4, 9))
    return jonah


def _agenda_lines(screen: AgendaScreen) -> str:
    options = screen.query_one("#agenda-list")
    return "\n".join(
        str(getattr(option.prompt, "plain", option.prompt)) for option in options.options
    )


async def test_advice_marked_acted_on_puts_tell_the_referrer_on_the_agenda(
    store: Store, clock: Clock
) -> None:
    _referred_call(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"jonah", "enter")
        await run_from_palette(pilot, "Mark advice acted on")
        screen = await wait_until(lambda: isinstance(app.screen, AdviceScreen) and app.screen)
        assert screen.pieces == [
            "Read the FDA guidance on biomarkers",
            "Join the regulatory meetup",
        ]
        await pilot.press("down", "space")
        await wait_until(lambda: "Join the regulatory meetup" in store.advice.acted_on(1))
        assert store.advice.acted_on(1) == {"Join the regulatory meetup": "2026-03-16"}
        await pilot.press("escape", "a")
        agenda = await wait_until(lambda: isinstance(app.screen, AgendaScreen) and app.screen)
        await pilot.pause()
        assert TELL in _agenda_lines(agenda)
        # The update to Hannah names the advice.
        await burst(pilot, "escape", "slash", *"hannah", "enter", "d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        assert editor.template == "referrer_update"
        body = editor.query_one(DraftText).text
        assert "Jonah Park" in body and "Join the regulatory meetup" in body
        assert "with the advice you acted on" in drawn_text(editor.query_one("#checker-body"))


async def test_the_interviews_tab_key_ticks_advice_and_counts_it(
    store: Store, clock: Clock
) -> None:
    _referred_call(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"jonah", "enter")
        await run_from_palette(pilot, "Interviews")
        await pilot.pause()
        await pilot.press("a")
        screen = await wait_until(lambda: isinstance(app.screen, AdviceScreen) and app.screen)
        await pilot.press("enter")  # enter ticks too
        await wait_until(lambda: store.advice.acted_on(1))
        await pilot.press("escape")
        await wait_until(lambda: not isinstance(app.screen, AdviceScreen))
        interviews = app.screen.query_one("InterviewList")
        line = interviews.get_option_at_index(0).prompt
        assert "advice acted on 1/2" in str(getattr(line, "plain", line))
        assert screen.changed
        hannah = store.contacts.get(1)
        assert hannah is not None and hannah.next_action == TELL


async def test_a_contact_without_advice_says_so(
    store: Store, clock: Clock, notices: list[Notice]
) -> None:
    store.contacts.add(Contact(name="Lena Novak"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Mark advice acted on")
        await pilot.pause()
        assert not isinstance(app.screen, AdviceScreen)
        assert any("No advice recorded" in n.message for n in notices)


async def test_the_draft_follows_the_purpose_and_says_which_text(
    store: Store, clock: Clock
) -> None:
    store.contacts.add(
        Contact(
            name="Elena Petrova",
            organization="Rare Voices",
            purpose="patient groups linked to the research",
        )
    )
    store.contacts.add(Contact(name="Zed Quinn", organization="Acme"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"elena", "enter", "d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        assert "links patient groups with research" in editor.query_one(DraftText).text
        checker = drawn_text(editor.query_one("#checker-body"))
        assert "Template: Intro letter for patient groups" in checker
        assert "intro_letter.patient_groups.txt" in checker
        await burst(pilot, "escape", "slash", *"zed", "enter", "d")
        editor = await wait_until(
            lambda: (
                isinstance(app.screen, DraftEditor)
                and app.screen.contact.name == "Zed Quinn"
                and app.screen
            )
        )
        checker = drawn_text(editor.query_one("#checker-body"))
        assert "Template: Intro letter, general" in checker
        assert "intro_letter.txt" in checker


def _rows(contact_list: ContactList) -> list[str]:
    return [
        "".join(segment.text for segment in contact_list.render_line(y))
        for y in range(len(contact_list.rows))
    ]


async def test_the_last_interaction_column_toggles_and_is_remembered(
    store: Store, clock: Clock
) -> None:
    ana = store.contacts.add(
        Contact(name="Ana Beatriz Nascimento-Ferreira", organization="Fiocruz")
    )
    ben = store.contacts.add(Contact(name="Ben Osei", organization="Nova Bio"))
    store.contacts.add(Contact(name="Cleo Duarte", organization="Lumen"))
    draft = store.drafts.save(Draft(ben.id or 0, "intro_letter", body="Hello?"))
    mark_sent(store, draft, ben, datetime(2026, 3, 4, 9))
    log_touch(store, ana.id or 0, date(2026, 3, 16))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        contact_list = app.screen.query_one(ContactList)
        await pilot.pause()
        assert not contact_list.shows_last_interaction()  # 80 columns: off unless asked
        await pilot.press("l")
        await pilot.pause()
        rows = _rows(contact_list)
        by_name = {row.split()[0]: row for row in rows}
        assert by_name["Ana"].rstrip().endswith("today")
        assert by_name["Ben"].rstrip().endswith("12d")
        assert by_name["Cleo"].rstrip().endswith("new")  # no interaction: the cell is blank
        # Names keep their room, cut with an ellipsis; every row still fits its width.
        assert "Ana Beatriz Nas…" in by_name["Ana"]
        assert {len(Text(row).plain) for row in rows} == {
            contact_list.scrollable_content_region.width
        }
    assert json.loads(preferences.preferences_path().read_text())["list_last_interaction"] == "on"
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        contact_list = app.screen.query_one(ContactList)
        await pilot.pause()
        assert contact_list.shows_last_interaction()
        await pilot.press("l")
        await pilot.pause()
        assert not any(row.rstrip().endswith("today") for row in _rows(contact_list))
    assert preferences.load()["list_last_interaction"] == "off"


async def test_a_wide_list_shows_the_last_interaction_unless_turned_off(
    store: Store, clock: Clock
) -> None:
    ana = store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz"))
    log_touch(store, ana.id or 0, date(2026, 2, 2))
    app = make_app(store, clock)
    async with app.run_test(size=(180, 30)) as pilot:
        contact_list = app.screen.query_one(ContactList)
        await pilot.pause()
        assert contact_list.shows_last_interaction()
        (row,) = _rows(contact_list)
        assert row.rstrip().endswith("6w") and "Fiocruz" in row
