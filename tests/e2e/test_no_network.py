"""The app makes no network connections: an audit hook records any socket use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SESSION = r"""
import asyncio, sys
from pathlib import Path

events = []

def hook(event, args):
    if event in ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto"):
        events.append((event, repr(args)[:200]))

sys.addaudithook(hook)

import pyperclip
from textual.widgets import Input, Select

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from tests.palette import run_from_palette as palette
from tests.waiting import wait_until

folder = Path(sys.argv[2])

def no_clipboard():
    def copy_no_clipboard(text):
        raise pyperclip.PyperclipException("none")
    return copy_no_clipboard, copy_no_clipboard

# The no-clipboard path: OSC 52 through the terminal plus a private file.
pyperclip.determine_clipboard = no_clipboard

async def transfer(pilot, title, fmt, path):
    await palette(pilot, title)
    screen = pilot.app.screen
    screen.query_one("#transfer-format", Select).value = fmt
    screen.query_one("#transfer-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()

from coffeechat.models_activity import Profile
from coffeechat.usecases.profile import save_profile

async def session():
    app = CoffeechatApp(Store.open(sys.argv[1]), clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", *"Ada Lovelace", "enter")
        await pilot.press("slash", *"ada", "enter")
        await pilot.press("question_mark", "escape")
        # A call: tick, a note line, back to the contacts.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+t", *"engines", "enter")
        await palette(pilot, "Leave call screen")
        # Research typing and a search over it.
        await pilot.press("r", *"analytical engine notes")
        await wait_until(lambda: app.store.notes.count() == 1, what="the note saved")
        await pilot.press("escape", "ctrl+f", *"analytical")
        await pilot.pause()
        await pilot.press("escape", "escape")
        # A draft, copied without a clipboard program (a letter with a blank is not
        # copied: the profile fills the sender's name).
        save_profile(app.store, Profile(name="Ada Byron", email="ada@example.org"))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await app.workers.wait_for_complete()  # the copy runs off the event loop
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # Import and export from the app.
        csv_file = folder / "people.csv"
        csv_file.write_text("Name,Email\nCharles Babbage,cb@example.org\n", encoding="utf-8")
        await transfer(pilot, "Import…", "csv", csv_file)
        await pilot.press("escape")
        await transfer(pilot, "Export…", "json", folder / "out.json")
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    store = Store.open(sys.argv[1])
    contacts = sorted(c.name for c in store.contacts.all())
    print("CONTACTS", contacts)
    print("NOTES", store.notes.count(), "LINES", store.database.conn.execute(
        "SELECT count(*) FROM note_lines").fetchone()[0])
    print("DRAFTS", store.database.conn.execute("SELECT count(*) FROM drafts").fetchone()[0])

asyncio.run(session())
print("EXPORTED", (folder / "out.json").exists())
print("EVENTS", events)
"""


def test_a_session_opens_no_sockets(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(tmp_path / "cc.db"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "EVENTS []" in result.stdout, result.stdout
    # The session really did all of it (a session that stalled would prove nothing).
    assert "CONTACTS ['Ada Lovelace', 'Charles Babbage']" in result.stdout, result.stdout
    assert "NOTES 1 LINES 1" in result.stdout, result.stdout
    assert "DRAFTS 1" in result.stdout, result.stdout
    assert "EXPORTED True" in result.stdout, result.stdout
    assert (tmp_path / "home" / "state" / "coffeechat" / "clipboard.txt").exists(), result.stdout
