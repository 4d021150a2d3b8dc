"""What the caller needs in view: the number to dial, the phase and time left, and a
call left running shown on the main screen."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.research_screens import BriefScreen
from coffeechat.tui.widgets.brief import BriefView
from coffeechat.tui.widgets.contact_list import ContactList
from tests.conftest import make_app

ADA = Contact(
    name="Ada Lovelace",
    organization="Analytical Engines",
    phone="+44 20 7946 0018",
    email="ada@example.org",
)


def _row_text(contact_list: ContactList, index: int) -> str:
    return "".join(segment.text for segment in contact_list.render_line(index))


async def test_the_number_is_in_the_call_header_and_the_brief(store: Store, clock: Clock) -> None:
    store.contacts.add(ADA)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one(BriefView).content)
        brief = console.export_text()
        assert "☎ +44 20 7946 0018" in brief and "✉ ada@example.org" in brief
        await pilot.press("escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        header = str(app.screen.query_one("#call-who", Static).render())
        assert "☎ +44 20 7946 0018" in header and "✉ ada@example.org" in header


async def test_the_phase_line_says_how_long_is_left(store: Store, clock: Clock) -> None:
    store.contacts.add(ADA)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CallScreen)

        def nudge() -> str:
            screen.refresh_timer()
            return str(screen.query_one("#call-nudge", Static).render())

        assert nudge().startswith("Small talk") and nudge().endswith("30 min left")
        clock.advance(10 * 60)
        assert nudge() == "Questions: Ask your questions, listen, take notes · 20 min left"
        clock.advance(15 * 60)
        assert nudge() == "Next steps: Ask who else you should talk to · 5 min left"
        clock.advance(4 * 60 + 30)
        assert nudge() == "Wrap up: Thank them for their time · under a minute left"
        assert screen.query_one("#call-nudge").has_class("-late")


async def test_a_call_left_running_shows_on_the_main_screen(store: Store, clock: Clock) -> None:
    store.contacts.add(ADA)
    store.contacts.add(Contact(name="Grace Murray"))  # files after Lovelace
    app = make_app(store, clock)
    app.open_outcome = lambda interview_id: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        contact_list = main.query_one(ContactList)
        assert "☎" not in _row_text(contact_list, 0)
        assert "call in progress" not in (main.sub_title or "")
        await pilot.press("c")
        await pilot.pause()
        await app.run_action("screen.leave_call")
        await pilot.pause()
        assert app.screen is main
        assert _row_text(contact_list, 0).startswith(" ☎ Ada Lovelace")
        assert "☎" not in _row_text(contact_list, 1)
        assert main.sub_title.startswith("☎ call in progress: Ada Lovelace (c returns)")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "☎" not in _row_text(contact_list, 0)
        assert "call in progress" not in main.sub_title


async def test_an_interrupted_call_shows_at_startup(store: Store, clock: Clock) -> None:
    contact = store.contacts.add(ADA)
    interview = store.interviews.create(contact.id)
    store.interviews.start(interview.id, clock.now(), [])
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        assert "☎ Ada Lovelace" in _row_text(main.query_one(ContactList), 0)
        assert main.sub_title.startswith("☎ call in progress: Ada Lovelace")
