"""At 80 columns the letter keeps most of the width, and text cut to fit says so: the
draft's subject, the plan dialog's filter hint and the profile's email and URL end in
"…" rather than stopping mid-word or folding onto a second line."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftText, SubjectInput
from coffeechat.tui.widgets.profile import ProfileView
from tests.conftest import make_app
from tests.tui.screens_on_view import open_on, screen_lines
from tests.waiting import wait_until

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
LONG_SUBJECT = "A question about your move from the bench to medical affairs, and a longer tail"


def _drawn(app, widget) -> list[str]:
    region = widget.content_region
    return [line[region.x : region.right] for line in screen_lines(app)[region.y : region.bottom]]


@SIZES
async def test_the_letter_gets_most_of_the_width(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_on(pilot, demo_store, "DraftEditor")
        letter = screen.query_one(DraftText).region
        checker = screen.query_one("#checker").region
        assert letter.width >= size[0] * 0.6, (letter, checker)
        assert checker.width >= 24 and checker.right <= size[0]


@SIZES
async def test_a_long_subject_ends_in_an_ellipsis_until_edited(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_on(pilot, demo_store, "DraftEditor")
        subject = screen.query_one(SubjectInput)
        subject.value = LONG_SUBJECT
        await pilot.pause()
        [line] = _drawn(app, subject)
        assert subject.content_region.width < len(LONG_SUBJECT)
        assert line.rstrip().endswith("…"), line
        assert LONG_SUBJECT.startswith(line.rstrip()[:-1].rstrip()), line
        subject.focus()
        await wait_until(lambda: subject.has_focus)
        await pilot.pause()
        [line] = _drawn(app, subject)
        assert "…" not in line, "while it is edited the field scrolls, as any field"


@SIZES
async def test_the_plan_dialogs_filter_hint_is_cut_with_an_ellipsis(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_on(pilot, demo_store, "PlanInterview")
        hint = screen.query_one("#plan-bank-filter")
        [line] = _drawn(app, hint)
        whole = hint.placeholder
        shown = line.rstrip()
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1])), line


async def test_the_profiles_email_and_url_are_cut_with_an_ellipsis(
    demo_store: Store, clock: Clock
) -> None:
    elena = next(c for c in demo_store.contacts.all() if c.name == "Elena Petrova")
    app = make_app(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.reload(keep_id=elena.id)
        profile = app.screen.query_one(ProfileView)
        await wait_until(lambda: any("Elena Petrova" in line for line in _drawn(app, profile)))
        await pilot.pause()
        lines = _drawn(app, profile)
        for label, value in (("Email", elena.email), ("Profile URL", elena.url)):
            [index] = [i for i, line in enumerate(lines) if line.strip().startswith(label)]
            shown = lines[index].strip()[len(label) :].strip()
            assert shown.endswith("…") and value.startswith(shown[:-1]), lines[index]
            assert lines[index + 1][:1] != " ", f"{label} folded onto a second line: {lines}"
