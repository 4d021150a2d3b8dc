"""What the user sees: the draft editor with its checker, and the agenda."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import Status
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from coffeechat.tui.screens.agenda import AgendaScreen
from coffeechat.tui.screens.draft_editor import DraftEditor
from tests.conftest import make_app, seed
from tests.on_top import on_top, opened_by

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
def test_draft_editor(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Maria's intro letter filled from the profile; every checker line passes."""
    maria = seed(store)[0]
    store.contacts.set_status(maria.id, Status.TO_CONTACT)  # the stage of the intro letter
    store.settings.set("profile.name", "Ada Byron")
    store.settings.set("profile.background", "a postdoc in cell biology")
    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=_open_draft)


async def _open_draft(pilot) -> None:
    """Open the draft with the cursor held still (a blink mid-capture changes the image)."""
    await pilot.press("d")
    await on_top(pilot, DraftEditor)
    for text_area in pilot.app.screen.query(TextArea):
        text_area.cursor_blink = False
    await pilot.pause()


@SIZES
def test_agenda(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """One follow-up overdue, one today (hostile name literal), one coming, one call."""
    contacts = seed(store)
    store.followups.add(FollowUp(contacts[0].id, "follow_up", "2026-03-12", title="Follow up"))
    store.followups.add(
        FollowUp(contacts[3].id, "second_person", "2026-03-16", title="Reach a second person")
    )
    store.followups.add(FollowUp(contacts[4].id, "follow_up", "2026-03-20", title="Send article"))
    store.database.conn.execute(
        "INSERT INTO interviews(contact_id, scheduled_at) VALUES (?, '2026-03-18T14:00')",
        (contacts[1].id,),
    )
    assert snap_compare(
        make_app(store, clock), terminal_size=size, run_before=opened_by(["a"], AgendaScreen)
    )
