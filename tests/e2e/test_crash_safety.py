"""kill -9 at 20 random (seeded) moments of real sessions; nothing committed is lost.

Each round starts the real console script in tmux, drives a scripted session (a call
with ticks and note lines, typing a research note, filling contact forms) or a
command-line import, and a timer thread sends SIGKILL at a random moment. After each
kill the database must pass ``PRAGMA integrity_check``, hold everything the app had
confirmed on screen (a painted confirmation means the write came first), and hold all
the typing but at most the last 0.5 s of it.

The scenarios run as four parametrised tests (5 kills each, 20 in all) so that xdist
spreads them; the seed makes the kill moments reproducible.
"""

from __future__ import annotations

import csv
import os
import random
import re
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases.first_run import WELCOME_DISMISSED
from tests.e2e.on_disk import assert_intact, first, rows
from tests.e2e.tmux import EXIT_MARK, SCREEN_POLL, Terminal, base_env, console_script
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e

SEED = 9
KILLS_PER_SCENARIO = 5
"""Four scenarios x 5 = 20 kills."""
TYPING_LOSS_ALLOWED = 0.5
"""Seconds of typing a kill may lose (SPEC §5)."""
TYPING_PACE = 0.03
"""Seconds between the typist's chunks of 1-3 characters: a fast typist, whose last
half second of typing is what a kill may lose."""
HESITATION = 0.6
"""At most this many seconds a person pauses before committing a half-typed line: the
kill moments then fall between typing and committing too."""
SHORTEST_DELAY, LONGEST_DELAY = 0.0, 4.0
"""Kill moments are drawn from this range of seconds after the first paint (counting
from the first paint, not the process start, keeps a loaded test machine from pushing
every kill into start-up)."""


class Killer:
    """Sends SIGKILL to *pid* after *delay* seconds and remembers when it did."""

    def __init__(self, pid: int, delay: float) -> None:
        self.pid = pid
        self.killed_at: float | None = None
        self.event = threading.Event()
        self._timer = threading.Timer(delay, self._kill)

    def start(self) -> None:
        self._timer.start()

    def _kill(self) -> None:
        self.killed_at = time.monotonic()
        os.kill(self.pid, signal.SIGKILL)  # the app never exits on its own here
        self.event.set()

    @property
    def killed(self) -> bool:
        return self.event.is_set()

    def join(self) -> None:
        self._timer.join()


class Typist:
    """Types text in small chunks and logs (time sent, text typed so far)."""

    def __init__(self, terminal: Terminal, killer: Killer) -> None:
        self.terminal = terminal
        self.killer = killer
        self.log: list[tuple[float, str]] = [(0.0, "")]

    def type(self, text: str, rng: random.Random) -> bool:
        typed = self.log[-1][1]
        i = 0
        while i < len(text):
            if self.killer.killed:
                return False
            chunk = text[i : i + rng.randint(1, 3)]
            self.terminal.type(chunk)
            time.sleep(TYPING_PACE)  # the typist's pace, not a wait
            i += len(chunk)
            typed += chunk
            self.log.append((time.monotonic(), typed))
        return True

    def check(self, saved: str, before: str = "") -> None:
        """*saved* holds *before* plus the typing, all but the last 0.5 s of it."""
        assert self.killer.killed_at is not None
        assert saved.startswith(before), (saved, before)
        saved = saved[len(before) :]
        final = self.log[-1][1]
        assert final.startswith(saved), f"saved text {saved!r} was never typed ({final!r})"
        cutoff = self.killer.killed_at - TYPING_LOSS_ALLOWED
        required = max((text for t, text in self.log if t <= cutoff), key=len)
        assert saved.startswith(required), (
            f"lost more than {TYPING_LOSS_ALLOWED}s of typing: saved {saved!r}, "
            f"typed by then {required!r}"
        )


