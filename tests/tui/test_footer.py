"""The footer follows the focused widget's keys, and rebuilds only when they change."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.widgets.footer import CalmFooter
from tests.conftest import make_app
from tests.waiting import wait_until


def _keys(app) -> set[str]:
    """The keys the footer shows (each key widget carries its key)."""
    footer = app.screen.query_one(CalmFooter)
    return {
        key for widget in footer.query("*") if isinstance(key := getattr(widget, "key", None), str)
    }


async def test_footer_shows_the_focused_keys_and_stays_calm_while_moving(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds: list[str] = []
    recompose = CalmFooter.recompose

    async def counted(self: CalmFooter) -> None:
        rebuilds.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(CalmFooter, "recompose", counted)
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: "n" in _keys(app), what="the contact list's keys")
        # The detail tabs mount a frame after the list; their arrival may change keys.
        await wait_until(lambda: app.screen.detail_mounted.is_set(), what="the detail tabs")
        footer = app.screen.query_one(CalmFooter)
        # Settled: no footer check pending and no rebuild over a few frames.
        settled = -1
        while settled != len(rebuilds) or footer._pending:
            settled = len(rebuilds)
            await pilot.pause()
            await pilot.pause()
        before = len(rebuilds)
        await pilot.press(*["down"] * 8, *["up"] * 4)
        await pilot.pause()
        assert len(rebuilds) == before, "moving the highlight changes no key"
        await pilot.press("r")  # the research note: its own keys
        await wait_until(lambda: "ctrl+t" in _keys(app), what="the note editor's keys")
        await pilot.press("escape")
        await wait_until(lambda: "ctrl+t" not in _keys(app), what="the list's keys again")
        assert len(rebuilds) - before <= 4, rebuilds
