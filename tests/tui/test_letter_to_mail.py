"""From the draft editor to the mail client: ctrl+l saves the letter into the Maildir
drafts folder, ctrl+o hands a mailto: link to the system opener."""

from __future__ import annotations

import email
import email.policy
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.models import Status
from coffeechat.store import Store
from coffeechat.tui.screens.draft_editor import DraftEditor, DraftText
from tests.conftest import make_app, seed
from tests.notices import Notice
from tests.tui.burst import burst
from tests.waiting import wait_until


def _config(isolated_env: Path, drafts: Path) -> None:
    folder = isolated_env / "config" / "coffeechat"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(f'[mail]\ndrafts = "{drafts}"\n', encoding="utf-8")


def _notes(notices: list[Notice]) -> list[str]:
    return [n.message for n in notices]


async def test_ctrl_l_saves_the_letter_on_screen_to_mail_drafts(
    store: Store, clock: Clock, isolated_env: Path, tmp_path: Path, notices: list[Notice]
) -> None:
    seed(store)
    store.settings.set("profile.name", "Ada Byron")
    store.settings.set("profile.email", "ada@example.net")
    drafts = tmp_path / "Mail" / "Drafts"
    _config(isolated_env, drafts)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        await pilot.press("ctrl+end")
        await burst(pilot, *"PS typed last")
        await pilot.press("ctrl+l")
        await wait_until(lambda: any("Saved a draft" in n for n in _notes(notices)))
        files = [p for p in (drafts / "cur").iterdir() if not p.name.startswith(".")]
        assert len(files) == 1
        message = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
        assert message["To"].addresses[0].addr_spec == "maria@example.org"
        assert message.get_content().rstrip().endswith("PS typed last")
        # The letter is kept as the draft too, as copying keeps it.
        assert editor.draft is not None and store.drafts.get(editor.draft.id).body.endswith(
            "PS typed last"
        )
        assert editor.query_one(DraftText).has_focus


async def test_ctrl_l_without_a_drafts_folder_says_how_to_set_one(
    store: Store, clock: Clock, notices: list[Notice]
) -> None:
    seed(store)
    store.settings.set("profile.name", "Ada Byron")  # a letter with a blank stays in
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d", "ctrl+l")
        await wait_until(lambda: any("no drafts folder" in n for n in _notes(notices)))
        assert isinstance(app.screen, DraftEditor)


@pytest.fixture
def opener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A system opener on the PATH that writes down the URL it was given."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "opened.txt"
    script = bin_dir / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {log}\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


async def test_ctrl_o_opens_a_mailto_link_with_the_letter(
    store: Store, clock: Clock, opener: Path, notices: list[Notice]
) -> None:
    maria = seed(store)[0]
    store.contacts.set_status(maria.id, Status.TO_CONTACT)  # the intro letter, with a subject
    store.settings.set("profile.name", "Ada Byron")  # a letter with a blank stays in
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        editor = await wait_until(lambda: isinstance(app.screen, DraftEditor) and app.screen)
        await pilot.press("ctrl+o")
        await wait_until(lambda: opener.exists() and opener.read_text(encoding="utf-8"))
        url = urlsplit(opener.read_text(encoding="utf-8"))
        assert url.scheme == "mailto" and url.path == "maria@example.org"
        query = parse_qs(url.query)
        assert query["subject"] == [editor.query_one("#subject").value]
        assert query["body"][0].replace("\r\n", "\n") == editor.query_one(DraftText).text
        await wait_until(lambda: any("Handed to your mail client" in n for n in _notes(notices)))
