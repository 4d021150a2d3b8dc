"""Themes (shipped, user, bad files, remembered choice) and user key bindings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coffeechat import paths, preferences
from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.themes import load_themes, shipped_themes_dir, user_themes_dir
from tests.notices import Notice

SHIPPED = {"espresso", "latte", "matcha", "paper"}


def test_shipped_themes_load_light_and_dark() -> None:
    loaded = load_themes(shipped_themes_dir())
    assert loaded.problems == []
    names = {theme.name for theme in loaded.themes}
    assert names >= SHIPPED
    assert {theme.dark for theme in loaded.themes} == {True, False}


def test_bad_user_theme_files_are_reported_and_skipped() -> None:
    folder = user_themes_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("name = [unclosed")
    (folder / "nameless.toml").write_text('primary = "#112233"')
    (folder / "badcolour.toml").write_text('name = "bad"\nprimary = "not-a-colour"')
    (folder / "good.toml").write_text('name = "mine"\nprimary = "#336699"\ndark = false')
    loaded = load_themes(folder)
    assert [t.name for t in loaded.themes] == ["mine"]
    assert len(loaded.problems) == 3
    assert any("badcolour.toml" in p for p in loaded.problems)


async def test_theme_choice_is_remembered(store: Store, clock: Clock) -> None:
    app = CoffeechatApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == "espresso"
        app.theme = "latte"
        await pilot.pause()
    assert preferences.load()["theme"] == "latte"
    again = CoffeechatApp(store, clock=clock)
    async with again.run_test(size=(120, 40)):
        assert again.theme == "latte"


async def test_user_theme_is_offered_and_unknown_choice_falls_back(
    store: Store, clock: Clock
) -> None:
    folder = user_themes_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#336699"')
    preferences.save(theme="vanished")
    app = CoffeechatApp(store, clock=clock)
    async with app.run_test(size=(120, 40)):
        assert "mine" in app.available_themes
        assert app.theme == "espresso"


async def test_switch_theme_is_in_the_palette(store: Store, clock: Clock) -> None:
    app = CoffeechatApp(store, clock=clock)
    async with app.run_test(size=(120, 40)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Switch theme" in titles


async def test_keymap_rebinds_a_command(store: Store, clock: Clock) -> None:
    paths.ensure_private_dir(paths.config_dir().parent)
    paths.ensure_private_dir(paths.config_dir())
    (paths.config_dir() / "keymap.toml").write_text(
        '[keys]\nnew_contact = "ctrl+n"\nno_such_command = "x"\n'
    )
    store.contacts.add(Contact(name="Ada"))
    app = CoffeechatApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert not isinstance(app.screen, ContactForm), "the old key no longer works"
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ContactForm)


def test_keys_flag_lists_commands_with_user_keys(tmp_path: Path) -> None:
    paths.ensure_private_dir(paths.config_dir().parent)
    paths.ensure_private_dir(paths.config_dir())
    (paths.config_dir() / "keymap.toml").write_text('[keys]\nnew_contact = "ctrl+n"\n')
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat", "--keys"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    line = next(row for row in result.stdout.splitlines() if row.startswith("new_contact"))
    assert "ctrl+n" in line
    assert "New contact" in line


async def test_a_clashing_rebinding_is_reported_and_leaves_the_key_alone(
    store: Store, clock: Clock, notices: list[Notice]
) -> None:
    paths.ensure_private_dir(paths.config_dir().parent)
    paths.ensure_private_dir(paths.config_dir())
    (paths.config_dir() / "keymap.toml").write_text('[keys]\nagenda = "n"\n')
    store.contacts.add(Contact(name="Ada"))
    app = CoffeechatApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        messages = [n.message for n in notices]
        assert any("agenda" in m and "new_contact on n in contacts" in m for m in messages)
        await pilot.press("n")
        assert isinstance(app.screen, ContactForm), "n still adds a contact"
