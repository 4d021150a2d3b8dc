"""`ctrl+o` with an editor that is missing or fails, in a real terminal: the app comes
back (it used to stay suspended on a blank screen), the note is unchanged, typing
still works, and the message names the editor that was tried."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import research
from tests.e2e.tmux import Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("editor", "message"),
    [
        ("/nowhere/no-such-editor --wait", "Editor not found: /nowhere/no-such-editor"),
        ("false", "false exited with 1"),
        # Exits 0 having removed its file, or put a pipe in its place: nothing to read.
        ("""sh -c 'rm "$0"'""", "sh left no file to read back"),
        ("""sh -c 'rm "$0"; mkfifo "$0"'""", "sh left no file to read back"),
    ],
)
def test_a_missing_or_failing_editor_hands_the_screen_back(
    terminal: Terminal, tmp_path: Path, editor: str, message: str
) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    contact = store.contacts.add(Contact(name="Ada Lovelace"))
    assert contact.id
    store.notes.save_research(contact.id, "Kept as it was.")
    store.close()
    env = {**base_env(tmp_path, db), "EDITOR": editor, "COLUMNS": "120", "LINES": "40"}
    terminal.start([], env)
    terminal.wait_for("Contacts 1/1")
    terminal.press("r")
    terminal.wait_for("Kept as it was.")
    terminal.press("C-o")
    terminal.wait_for(message)
    screen = terminal.wait_for("Kept as it was.")
    assert "Contacts 1/1" in screen  # the app is drawn again, not a blank screen
    terminal.press("End")
    terminal.type(" Typed after.")
    wait_until_sync(
        lambda: research(db, contact.id) == "Kept as it was. Typed after.",
        timeout=20,
        what=lambda: f"the note saved with the typing; it is {research(db, contact.id)!r}",
    )
    terminal.press("C-q")
    assert terminal.exit_code() == 0
