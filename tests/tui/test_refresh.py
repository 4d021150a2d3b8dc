"""ctrl+r (palette: Refresh) shows what another instance wrote meanwhile."""

from __future__ import annotations

from pathlib import Path

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.widgets.contact_pane import ContactPane
from tests.conftest import make_app, seed


async def test_refresh_shows_another_instances_writes(
    store: Store, clock: Clock, db_path: Path
) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ContactPane)
        assert pane.border_title == "Contacts 5/5"
        other = Store.open(db_path)
        other.contacts.add(Contact(name="From The Other Window"))
        other.close()
        await pilot.pause()
        assert pane.border_title == "Contacts 5/5", "nothing changes by itself"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert pane.border_title == "Contacts 6/6"
