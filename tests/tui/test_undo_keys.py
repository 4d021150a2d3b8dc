"""Undo from the key and from the notification: an agenda item done, a status changed,
a contact archived, a call started and ended by mistake."""

from __future__ import annotations

from textual.widgets._toast import Toast

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.confirm import ConfirmScreen
from tests.conftest import make_app, seed
from tests.tui.screens_on_view import screen_lines
from tests.waiting import wait_until


def _open_titles(store: Store, contact_id: int) -> list[str]:
    return [f.title for f in store.followups.for_contact(contact_id, open_only=True)]


def _maria_overdue(store: Store) -> int:
    """The sample contacts, Maria with a follow-up overdue since the Friday before."""
    maria = seed(store)[0].id or 0
    store.followups.add(FollowUp(maria, "follow_up", "2026-03-13", title="Call Maria"))
    return maria


def _ada_to_call(store: Store) -> int:
    """Ada, a letter sent, with a call to make on the agenda."""
    ada = store.contacts.add(Contact(name="Ada Lovelace", status=Status.LETTER_SENT)).id or 0
    store.followups.add(FollowUp(ada, "follow_up", "2026-03-20", title="Call Ada"))
    return ada


def _ada_as_before_the_call(store: Store, ada: int) -> None:
    assert store.interviews.for_contact(ada) == []
    assert store.contacts.status_of(ada) is Status.LETTER_SENT
    assert _open_titles(store, ada) == ["Call Ada"]


async def test_a_done_item_comes_back_with_the_undo_key(store: Store, clock: Clock) -> None:
    maria = _maria_overdue(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        await pilot.pause()
        await pilot.press("space")
        await wait_until(lambda: screen.agenda.overdue == [])
        assert "Call Maria" not in _open_titles(store, maria)
        toasts = [n.message for n in app._notifications]
        assert any("Done: Call Maria" in m and "Undo (ctrl+z)" in m for m in toasts), toasts
        await pilot.press("ctrl+z")
        await wait_until(lambda: [i.title for i in screen.agenda.overdue] == ["Call Maria"])
        assert "Call Maria" in _open_titles(store, maria)
        assert "Undone: Done: Call Maria" in [n.message for n in app._notifications]
        # Once undone there is nothing left to undo.
        await pilot.press("ctrl+z")
        assert "Nothing to undo." in [n.message for n in app._notifications]


async def test_the_notification_undoes_a_status_change(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        highlighted = app.screen.contact
        assert highlighted is not None and highlighted.id is not None
        maria, before = highlighted.id, highlighted
        await pilot.press("s")
        await wait_until(lambda: app.screen.is_modal)
        picker = app.screen
        await pilot.press("end", "enter")  # the last status: declined
        await wait_until(lambda: app.screen is not picker)
        assert store.contacts.status_of(maria) is Status.DECLINED
        toast = await wait_until(lambda: next(iter(app.screen.query(Toast)), None))
        # A click on the toast's "Undo" runs it: find the word where it is drawn.
        await wait_until(lambda: toast.region.area)
        lines = screen_lines(app)
        [(y, x)] = [
            (row, line.index("Undo (")) for row, line in enumerate(lines) if "Undo (" in line
        ]
        await pilot.click(offset=(x + 1, y))
        await wait_until(lambda: store.contacts.status_of(maria) is before.status)
    after = store.contacts.get(maria)
    assert after is not None and before is not None
    assert (after.status, after.next_action) == (before.status, before.next_action)


async def _discard_from_the_call_screen(app, pilot) -> None:
    await pilot.press("c")
    await wait_until(lambda: isinstance(app.screen, CallScreen))
    await app.run_action("discard_call", app.screen)
    await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await wait_until(lambda: not isinstance(app.screen, (CallScreen, ConfirmScreen)))


async def test_a_call_started_by_mistake_is_discarded(store: Store, clock: Clock) -> None:
    ada = _ada_to_call(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _discard_from_the_call_screen(app, pilot)
    _ada_as_before_the_call(store, ada)


async def test_a_call_picked_up_from_an_earlier_session_is_discarded_to_before_it(
    store: Store, clock: Clock
) -> None:
    ada = _ada_to_call(store)
    first = make_app(store, clock)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await wait_until(lambda: isinstance(first.screen, CallScreen))
    # The app quit with the call running; opened again, c picks the call up.
    [call] = store.interviews.for_contact(ada)
    assert call.state == "in progress"
    again = make_app(store, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await _discard_from_the_call_screen(again, pilot)
    _ada_as_before_the_call(store, ada)


async def test_a_call_ended_by_mistake_is_running_again(store: Store, clock: Clock) -> None:
    ada = _ada_to_call(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await wait_until(lambda: isinstance(app.screen, CallScreen))
        await pilot.press("ctrl+e")
        await wait_until(lambda: store.contacts.status_of(ada) is Status.INTERVIEWED)
        await pilot.press("escape")  # no outcome now
        await wait_until(lambda: not app.screen.is_modal)
        await pilot.press("ctrl+z")
        await wait_until(lambda: store.contacts.status_of(ada) is Status.LETTER_SENT)
        [call] = store.interviews.for_contact(ada)
        assert call.state == "in progress"
        assert _open_titles(store, ada) == ["Call Ada"]  # no thank-you due
        # Back to the call, then discarded whole.
        await _discard_from_the_call_screen(app, pilot)
    assert store.interviews.for_contact(ada) == []


async def test_the_reschedule_dialog_names_its_item_and_undo_moves_it_back(
    store: Store, clock: Clock
) -> None:
    _maria_overdue(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await wait_until(lambda: isinstance(app.screen, AgendaScreen))
        agenda = app.screen
        await pilot.pause()
        await pilot.press("r")
        await wait_until(lambda: app.screen.is_modal)
        assert "Reschedule: Maria Okafor — Call Maria" in "\n".join(screen_lines(app))
        app.screen.query_one("#field-day").value = "2026-03-25"
        await pilot.press("enter")
        await wait_until(lambda: app.screen is agenda)
        await wait_until(lambda: [i.when for i in agenda.agenda.overdue] == [])
        await pilot.press("ctrl+z")
        await wait_until(lambda: [i.when for i in agenda.agenda.overdue] == ["2026-03-13"])
