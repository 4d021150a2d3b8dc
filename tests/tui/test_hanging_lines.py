"""Wrapped lines hang under their own text, never back at column 0, and no word is cut
in two: the agenda, the Interviews and Timeline tabs and help, at 80x24 and 120x40."""

from __future__ import annotations

import re
import textwrap

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.domain.timeline import KIND_LABELS
from coffeechat.store import Store
from coffeechat.tui.screens.help import GUIDE, HelpScreen
from coffeechat.tui.widgets.looking_back import InterviewList, TimelineView
from tests.conftest import make_app
from tests.tui.screens_on_view import open_on, screen_lines
from tests.waiting import wait_until

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
DATE = re.compile(r"\d{4}-\d\d-\d\d")
TIME = re.compile(r"\d\d:\d\d")
LEAD = re.compile(r"\d{4}-\d\d-\d\d( \d\d:\d\d)? +")


def _lines(widget) -> list[str]:
    """*widget*'s lines as drawn, all of them (scrolled into view or not)."""
    lines = [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    return textwrap.dedent("\n".join(lines)).splitlines()  # without the widget's padding


def _region_lines(app, widget) -> list[str]:
    """The terminal's lines inside *widget*'s content region, from its left edge."""
    region = widget.content_region
    return [line[region.x : region.right] for line in screen_lines(app)[region.y : region.bottom]]


def _hangs(line: str, text_column: int) -> bool:
    """Whether *line* continues a row: blank (or a time) up to *text_column*, text there."""
    head, rest = line[:text_column], line[text_column:]
    lead = head.strip()
    if TIME.fullmatch(line.strip()):
        return True  # the time under its date, beside a one-line text
    return (not lead or bool(TIME.fullmatch(lead))) and rest[:1] not in ("", " ")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _contact_id(store: Store, name: str) -> int:
    return next(c.id for c in store.contacts.all() if c.name == name and c.id is not None)


@SIZES
async def test_agenda_items_wrap_under_their_text(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """Each line of the agenda is a heading, an item (its day first) or the rest of an
    item, which starts where that item's text started."""
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_on(pilot, demo_store, "AgendaScreen")
        options = screen.query_one("#agenda-list")
        headings = tuple(title for title, _items in screen.agenda.sections())
        text_column = None
        wrapped = 0
        for line in _region_lines(app, options):
            if not line.strip() or line.startswith(headings) or "nothing" in line:
                continue
            if DATE.search(line[:20]):  # an item's first line: its day, then its text
                assert line.startswith("  "), line
                day_end = line.index(")") + 1
                text_column = day_end + _indent(line[day_end:])
                continue
            assert text_column is not None, line
            wrapped += 1
            assert _indent(line) == text_column, f"not under its text: {line!r}"
        assert text_column is not None
        if size == (80, 24):
            assert wrapped, "nothing wrapped at 80 columns: the test proves nothing"


@SIZES
async def test_interviews_wrap_under_their_text(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        main = app.screen
        main.reload(keep_id=_contact_id(demo_store, "Hannah Berg"))
        await main.run_action("show_interviews")
        interviews = await wait_until(
            lambda: main.query_one(InterviewList).option_count and main.query_one(InterviewList)
        )
        await pilot.pause()
        lines = [line for line in _region_lines(app, interviews) if line.strip()]
        assert DATE.match(lines[0]), lines
        text_column = lines[0].index("held")
        assert lines[1:], "a call with an outcome wraps at both sizes"
        for line in lines[1:]:
            assert _hangs(line, text_column), "\n".join(lines)


@SIZES
async def test_timeline_text_takes_the_width_and_keeps_words_whole(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """The date column is narrow, the text has the rest: every word drawn is a word of
    the timeline (none cut in two), and wrapped lines start under the text."""
    hannah = _contact_id(demo_store, "Hannah Berg")
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        main = app.screen
        main.reload(keep_id=hannah)
        await main.run_action("show_timeline")
        timeline = main.query_one(TimelineView)
        await wait_until(lambda: timeline.content_region.width > 0 and timeline.size.height > 3)
        await pilot.pause()
        lines = [line for line in _lines(timeline) if line.strip()]
        events = demo_store.history.timeline(hannah)
        words = {w for e in events for w in e.text.split()} | set(KIND_LABELS.values())
        dated = [line for line in lines if DATE.match(line)]
        text_column = min(LEAD.match(line).end() for line in dated)  # type: ignore[union-attr]
        for line in lines:
            if DATE.match(line):
                line = DATE.sub("", line, count=1)
            for word in line.split():
                if not TIME.fullmatch(word):
                    assert word in words, f"{word!r} cut in:\n" + "\n".join(lines)
        for line in lines:
            if not DATE.match(line):
                assert _hangs(line, text_column), "\n".join(lines)
        width = timeline.content_region.width
        assert width - text_column >= width * 0.6, f"text column {width - text_column} of {width}"


@SIZES
async def test_help_descriptions_and_guide_wrap_under_their_text(
    demo_store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    app = make_app(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await open_on(pilot, demo_store, "HelpScreen")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        statics = list(screen.query("Static"))
        keys = next(s for s in statics if "Help" in str(_lines(s)[:1]))
        key_lines = [line for line in _lines(keys) if line.strip()]
        columns = {_indent(line) for line in key_lines if _indent(line)}
        assert len(columns) == 1, "\n".join(key_lines)
        assert next(iter(columns)) > 20
        guide = next(s for s in statics if _lines(s)[:1] and _lines(s)[0].startswith("1. "))
        guide_lines = [line for line in _lines(guide) if line.strip()]
        steps = [line for line in guide_lines if re.match(r"\d\. ", line)]
        assert len(steps) == len(GUIDE)
        for line in guide_lines:
            if line not in steps:
                assert _indent(line) == 3, "\n".join(guide_lines)
        if size == (80, 24):
            assert len(guide_lines) > len(steps), "nothing wrapped: the test proves nothing"