def wait_seen(
    terminal: Terminal, killer: Killer, text: str, timeout: float = 15.0, *, regex: bool = False
) -> bool:
    """True once *text* is painted; False when the app died before painting it (the
    shell's exit line follows everything the app wrote to the terminal)."""

    def seen_or_died() -> str:
        screen = terminal.screen()
        if re.search(text, screen) if regex else text in screen:
            return "seen"
        return "died" if killer.killed and EXIT_MARK in screen else ""

    outcome = wait_until_sync(
        seen_or_died,
        timeout=timeout,
        poll=SCREEN_POLL,
        what=lambda: f"{text!r} never appeared. Screen:\n{terminal.screen()}",
    )
    return outcome == "seen"


def run_round(
    tmp_path: Path,
    db: Path,
    delay: float,
    script: Callable[[Terminal, Killer], None],
) -> Killer:
    terminal = Terminal()
    try:
        terminal.start([], base_env(tmp_path, db))
        terminal.wait_for("Contacts ")
        killer = Killer(terminal.app_pid(), delay)
        killer.start()
        try:
            script(terminal, killer)
            assert killer.event.wait(LONGEST_DELAY + 30), "the script ended before the kill"
        finally:
            killer.join()
        terminal.wait_for(f"{EXIT_MARK} 137")
    finally:
        terminal.close()
    return killer


def open_checked(db: Path) -> sqlite3.Connection:
    assert_intact(db)
    return sqlite3.connect(db)


def new_contact(db: Path, name: str) -> int:
    store = Store.open(db)
    try:
        contact = store.contacts.add(Contact(name=name))
        assert contact.id is not None
        return contact.id
    finally:
        store.close()


def pick(terminal: Terminal, killer: Killer, name: str) -> bool:
    """Filter the contact list down to *name* and move to it."""
    if not wait_seen(terminal, killer, "Contacts "):
        return False
    terminal.press("/")
    terminal.type(name)
    if not wait_seen(terminal, killer, "Contacts 1/"):
        return False
    terminal.press("Enter")
    return True


def logged(line: str) -> str:
    """The note log's rendering of a committed line (not the input still holding it)."""
    return rf"\d+′ (Q\d+ )?{re.escape(line)}"


