"""Notifications never cover the field the user is typing in."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Button, Input, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.app import QUIT_UNSAVED
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.draft_editor import DraftText
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.tui.screens_on_view import open_on, screen_lines
from tests.waiting import wait_until


def _toast_regions(app):
    return [toast.region for toast in app.screen.query("Toast") if toast.region.area]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("field", ["#field-name", "#field-tags", "#field-keep_in_touch_days"])
async def test_a_notification_does_not_cover_the_focused_field(
    store: Store, clock: Clock, size: tuple[int, int], field: str
) -> None:
    """In the contact form, with the focus on a field high, in the middle or low on the
    screen, a four-line warning is drawn clear of that field."""
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm), what="the contact form")
        focused = app.screen.query_one(field, Input)
        focused.focus()
        await pilot.pause()
        app.notify(QUIT_UNSAVED, severity="error")
        regions = await wait_until(lambda: _toast_regions(app), what="the toast")
        await pilot.pause()
        regions = _toast_regions(app)
        assert regions
        for region in regions:
            assert not region.overlaps(focused.region), (region, focused.region)


async def test_a_refused_save_warns_away_from_the_field_to_fix(store: Store, clock: Clock) -> None:
    """Saving with a bad email at 80x24: the focus goes to the email and the warning
    stays clear of it."""
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, ContactForm), what="the contact form")
        app.screen.query_one("#field-name", Input).value = "Ada"
        email = app.screen.query_one("#field-email", Input)
        email.value = "ada@"
        await pilot.press("ctrl+s")
        await wait_until(lambda: _toast_regions(app) and email.has_focus, what="the warning")
        await pilot.pause()
        for region in _toast_regions(app):
            assert not region.overlaps(email.region), (region, email.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_notification_over_the_agenda_leaves_its_first_lines_clear(
    store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """A list as tall as the screen (the agenda) has what matters at its top: messages
    go to the bottom, clear of the first sections."""
    from coffeechat.tui.screens.agenda import AgendaScreen

    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("a")
        await wait_until(lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
        app.notify("Outcome saved; thank-you note on the agenda, 2 new contact(s).")
        await wait_until(lambda: _toast_regions(app), what="the toast")
        await pilot.pause()
        for region in _toast_regions(app):
            assert region.y >= size[1] // 2, f"toast at {region} over the agenda's top"


def _rows_showing(app, texts: list[str], within) -> list:
    """The regions of *within*'s lines that show one of *texts* (cut or whole)."""
    area = within.content_region
    lines = screen_lines(app)
    found = []
    for y in range(area.y, area.bottom):
        line = lines[y][area.x : area.right]
        if any(text[:20] in line for text in texts):
            found.append(Region(area.x, y, area.width, 1))
    return found


async def _notify_and_check(app, pilot, keep_clear: list, what: str) -> None:
    assert keep_clear, f"nothing of {what} on screen: the test proves nothing"
    app.notify("Could not save: the disk is full. Retrying every 5 seconds.", severity="error")
    await wait_until(lambda: _toast_regions(app), what="the toast")
    await pilot.pause()
    for toast in _toast_regions(app):
        for region in keep_clear:
            assert not toast.overlaps(region), f"toast at {toast} over {what} at {region}"


async def test_a_notification_leaves_the_briefs_questions_clear(
    demo_store: Store, clock: Clock
) -> None:
    """The brief scrolled to its prepared questions, at 80x24."""
    app = make_app(demo_store, clock)
    tom = next(c for c in demo_store.contacts.all() if c.name == "Tom Lindqvist")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.screen.reload(keep_id=tom.id)
        await pilot.pause()
        screen = await open_on(pilot, demo_store, "BriefScreen")
        scroll = screen.query_one("#brief-scroll")
        scroll.scroll_end(animate=False)
        await pilot.pause()
        found = demo_store.briefs.for_contact(screen.contact_id)
        assert found is not None
        questions = list(found.questions)
        await _notify_and_check(
            app, pilot, _rows_showing(app, questions, scroll), "the brief's questions"
        )


async def test_a_notification_leaves_the_outcome_forms_notes_and_buttons_clear(
    demo_store: Store, clock: Clock
) -> None:
    """In the outcome form at 80x24, typing in a notes field and with the buttons in view."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_on(pilot, demo_store, "OutcomeForm")
        notes = screen.query(TextArea).first()
        notes.focus()
        await wait_until(lambda: notes.has_focus)
        await pilot.pause()
        buttons = [b.region for b in screen.query(Button) if b.region.area]
        await _notify_and_check(app, pilot, [notes.region, *buttons], "the notes and buttons")


async def test_a_notification_leaves_the_drafts_last_lines_clear(
    demo_store: Store, clock: Clock
) -> None:
    """The cursor at the end of the letter, at 80x24: its last lines stay readable."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_on(pilot, demo_store, "DraftEditor")
        letter = screen.query_one(DraftText)
        letter.move_cursor(letter.document.end)
        await pilot.pause()
        area = letter.content_region
        last = [Region(area.x, y, area.width, 1) for y in range(area.bottom - 3, area.bottom)]
        await _notify_and_check(app, pilot, last, "the letter's last lines")


async def test_a_notice_after_the_screens_are_gone_is_no_crash(
    store: Store, clock: Clock, notices: list[Notice]
) -> None:
    """A worker finishing, or a placing queued by the last notice, can come after the
    app took its screens down on the way out: nothing is left to place toasts on, and
    that is no error (it was a ScreenStackError from the toast placing)."""
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("while running")
        await pilot.pause()
    assert not app.screen_stack, "the screens are gone"
    app.notify("after the screens")
    assert [n.message for n in notices] == ["while running", "after the screens"]
