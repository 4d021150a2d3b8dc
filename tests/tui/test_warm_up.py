"""The warm-up leaves nothing for the screens behind n, i, d, c and ctrl+e to load at
their first opening: no module to import, no default CSS to add to the stylesheet."""

from __future__ import annotations

import sys

from textual.screen import Screen

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui import warm_up
from coffeechat.tui.screens.call import CallScreen
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.draft_editor import DraftEditor
from coffeechat.tui.screens.main import MainScreen
from coffeechat.tui.screens.outcome_form import OutcomeForm
from coffeechat.tui.screens.plan_interview import PlanInterview
from coffeechat.tui.textual_compat import add_default_css
from tests.conftest import make_app, seed
from tests.waiting import wait_until


def test_every_module_it_names_is_imported() -> None:
    warm_up.load()
    names = (*warm_up.MODULES, *warm_up._modules_of(warm_up.WHOLE_PACKAGES))
    assert [name for name in names if name not in sys.modules] == []


async def test_the_five_screens_add_no_css_once_it_has_run(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        add_default_css(app, warm_up.styled_classes())
        sources = set(app.stylesheet.source)
        opened: list[type[Screen]] = []
        for key, screen in (
            ("n", ContactForm),
            ("i", PlanInterview),
            ("d", DraftEditor),
            ("c", CallScreen),
            ("ctrl+e", OutcomeForm),
        ):
            await pilot.press(key)
            await wait_until(lambda screen=screen: isinstance(app.screen, screen))
            opened.append(type(app.screen))
            if key not in ("c", "ctrl+e"):
                await pilot.press("escape")
                await wait_until(lambda: isinstance(app.screen, MainScreen))
        assert opened == [ContactForm, PlanInterview, DraftEditor, CallScreen, OutcomeForm]
        assert set(app.stylesheet.source) - sources == set()
