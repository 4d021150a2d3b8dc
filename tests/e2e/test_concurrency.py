"""Two app instances and command-line imports write to one file at once for a minute.

Each instance runs headless (Pilot) in its own process and, until the deadline, adds
contacts through the contact form, writes research notes, starts calls, ticks
questions, commits note lines and schedules follow-ups, all through the app's own
store and connection. Meanwhile the test runs `coffeechat import csv` again and
again. Nothing may crash ("database is locked" or otherwise), every write a process
saw succeed must be in the file, and after ctrl+r each instance lists every contact,
including the other instance's and the imports'.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coffeechat.store import Store
from tests.e2e.tmux import console_script

pytestmark = pytest.mark.e2e

DURATION_SECONDS = 60.0
"""How long the writers overlap (SPEC §5 / issue 9: a minute of mixed writes)."""
IMPORT_ROWS = 5000
IMPORT_PACE = 2.0
"""Seconds between one import's end and the next one's start (one import every ~2.5 s):
contention with the instances all minute without hogging the CPU."""

WORKER = r"""
import asyncio, json, sqlite3, sys, time
from datetime import datetime
from pathlib import Path

from textual.widgets import Input

from coffeechat.domain.clock import Clock
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from coffeechat.tui.app import CoffeechatApp
from tests.waiting import wait_until
from coffeechat.tui.screens.main import MainScreen

db, tag, deadline, go_file, out_file = sys.argv[1:6]
deadline = float(deadline)
done = {"contacts": [], "notes": {}, "ticks": [], "lines": [], "followups": []}

async def session():
    store = Store.open(db)
    app = CoffeechatApp(store, clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        i = 0
        while time.time() < deadline:
            i += 1
            name = f"{tag} person {i}"
            await pilot.press("n")
            await wait_until(lambda: len(app.screen.query("#field-name")), timeout=60,
                             what="the contact form")
            app.screen.query_one("#field-name", Input).value = name
            await pilot.press("enter")
            await wait_until(
                lambda: isinstance(app.screen, MainScreen)
                and getattr(app.screen.contact, "name", None) == name,
                timeout=60,
                what=lambda: f"{name} added and shown; on screen: {app.screen}",
            )
            contact = app.screen.contact
            done["contacts"].append(name)
            for n in range(30):  # many small writes: the most chances to collide
                body = f"research by {tag} #{i}.{n}"
                store.notes.save_research(contact.id, body)
                await asyncio.sleep(0)
            done["notes"][str(contact.id)] = body
            now = datetime.now()
            interview = store.interviews.create(contact.id)
            store.interviews.start(interview.id, now, store.questions.defaults()[:3])
            item = store.interviews.checklist(interview.id)[0]
            store.interviews.set_asked(item.id, True, now)
            done["ticks"].append(item.id)
            line = store.interviews.add_note(
                interview.id, f"{tag} line {i}", minute=1, checklist_item_id=item.id, now=now
            )
            done["lines"].append(line.id)
            followup = store.followups.add(
                FollowUp(contact_id=contact.id, kind="follow_up", due_date="2026-04-01")
            )
            done["followups"].append(followup.id)
            await asyncio.sleep(0.2)  # a pace, not a wait: CPU left to the tests beside it
        # Wait until every writer has finished, then refresh and report what is shown.
        await wait_until(lambda: Path(go_file).exists(), timeout=600, what="the go file")
        conn = sqlite3.connect(db)
        total = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        conn.close()
        await pilot.press("ctrl+r")
        try:
            await wait_until(
                lambda: str(app.screen.pane.border_title) == f"Contacts {total}/{total}",
                timeout=60,
            )
        except AssertionError:
            pass  # the test names what was shown instead
        done["shown_title"] = str(app.screen.pane.border_title)
        await pilot.press("ctrl+q")
    Path(out_file).write_text(json.dumps(done))

asyncio.run(session())
"""


def _write_csv(path: Path, batch: int) -> list[str]:
    names = [f"Imported b{batch} r{i}" for i in range(IMPORT_ROWS)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Organization"])
        for i, name in enumerate(names):
            writer.writerow([name, f"b{batch}.r{i}@example.org", f"Org {i % 7}"])
    return names


def test_two_instances_and_imports_share_one_file(tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    Store.open(db).close()
    env = {**os.environ, "COFFEECHAT_DB": str(db)}
    go_file = tmp_path / "go"
    deadline = time.time() + 5 + DURATION_SECONDS  # 5 s for the instances to start
    workers = []
    for tag in ("alpha", "beta"):
        out = tmp_path / f"{tag}.json"
        args = [sys.executable, "-c", WORKER, str(db), tag, str(deadline), str(go_file), str(out)]
        process = subprocess.Popen(
            args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        workers.append((tag, process, out))

    imported: list[str] = []
    batch = 0
    while time.time() < deadline:
        source = tmp_path / f"batch{batch}.csv"
        names = _write_csv(source, batch)
        result = subprocess.run(
            [console_script(), "import", "csv", str(source)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert f"{IMPORT_ROWS} added" in result.stdout + result.stderr
        imported += names
        batch += 1
        time.sleep(IMPORT_PACE)  # a pace, not a wait
    assert batch >= 3, "the imports did not overlap the instances"

    go_file.touch()
    reports = {}
    for tag, process, out in workers:
        _stdout, stderr = process.communicate(timeout=120)
        assert "locked" not in stderr, stderr
        assert process.returncode == 0, f"{tag} crashed:\n{stderr[-3000:]}"
        reports[tag] = json.loads(out.read_text())

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {name for (name,) in conn.execute("SELECT name FROM contacts")}
        total = len(names)
        asked = {i for (i,) in conn.execute("SELECT id FROM checklist_items WHERE asked = 1")}
        lines = {i for (i,) in conn.execute("SELECT id FROM note_lines")}
        followups = {i for (i,) in conn.execute("SELECT id FROM followups")}
        notes = {
            str(c): body
            for c, body in conn.execute(
                "SELECT contact_id, body FROM notes WHERE kind = 'research'"
            )
        }
    finally:
        conn.close()

    assert set(imported) <= names, "an import that reported success lost rows"
    for tag, report in reports.items():
        assert len(report["contacts"]) >= 5, f"{tag} hardly wrote: {len(report['contacts'])}"
        assert set(report["contacts"]) <= names, f"{tag} lost a contact"
        assert set(report["ticks"]) <= asked, f"{tag} lost a tick"
        assert set(report["lines"]) <= lines, f"{tag} lost a note line"
        assert set(report["followups"]) <= followups, f"{tag} lost a follow-up"
        for contact_id, body in report["notes"].items():
            assert notes.get(contact_id) == body, f"{tag} lost a research note"
        # ctrl+r showed everything: the other instance's contacts and the imports'.
        assert report["shown_title"] == f"Contacts {total}/{total}", report["shown_title"]
