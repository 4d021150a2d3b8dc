"""The app makes no network connections: an audit hook records any socket use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SESSION = r"""
import asyncio, sys

events = []

def hook(event, args):
    if event in ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto"):
        events.append((event, repr(args)[:200]))

sys.addaudithook(hook)

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp

async def session():
    app = CoffeechatApp(Store.open(sys.argv[1]), clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", *"Ada Lovelace", "enter")
        await pilot.press("slash", *"ada", "enter")
        await pilot.press("question_mark", "escape")
        await pilot.press("ctrl+q")

asyncio.run(session())
print("EVENTS", events)
"""


def test_a_session_opens_no_sockets(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(tmp_path / "cc.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "EVENTS []" in result.stdout, result.stdout
