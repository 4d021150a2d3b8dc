"""Hostile text through notifications, dialogs, titles and pastes, in a real terminal.

A contact named with OSC 52 (writes the clipboard) and OSC 0 (retitles the window)
goes through every action that quotes a name back: status change, a call ended,
the draft editor's title, the delete confirmation and archiving. tmux records every
byte the app writes; none of the sequences may be in it, tmux's clipboard and the
pane title stay untouched. A paste holding ESC bytes is stored exactly as pasted and
fires no key, and emoji joined by ZWJ keep the contact list's columns aligned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import research
from tests.e2e.tmux import Terminal, assert_never_written, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e

OSC52 = "\x1b]52;c;UFdORUQ=\x07"  # would put "PWNED" on the clipboard
TITLE = "\x1b]0;PWNED-TITLE\x07"
NAME = f"Eve {OSC52}{TITLE}"
SCIENTIST = "👩\u200d🔬 Zed Lab"
PASTE = "pasted \x1b\x1b twice \x1b[31mred\x1b[0m \x1b]52;c;SElKQUNL\x07 end"

FORBIDDEN = [b"\x1b]52;c;UFdORUQ", b"\x1b]0;PWNED", b"\x1b]52;c;SElKQUNL", b"\x1b[31mred"]


def _seed(db: Path) -> int:
    store = Store.open(db)
    try:
        eve = store.contacts.add(Contact(name=NAME, organization="Org"))
        store.contacts.add(Contact(name=SCIENTIST, organization="Org"))
        plain = store.contacts.add(Contact(name="Plain Person", organization="Org"))
        assert eve.id and plain.id
        return plain.id
    finally:
        store.close()


def _list_rows(screen: str) -> list[str]:
    """The contact list's first rows: the left pane of the screen lines under the filter."""
    return [line.split("│")[1] for line in screen.splitlines() if line.count("│") >= 2][2:5]


def test_notifications_dialogs_titles_and_pastes_never_drive_the_terminal(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    plain_id = _seed(db)
    raw = tmp_path / "raw-output.bin"
    # The whole pane (the app may start before tmux has sized it and read 80x25):
    # notifications checked below must fit on one line.
    terminal.start([], {**base_env(tmp_path, db), "COLUMNS": "120", "LINES": "40"})
    terminal._tmux("set", "-s", "set-clipboard", "on")
    terminal.record_output(raw)
    screen = terminal.wait_for("Contacts 3/3")

    rows = [row for row in _list_rows(screen) if " to contact " in row]
    assert len(rows) == 3, screen
    assert all("\u200d" not in row for row in rows), rows
    # The status column starts in the same terminal cell on every row.
    assert len({cell_len(row[: row.index(" to contact ")]) for row in rows}) == 1, rows

    terminal.press("/")
    terminal.type("Eve")
    terminal.wait_for("Contacts 1/3")
    terminal.press("Enter")
    terminal.press("s")
    terminal.wait_for("Pipeline status")
    terminal.press("Down", "Enter")
    terminal.wait_for(": letter sent")
    terminal.press("c")
    terminal.wait_for("Call with")
    terminal.press("C-e")
    terminal.wait_for("Outcome of the call with Eve")  # the "call ended" toast is under it
    terminal.press("Escape")  # the outcome form
    terminal.wait_gone("Outcome of the call with Eve")
    terminal.press("d")
    terminal.wait_for("Draft to Eve")
    terminal.press("Escape")
    terminal.wait_gone("Draft to Eve")
    terminal.press("DC")  # the delete key
    terminal.wait_for("Delete (y)")
    terminal.press("n")
    terminal.press("x")
    terminal.wait_for("Archived Eve")

    terminal.press("/")
    terminal.press("Escape")  # clears the filter and goes back to the list
    terminal.wait_for("Contacts 2/2")
    terminal.press("/")  # a new filter
    terminal.type("Plain")
    terminal.wait_for("Contacts 1/2")
    terminal.press("Enter")
    terminal.press("r")
    terminal.wait_for("About Plain Person")
    terminal._tmux("set-buffer", "-b", "hostile", "--", PASTE)
    terminal._tmux("paste-buffer", "-p", "-b", "hostile")
    wait_until_sync(
        lambda: research(db, plain_id) == PASTE,
        timeout=20,
        what=lambda: f"the paste saved as pasted; the note is {research(db, plain_id)!r}",
    )
    terminal.type("!")  # the editor still has focus: no Escape fired from the paste
    wait_until_sync(
        lambda: research(db, plain_id) == PASTE + "!",
        timeout=20,
        what=lambda: f"the typing after the paste saved; the note is {research(db, plain_id)!r}",
    )
    terminal.press("C-q")
    assert terminal.exit_code() == 0

    assert_never_written(raw, FORBIDDEN)
    samples = terminal._tmux("list-buffers", "-F", "#{buffer_name} #{buffer_sample}")
    assert "PWNED" not in samples, samples
    assert "PWNED" not in terminal._tmux("display", "-p", "#{pane_title}")