def call_round(db: Path, tmp_path: Path, rng: random.Random, round_no: int) -> None:
    name = f"Caller{round_no} Kill"
    contact_id = new_contact(db, name)
    seen = {"ticks": 0, "lines": []}
    typist_box: list[Typist] = []

    def script(terminal: Terminal, killer: Killer) -> None:
        typist = Typist(terminal, killer)
        typist_box.append(typist)
        if not pick(terminal, killer, name):
            return
        terminal.press("c")
        if not wait_seen(terminal, killer, "Questions 0/10 asked"):
            return
        for step in range(1000):
            terminal.press("C-t")
            if not wait_seen(terminal, killer, f"Questions {seen['ticks'] + 1}/10 asked"):
                return
            seen["ticks"] += 1
            terminal.press("Down")
            line = f"line{step} " + "x" * rng.randint(3, 12)
            typist.log = [(0.0, "")]
            if not typist.type(line, rng):
                return
            terminal.press("Enter")
            if not wait_seen(terminal, killer, logged(line), regex=True):
                return
            seen["lines"].append(line)
            typist.log = [(0.0, "")]
            if not typist.type(f"half{step} " + "y" * rng.randint(3, 30), rng):
                return
            time.sleep(rng.uniform(0, HESITATION))  # a person's pause, not a wait
            if killer.killed:
                return
            # Commit the half line too.
            half = typist.log[-1][1]
            terminal.press("Enter")
            if not wait_seen(terminal, killer, logged(half), regex=True):
                return
            seen["lines"].append(half)
            typist.log = [(0.0, "")]

    run_round(tmp_path, db, rng.uniform(SHORTEST_DELAY, LONGEST_DELAY), script)
    conn = open_checked(db)
    try:
        row = conn.execute(
            "SELECT id, draft_note FROM interviews WHERE contact_id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            assert seen["ticks"] == 0
            return
        interview_id, draft = row
        asked = conn.execute(
            "SELECT count(*) FROM checklist_items WHERE interview_id = ? AND asked = 1",
            (interview_id,),
        ).fetchone()[0]
        lines = [
            text
            for (text,) in conn.execute(
                "SELECT text FROM note_lines WHERE interview_id = ? ORDER BY id", (interview_id,)
            )
        ]
    finally:
        conn.close()
    assert seen["ticks"] <= asked <= seen["ticks"] + 1
    assert lines[: len(seen["lines"])] == seen["lines"]
    assert len(lines) <= len(seen["lines"]) + 1
    if len(lines) == len(seen["lines"]):
        typist_box[0].check(draft)


def research_round(db: Path, tmp_path: Path, rng: random.Random, round_no: int) -> None:
    name = f"Researched{round_no} Kill"
    contact_id = new_contact(db, name)
    typist_box: list[Typist] = []

    def script(terminal: Terminal, killer: Killer) -> None:
        typist = Typist(terminal, killer)
        typist_box.append(typist)
        if not pick(terminal, killer, name):
            return
        terminal.press("r")
        if not wait_seen(terminal, killer, f"About {name}"):
            return
        for word in range(10_000):
            if not typist.type(f"w{word} " + "z" * rng.randint(0, 6) + " ", rng):
                return

    run_round(tmp_path, db, rng.uniform(SHORTEST_DELAY, LONGEST_DELAY), script)
    conn = open_checked(db)
    try:
        row = conn.execute(
            "SELECT body FROM notes WHERE kind = 'research' AND contact_id = ?", (contact_id,)
        ).fetchone()
    finally:
        conn.close()
    typist_box[0].check(row[0] if row else "")


def form_round(db: Path, tmp_path: Path, rng: random.Random, round_no: int) -> None:
    confirmed: list[str] = []
    submitted: list[str] = []

    def script(terminal: Terminal, killer: Killer) -> None:
        if not wait_seen(terminal, killer, "Contacts "):
            return
        typist = Typist(terminal, killer)
        for i in range(1000):
            terminal.press("n")
            if not wait_seen(terminal, killer, "New contact"):
                return
            name = f"Formed{round_no}x{i} Person"
            if not typist.type(name, rng):
                return
            terminal.press("Tab")
            if not typist.type("Staff scientist", rng):
                return
            submitted.append(name)
            terminal.press("Enter")
            if not wait_seen(terminal, killer, f"Added {name}"):
                return
            confirmed.append(name)

    before = _contact_names(db)
    run_round(tmp_path, db, rng.uniform(SHORTEST_DELAY, LONGEST_DELAY), script)
    assert_intact(db)
    added = _contact_names(db) - before
    assert set(confirmed) <= added, "a contact the app said it added is gone"
    assert added <= set(submitted), f"a contact appeared that was never saved: {added}"
    for name in added:
        assert _contact_title(db, name) == "Staff scientist", "a contact was saved half"


def _contact_names(db: Path) -> set[str]:
    return {name for (name,) in rows(db, "SELECT name FROM contacts")}


def _contact_title(db: Path, name: str) -> str:
    return first(db, "SELECT title FROM contacts WHERE name = ?", name)


IMPORT_ROWS = 20_000


def import_round(db: Path, tmp_path: Path, rng: random.Random, round_no: int) -> None:
    source = tmp_path / f"people{round_no}.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Organization", "Notes"])
        for i in range(IMPORT_ROWS):
            writer.writerow(
                [f"Imported{round_no} P{i}", f"p{round_no}.{i}@example.org", f"Org {i % 40}", "n"]
            )
    before = len(_contact_names(db))
    env = {**os.environ, "COFFEECHAT_DB": str(db)}
    process = subprocess.Popen(
        [console_script(), "import", "csv", str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=rng.uniform(0.2, 1.5))  # the kill moment, or an import done
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
    assert_intact(db)
    after = len(_contact_names(db))
    assert after in (before, before + IMPORT_ROWS), f"a killed import left {after - before} rows"


SCENARIOS = {
    "call": call_round,
    "research": research_round,
    "form": form_round,
    "import": import_round,
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_sigkill_at_random_moments_loses_nothing_committed(scenario: str, tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}-{scenario}")
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    # These sessions start on an empty list: skip the first-run welcome.
    store.settings.set(WELCOME_DISMISSED, "1")
    store.close()
    for round_no in range(KILLS_PER_SCENARIO):
        SCENARIOS[scenario](db, tmp_path, rng, round_no)
    # The file still opens through the app's own checks after all the kills.
    Store.open(db).close()
