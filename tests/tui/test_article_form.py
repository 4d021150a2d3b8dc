"""The article form's "Read" box: space ticks it, enter saves the form, and ticked
looks unlike unticked."""

from __future__ import annotations

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.screens.article_form import ArticleForm
from coffeechat.tui.widgets.form import FormCheckbox
from coffeechat.tui.widgets.research import ArticleList
from tests.conftest import make_app, seed
from tests.on_top import on_top
from tests.tui.burst import burst
from tests.tui.screens_on_view import drawn_text
from tests.waiting import wait_until


def _box(form: ArticleForm) -> FormCheckbox:
    return form.query_one("#is-read", FormCheckbox)


async def test_space_ticks_read_and_enter_on_it_saves(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "tab", "tab", "tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("n")
        form = await on_top(pilot, ArticleForm)
        await burst(pilot, *"Her review", "tab", "tab", "tab")
        assert app.focused is _box(form)
        unticked = drawn_text(_box(form))
        assert "✓" not in unticked and "X" not in unticked

        await pilot.press("space")
        assert _box(form).value
        await wait_until(lambda: "✓" in drawn_text(_box(form)))
        await pilot.press("enter")
        await wait_until(lambda: not isinstance(app.screen, ArticleForm))
        [article] = store.articles.for_contact(maria.id)
        assert (article.title, article.is_read) == ("Her review", True)

        await pilot.press("enter")  # open it again: the box shows it was read
        form = await on_top(pilot, ArticleForm)
        assert "✓" in drawn_text(_box(form))
        _box(form).focus()
        await wait_until(lambda: app.focused is _box(form))
        await pilot.press("space", "enter")
        await wait_until(lambda: not isinstance(app.screen, ArticleForm))
        assert not store.articles.get(article.id).is_read


async def test_enter_on_the_box_saves_only_a_valid_form(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "tab", "tab", "tab", "n")
        form = await on_top(pilot, ArticleForm)
        _box(form).focus()
        await wait_until(lambda: app.focused is _box(form))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form, "no title: refused"
        assert not _box(form).value, "enter does not tick the box"
        assert app.focused is form.query_one("#field-title")
        assert store.articles.for_contact(maria.id) == []
