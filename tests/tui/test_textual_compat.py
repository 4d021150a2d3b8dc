"""The Textual internals coffeechat relies on (tui/textual_compat.py) are as it reads them.

Checked against the Textual version named in CHECKED_WITH: another version fails the
first test until each use in textual_compat has been read again against it (and this
file's checks still pass).
"""

from __future__ import annotations

from importlib.metadata import version

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui import textual_compat as compat
from coffeechat.tui.key_order import KeySettled
from tests.conftest import make_app
from tests.tui.layouts import laid_out, layouts_of
from tests.waiting import wait_until


def test_the_installed_textual_is_the_one_checked() -> None:
    assert version("textual") == compat.CHECKED_WITH, (
        "Textual changed: read tui/textual_compat.py against it, then update CHECKED_WITH"
    )


class Keys(App[None]):
    BINDINGS = [Binding("f1", "help", "Help"), Binding("x", "go", "Go on")]

    def compose(self) -> ComposeResult:
        yield Static("body", id="body")
        yield Footer()


async def test_a_virtual_size_set_quietly_scrolls_as_far() -> None:
    app = Keys()
    async with app.run_test(size=(80, 10)) as pilot:
        body = app.query_one("#body", Static)
        compat.set_virtual_size_quietly(body, Size(80, 500))
        assert body.virtual_size == Size(80, 500)
        await pilot.pause()


async def test_queued_work_is_seen_and_settled_markers_are_not() -> None:
    app = Keys()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not compat.pending_work(screen, (KeySettled,))
        screen.call_after_refresh(lambda: None)
        assert compat.pending_work(screen, (KeySettled,))
        await pilot.pause()
        assert not compat.pending_work(screen, (KeySettled,))


def test_the_input_parser_fed_through_the_paste_filter_keeps_a_paste_whole() -> None:
    from textual import events

    from coffeechat.tui.paste_driver import PasteEscapes, restore_escapes

    parser = compat.XTermParser(False)
    typed = PasteEscapes().feed("\x1b[200~one\x1b\x1btwo\x1b[201~x")
    received = [*parser.feed(typed), *parser.tick()]
    for message in received:
        restore_escapes(message)
    pastes = [m.text for m in received if isinstance(m, events.Paste)]
    keys = [m.key for m in received if isinstance(m, events.Key)]
    assert pastes == ["one\x1b\x1btwo"] and keys == ["x"]


class Tinted(Static):
    DEFAULT_CSS = "Tinted { background: green; }"


class Styled(Screen[None]):
    """Styles from each source a pushed screen takes them from: its widgets' default
    CSS, its own CSS, a class added as it mounts, and the focus."""

    CSS = "Styled #own { color: red; } Styled .-marked { text-style: bold; }"

    def __init__(self) -> None:
        super().__init__()
        self.resumes: list[bool] = []

    def compose(self) -> ComposeResult:
        yield Tinted("tinted", id="tinted")
        yield Static("own", id="own")
        yield Input(id="typed")

    def on_mount(self) -> None:
        self.query_one("#own").add_class("-marked")
        self.query_one(Input).focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.resumes.append(event.refresh_styles)


async def test_a_pushed_screen_keeps_the_styles_its_mount_gave_it() -> None:
    app = Keys()
    async with app.run_test(size=(80, 10)) as pilot:
        screen = Styled()
        app.push_screen(screen)
        compat.keep_mount_styles(screen)
        await pilot.pause()
        assert screen.resumes == [False]  # no second styling pass
        own = screen.query_one("#own")
        assert own.styles.color == Color.parse("red") and own.styles.text_style.bold
        assert screen.query_one(Tinted).styles.background == Color.parse("green")
        assert screen.query_one(Input).has_focus
        shown = {w: (w.rich_style, w.styles.css) for w in screen.walk_children()}
        app.update_styles(screen)  # the pass the first resume no longer makes
        await pilot.pause()
        assert {w: (w.rich_style, w.styles.css) for w in screen.walk_children()} == shown


async def test_the_header_title_is_swapped_and_a_new_title_lays_out_nothing() -> None:
    """Textual's Header still composes the title class the swap looks for, and with it
    swapped a title change only repaints: the screen is not laid out again."""
    from coffeechat.tui.widgets.header import AppHeader

    class Titled(App[None]):
        def compose(self) -> ComposeResult:
            yield AppHeader()
            yield Static("body", id="body")

    app = Titled()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        title = app.query_one(compat.OneLineHeaderTitle)
        assert len(app.query(compat.HeaderTitle)) == 1, "one title, the swapped one"
        layouts = layouts_of(app.screen)
        await laid_out(pilot, layouts)
        before = len(layouts)
        app.screen.title = "A title much longer than the one before it"
        await wait_until(lambda: "much longer" in str(title.render()), what="the new title")
        await pilot.pause()
        assert len(layouts) == before
        assert title.size.height == 1


async def test_every_screen_has_a_rack_for_its_notifications() -> None:
    app = Keys()
    async with app.run_test(size=(80, 10), notifications=True) as pilot:
        app.notify("hello")
        await pilot.pause()
        rack = compat.toast_rack(app.screen)
        assert rack is not None and rack.query("Toast")
        app.push_screen(Screen())
        await pilot.pause()
        assert compat.toast_rack(app.screen) not in (None, rack)


async def test_a_stylesheet_text_parsed_once_is_not_parsed_by_the_next_app() -> None:
    """Parsed once per process: a second app with the same CSS and theme parses
    nothing; another theme's variables parse again."""
    from uuid import uuid4

    from textual.css import stylesheet

    css = f"#body {{ color: red; }} /* {uuid4()} */"  # parsed by no app before

    class Styled(Keys):
        CSS = css

    parsed: list[list[str]] = []
    parse = stylesheet.parse

    def counting(*args, **kwargs):
        parsed[-1].append(args[1])
        return parse(*args, **kwargs)

    stylesheet.parse = counting
    try:
        for theme in ("textual-dark", "textual-dark", "nord"):
            parsed.append([])
            app = Styled()
            compat.parse_stylesheets_once(app)
            app.theme = theme
            async with app.run_test(size=(80, 10)) as pilot:
                await pilot.pause()
                assert app.query_one("#body").styles.color == Color.parse("red")
    finally:
        stylesheet.parse = parse
    first, second, other_theme = ([text for text in run if text == css] for run in parsed)
    assert (first, second) == ([css], [])
    assert other_theme, "another theme's variables parse again"


async def test_a_resize_to_the_size_the_app_has_lays_out_nothing(
    store: Store, clock: Clock
) -> None:
    """The size Textual gives the app as it starts, reported again by the driver, no
    longer lays the first screen out twice; a new size still lays it out."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        layouts = layouts_of(screen)
        await laid_out(pilot, layouts)
        app.post_message(events.Resize(Size(100, 30), Size(100, 30)))
        await pilot.pause()
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(90, 30)
        await wait_until(lambda: layouts and screen.size == Size(90, 30), what="laid out at 90")
