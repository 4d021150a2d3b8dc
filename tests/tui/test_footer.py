"""The footer follows the focused widget's keys, redraws only when they change, and a
change of keys repaints its line without laying out the screen."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.widgets.footer import CalmFooter, FooterKey, fit
from tests.conftest import make_app
from tests.waiting import wait_until


def _keys(app) -> set[str]:
    """The keys the footer shows."""
    return {key.key for key in app.screen.query_one(CalmFooter).keys}


async def test_footer_shows_the_focused_keys_and_stays_calm_while_moving(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    redraws: list[str] = []
    place = CalmFooter._place

    def counted(self: CalmFooter) -> None:
        redraws.append(type(self.screen).__name__)
        place(self)

    monkeypatch.setattr(CalmFooter, "_place", counted)
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: "n" in _keys(app), what="the contact list's keys")
        # The detail tabs mount a frame after the list; their arrival may change keys.
        await wait_until(lambda: app.screen.detail_mounted.is_set(), what="the detail tabs")
        footer = app.screen.query_one(CalmFooter)
        # Settled: no footer check pending and no redraw over a few frames.
        settled = -1
        while settled != len(redraws) or footer._pending:
            settled = len(redraws)
            await pilot.pause()
            await pilot.pause()
        before = len(redraws)
        await pilot.press(*["down"] * 8, *["up"] * 4)
        await pilot.pause()
        assert len(redraws) == before, "moving the highlight changes no key"
        await pilot.press("r")  # the research note: its own keys
        await wait_until(lambda: "ctrl+t" in _keys(app), what="the note editor's keys")
        await pilot.press("escape")
        await wait_until(lambda: "ctrl+t" not in _keys(app), what="the list's keys again")
        assert len(redraws) - before <= 4, redraws


async def test_new_keys_repaint_the_footer_and_lay_out_nothing(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into the filter and back: the keys that type leave the footer and come back, and
    the footer never asks for the screen to be laid out (it has no widgets to mount)."""
    asked: list[str] = []
    refresh = CalmFooter.refresh

    def watched(self: CalmFooter, *regions, layout: bool = False, **kwargs):
        if layout:
            asked.append(", ".join(sorted(key.key for key in self.keys)))
        return refresh(self, *regions, layout=layout, **kwargs)

    monkeypatch.setattr(CalmFooter, "refresh", watched)
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: app.screen.detail_mounted.is_set(), what="the detail tabs")
        await wait_until(lambda: "n" in _keys(app), what="the contact list's keys")
        footer = app.screen.query_one(CalmFooter)
        asked.clear()  # mounting it lays it out once, as any widget
        await pilot.press("slash")
        await wait_until(lambda: "n" not in _keys(app), what="the filter's keys")
        await pilot.press("escape")
        await wait_until(lambda: "n" in _keys(app), what="the list's keys again")
        await pilot.pause()
        assert asked == [] and not footer.children


async def test_a_click_on_a_key_presses_it(demo_store: Store, clock: Clock) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: "a" in _keys(app), what="the contact list's keys")
        footer = app.screen.query_one(CalmFooter)
        agenda = next(place for place in footer.placed if place.key.key == "a")
        await pilot.click(CalmFooter, offset=(agenda.x + 1, 0))
        await wait_until(lambda: type(app.screen).__name__ == "AgendaScreen", what="the agenda")


def _key(key: str, description: str, palette: bool = False) -> FooterKey:
    return FooterKey(key, key, description, f"do_{key}", palette=palette)


def test_keys_turn_compact_then_whole_keys_are_left_out_from_the_end() -> None:
    keys = [_key("f1", "Help"), _key("n", "New"), _key("q", "Quit")]
    palette = _key("^p", "palette", palette=True)
    full = sum(key.width(False) for key in keys) + palette.width(False)
    assert fit([*keys, palette], full) == (False, [*keys, palette])
    compact_width = sum(key.width(True) for key in keys) + palette.width(True)
    assert fit([*keys, palette], compact_width) == (True, [*keys, palette])
    # One cell short: the last key goes, whole; f1 and the palette's key stay.
    assert fit([*keys, palette], compact_width - 1) == (True, [*keys[:2], palette])
    assert fit([*keys, palette], 1) == (True, [keys[0], palette])
