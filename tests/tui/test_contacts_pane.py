"""The contact list pane and the contact form, driven through Pilot."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.store import Store
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.contact_pane import ContactPane
from tests.conftest import make_app, seed
from tests.tui.burst import burst
from tests.waiting import wait_until


async def test_empty_database_shows_zero_of_zero(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ContactPane).border_title == "Contacts 0/0"


async def test_filter_as_you_type_updates_title_and_rows(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        assert pane.border_title == "Contacts 5/5"
        await pilot.press("slash", "h", "a", "r", "b")
        assert pane.border_title == "Contacts 1/5"
        assert [r.name for r in pane.contact_list.rows] == ["Tom Lindqvist"]
        await pilot.press("enter")
        assert isinstance(app.focused, ContactList)
        await pilot.press("slash", "ctrl+u", "t", "a", "g", "x")
        assert pane.border_title == "Contacts 0/5"
        await pilot.press("escape")
        assert pane.border_title == "Contacts 5/5"


async def test_filter_matches_tags_and_email(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        pane.filter_input.value = "alumni"
        await pilot.pause()
        assert [r.name for r in pane.contact_list.rows] == ["Maria Okafor"]
        pane.filter_input.value = "tom.lindqvist@"
        await pilot.pause()
        assert [r.name for r in pane.contact_list.rows] == ["Tom Lindqvist"]


async def test_new_contact_by_keyboard(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, ContactForm)
        await burst(pilot, *"Ada", "tab", *"Analyst", "tab", *"Engines", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ContactForm)
        [contact] = store.contacts.all()
        assert (contact.name, contact.title, contact.organization) == ("Ada", "Analyst", "Engines")
        assert app.screen.query_one(ContactPane).border_title == "Contacts 1/1"


async def test_invalid_fields_show_the_reason_and_save_nothing(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#field-name").value = "Ada"
        form.query_one("#field-email").value = "not-an-email"
        form.query_one("#field-next_action_date").value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        shown = " ".join(
            str(field.query_one(".form-error").content)
            for field in form.query("FormField")
            if field.has_class("-has-error")
        )
        assert "Not an email address" in shown
        assert "YYYY-MM-DD" in shown
        assert store.contacts.count() == 0
        assert app.focused is form.query_one("#field-email")


async def test_name_is_required(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert store.contacts.count() == 0


async def test_edit_contact_and_referred_by(store: Store, clock: Clock) -> None:
    first = store.contacts.add(Contact(name="Maria Okafor"))
    second = store.contacts.add(Contact(name="Tom Lindqvist"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        pane.filter_input.value = "tom"
        await pilot.pause()
        pane.contact_list.focus()
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#field-referred_by").value = "maria okafor"
        form.query_one("#field-title").value = "Lead"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.contacts.get(second.id)
        assert saved.referred_by == first.id
        assert saved.title == "Lead"


async def test_unknown_referrer_is_refused(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="Tom"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#field-referred_by").value = "Nobody Known"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert store.contacts.get(1).referred_by is None


async def test_status_archive_and_delete(store: Store, clock: Clock) -> None:
    saved = store.contacts.add(Contact(name="Ada"))
    store.contacts.add(Contact(name="Bob"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        assert pane.contact_list.highlighted_id == saved.id
        await pilot.press("s", "down", "down", "enter")
        await pilot.pause()
        assert store.contacts.get(saved.id).status is Status.FOLLOW_UP_DUE
        await pilot.press("x")
        await pilot.pause()
        assert store.contacts.get(saved.id).archived
        assert pane.border_title == "Contacts 1/1"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert store.contacts.count() == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert [c.name for c in store.contacts.all()] == ["Ada"]
        assert pane.border_title == "Contacts 0/0"


async def test_help_lists_the_focused_panes_keys(store: Store, clock: Clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        from coffeechat.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        titles = [title for _, title, _ in app.screen.rows]
        assert "New contact" in titles
        assert "Filter contacts" in titles
        await pilot.press("escape")
        await pilot.press("slash", "question_mark")
        assert not isinstance(app.screen, HelpScreen), "? in the filter types a character"
        assert app.screen.query_one(ContactPane).filter_input.value == "?"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_palette_command_is_offered(store: Store, clock: Clock) -> None:
    from coffeechat.tui.commands import COMMANDS

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for command in COMMANDS:
            if command.scope in ("app", "contacts"):  # other screens offer their own
                assert command.title in titles


async def test_large_list_paints_first_page_then_loads_the_rest(
    store: Store, clock: Clock, monkeypatch
) -> None:
    from coffeechat.tui.screens.main import MainScreen

    for n in range(30):
        store.contacts.add(Contact(name=f"Person {n:02d}", tags="bulk" if n % 2 else ""))
    monkeypatch.setattr(MainScreen, "FIRST_PAGE", 10)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not pane.rows_pending
        assert len(pane.contact_list.rows) == 30
        assert pane.border_title == "Contacts 30/30"
        pane.filter_input.value = "bulk"
        await pilot.pause()
        assert pane.border_title == "Contacts 15/30"


async def test_a_filter_paints_its_first_matches_then_finds_the_rest(
    store: Store, clock: Clock, monkeypatch
) -> None:
    """A keystroke finds a screenful and paints it; the rest come a slice at a time
    (the count says "+" meanwhile), the highlighted contact stays if it matches, and a
    key typed before the rest are found narrows what was found and what was not."""
    for n in range(200):
        tags = "bulk" if n % 2 else "other"
        store.contacts.add(Contact(name=f"Person {n:03d}", tags=tags))
    monkeypatch.setattr(ContactPane, "SHOWN_FIRST", 4)
    monkeypatch.setattr(ContactPane, "SLICE", 7)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        contacts = pane.contact_list
        contacts.cursor = 41  # Person 041: bulk, past the first screenful
        await pilot.pause()
        shown: list[str] = []
        pane.filter_input.value = "bulk"
        shown.append(pane.border_title)
        await wait_until(lambda: pane.border_title == "Contacts 100/200", what="the rest")
        assert shown[0].endswith("+/200")
        assert [r.name for r in contacts.rows] == [f"Person {n:03d}" for n in range(1, 200, 2)]
        assert contacts.rows[contacts.cursor].name == "Person 041"
        pane.filter_input.value = "other"
        pane.filter_input.value = "other 05"  # typed before the rest of "other" was found
        await wait_until(lambda: pane.border_title == "Contacts 5/200", what="narrowed")
        assert [r.name for r in contacts.rows] == [f"Person 05{n}" for n in range(0, 10, 2)]


async def test_filter_ignores_accents_and_case(store: Store, clock: Clock) -> None:
    store.contacts.add(Contact(name="María Núñez-García", organization="Université de Montréal"))
    store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await burst(pilot, "slash", *"nunez")
        assert [r.name for r in pane.contact_list.rows] == ["María Núñez-García"]
        await burst(pilot, "ctrl+u", *"MONTREAL")
        assert [r.name for r in pane.contact_list.rows] == ["María Núñez-García"]
        await burst(pilot, "ctrl+u", *"garcía univ")
        assert pane.border_title == "Contacts 1/2"


async def test_escape_clears_the_filter_and_the_next_slash_starts_afresh(
    store: Store, clock: Clock
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        await burst(pilot, "slash", *"harb", "escape")
        assert pane.filter_input.value == "" and pane.border_title == "Contacts 5/5"
        assert isinstance(app.focused, ContactList)
        await burst(pilot, "slash", *"tom")
        assert pane.filter_input.value == "tom"


async def test_help_lists_the_screens_own_keys_before_scrolling(store: Store, clock: Clock) -> None:
    from coffeechat.tui.screens.help import HelpScreen, rows_for_bindings

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        rows = rows_for_bindings(app.screen.active_bindings)
        titles = [title for _, title, _ in rows]
        assert "End call" in titles[:12], titles
        generic = [
            i for i, (_, title, _) in enumerate(rows) if "Scroll" in title or "Page" in title
        ]
        ours = [i for i, (_, title, _) in enumerate(rows) if title in ("End call", "Tick")]
        assert not generic or max(ours) < min(generic), titles
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


def test_cut_names_end_with_an_ellipsis() -> None:
    from rich.cells import cell_len

    from coffeechat.tui.widgets.contact_list import fit

    assert fit("Maximilian Alexander von Humboldt", 17) == "Maximilian Alexa…"
    assert fit("Ada", 6) == "Ada   "
    assert fit("李小龍 🐉 Émile", 6) == "李小… "  # wide characters: never past the column
    assert cell_len(fit("李小龍 🐉 Émile", 6)) <= 6


async def test_escape_on_the_list_clears_the_filter_its_hint_names(
    store: Store, clock: Clock
) -> None:

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "slash", *"zzz", "enter")
        pane = app.screen.pane
        assert pane.filter_input.value == "zzz"
        await burst(pilot, "escape")
        assert pane.filter_input.value == ""
        assert len(pane.contact_list.rows) == len(store.contacts.all())
