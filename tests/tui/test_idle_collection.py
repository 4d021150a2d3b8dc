"""While the app runs, full garbage collections wait for a pause; after, they don't."""

from __future__ import annotations

import gc

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.long_lived import NEVER
from tests.conftest import make_app


async def test_the_app_holds_full_collections_while_it_runs_and_gives_them_back(
    store: Store, clock: Clock
) -> None:
    before = gc.get_threshold()
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "k")
        assert gc.get_threshold()[2] == NEVER
    assert gc.get_threshold() == before


async def test_collections_held_for_the_start_up_resume_after_the_first_frame(
    store: Store, clock: Clock
) -> None:
    gc.disable()  # as the command does for a plain start
    try:
        app = make_app(store, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
