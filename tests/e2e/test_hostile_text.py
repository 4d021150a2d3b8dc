"""Hostile text in a real terminal: stored as given, shown literally, never obeyed.

Names, notes and a CSV import carry Rich markup, ANSI and OSC escape sequences (OSC 52
writes the clipboard, OSC 0 the window title), RTL and zero-width characters, emoji
and a 1 MB paste. tmux records every byte the app writes (pipe-pane); none of the
sequences from the data may be in it, tmux's clipboard (set-clipboard on) and the
pane title stay untouched, and the screen shows the markup as plain text.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.tmux import Terminal, assert_never_written, base_env, console_script

pytestmark = pytest.mark.e2e

OSC52 = "\x1b]52;c;UFdORUQ=\x07"  # would put "PWNED" on the clipboard
TITLE = "\x1b]0;PWNED-TITLE\x07"
RED = "\x1b[31mREDTEXT\x1b[0m"
CLEAR = "\x1b[2J\x1b[H"
NAME = f"[bold]Ada[/bold] {OSC52}{TITLE}"
TITLE_FIELD = f"Dr {RED} {CLEAR}\u200b\u202eevil\u202c 👩‍🔬"
ORG = "مختبر [i]البحث[/i]"
NOTE = f"[red]note[/red] {OSC52} {RED} 🎉 שלום\u200d"
PASTE = ("Paste line with [b]markup[/b] and émoji 🎉 " * 25 + "\n") * 1000  # ~1 MB
IMPORTED = f"[blink]Imported[/blink] {OSC52}Person"

FORBIDDEN = [
    b"\x1b]52;c;UFdORUQ",
    b"\x1b]0;PWNED",
    b"\x1b[31mREDTEXT",
    b"\x1b[2J\x1b[H\xe2\x80\x8b",
    "\u202e".encode(),
]


def _seed(db: Path, tmp_path: Path) -> tuple[int, int]:
    store = Store.open(db)
    try:
        hostile = store.contacts.add(Contact(name=NAME, title=TITLE_FIELD, organization=ORG))
        pasted = store.contacts.add(Contact(name="Paste Target"))
        assert hostile.id and pasted.id
        store.notes.save_research(hostile.id, NOTE)
        store.notes.save_research(pasted.id, PASTE)
    finally:
        store.close()
    source = tmp_path / "hostile.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Title", "Notes"])
        writer.writerow([IMPORTED, RED, NOTE])
    result = subprocess.run(
        [console_script(), "--db", str(db), "import", "csv", str(source)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # Nor does the command line's own report replay the sequences.
    for forbidden in FORBIDDEN:
        assert forbidden not in result.stdout + result.stderr
    return hostile.id, pasted.id


def test_hostile_text_is_stored_as_given_and_never_drives_the_terminal(
    terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    hostile_id, pasted_id = _seed(db, tmp_path)

    raw = tmp_path / "raw-output.bin"
    terminal.start([], base_env(tmp_path, db))
    terminal._tmux("set", "-s", "set-clipboard", "on")
    terminal.record_output(raw)
    terminal.wait_for("Contacts 3/3")
    # Walk past every contact and open the brief of each (profile, notes, 1 MB paste).
    for _ in range(3):
        terminal.press("b")
        terminal.wait_for("escape closes", timeout=60)
        terminal.press("Escape")
        terminal.wait_gone("escape closes", timeout=60)
        terminal.press("j")
    terminal.press("/")
    terminal.type("bold")
    screen = terminal.wait_for("Contacts 1/3")
    assert "[bold]Ada[/bold]" in screen
    terminal.press("Enter")
    screen = terminal.wait_for("REDTEXT")  # the title, on the profile
    assert "[i]البحث[/i]" in screen
    terminal.press("r")
    screen = terminal.wait_for("[red]note[/red]")
    terminal.press("Escape")
    terminal.wait_for("/ Filter")  # the contact list has the keys again
    terminal.press("C-q")
    assert terminal.exit_code() == 0

    assert_never_written(raw, FORBIDDEN)
    assert terminal._tmux("list-buffers", check=False).strip() == "", "the clipboard was written"
    assert "PWNED" not in terminal._tmux("display", "-p", "#{pane_title}")

    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT c.name, c.title, o.name FROM contacts c JOIN organizations o "
            "ON o.id = c.organization_id WHERE c.id = ?",
            (hostile_id,),
        ).fetchone()
        assert row == (NAME, TITLE_FIELD, ORG)
        notes = dict(conn.execute("SELECT contact_id, body FROM notes WHERE kind = 'research'"))
        assert notes[hostile_id] == NOTE
        assert notes[pasted_id] == PASTE
        imported = conn.execute("SELECT id, title FROM contacts WHERE name = ?", (IMPORTED,))
        (imported_id, imported_title) = imported.fetchone()
        assert imported_title == RED
        assert notes[imported_id] == NOTE
    finally:
        conn.close()
