"""The vdir and its state file as untrusted input: planted paths, FIFOs, symlinks, huge
and hostile items, dates out of range, a UID naming another item, leftovers of a killed
sync, two syncs at once. Each is named in one line (never quoting a file), changes
nothing it should not, and the sync still does its job."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from coffeechat.interop import vdir
from coffeechat.models import Medium
from coffeechat.models_activity import FollowUp, Question
from coffeechat.store import Store
from coffeechat.usecases import sync_folder
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.sync import STATE_FILE, sync
from tests.conftest import FROZEN_NOW, seed
from tests.unit.test_sync_cli import run

NOW = FROZEN_NOW
SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAA"


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    return {c.name.split()[0]: c.id for c in seed(store) if c.id is not None}


def _followup(store: Store, contact_id: int, title: str = "Send my summary") -> int:
    added = store.followups.add(FollowUp(contact_id, "next_step", "2026-03-20", title=title))
    assert added.id is not None
    return added.id


def _everything_said(report) -> str:
    return "\n".join(
        [*report.notices, *report.problems, *report.came_in, *report.conflicts, *report.written]
    )


def test_planted_state_keys_never_reach_outside_the_collections(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "thesis.txt").write_text("years of work")
    absolute = tmp_path / "abs.txt"
    absolute.write_text("keep me")
    state = json.loads((root / STATE_FILE).read_text())
    entry = next(iter(state["items"].values()))
    for key in ("contacts/../../victim/thesis.txt", str(absolute), "contacts/.hidden", "x/y"):
        state["items"][key] = entry
    state["items"]["contacts/ok.vcf"] = ["contact:1", "u", "zz", 1, 1, {}, {}, False, {}]
    (root / STATE_FILE).write_text(json.dumps(state))

    report = sync(store, root, NOW)

    assert (victim / "thesis.txt").read_text() == "years of work"
    assert absolute.read_text() == "keep me"
    assert report.ok and report.removed == []
    assert report.notices == [f"{root / STATE_FILE}: 5 entries not valid, ignored"]


def test_a_fifo_for_an_item_or_the_state_never_hangs(
    store: Store, db_path: Path, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [card] = sorted((root / "contacts").glob("*.vcf"))[:1]
    card.unlink()
    os.mkfifo(card)
    (root / STATE_FILE).unlink()
    os.mkfifo(root / STATE_FILE)
    os.mkfifo(root / "followups" / "pipe.ics")

    result = run(db_path, "--vdir", str(root))  # a hang fails on the run's timeout

    assert result.returncode == 0, result.stderr
    assert f"left alone: contacts/{card.name}: not a regular file" in result.stdout
    assert "left alone: followups/pipe.ics: not a regular file" in result.stdout
    assert "cannot be read" not in result.stdout or "compared by content" in result.stdout


def test_symlinked_items_are_never_followed_nor_quoted(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET)
    cards = sorted((root / "contacts").glob("*.vcf"))
    cards[0].unlink()
    cards[0].symlink_to("/dev/zero")
    cards[1].unlink()
    cards[1].symlink_to(secret)
    (root / "calls" / "key.ics").symlink_to(secret)

    report = sync(store, root, NOW)

    said = _everything_said(report)
    assert "OPENSSH" not in said and "b3Bl" not in said
    assert f"contacts/{cards[0].name}: a symbolic link, not followed" in report.notices
    assert "calls/key.ics: a symbolic link, not followed" in report.notices
    assert secret.read_text() == SECRET and cards[1].is_symlink()
    assert report.ok


def test_an_item_too_big_is_not_read(store: Store, people: dict[str, int], tmp_path: Path):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    big = root / "contacts" / "huge.vcf"
    with big.open("wb") as out:
        out.truncate(sync_folder.MAX_ITEM_BYTES + 1)

    report = sync(store, root, NOW)

    assert report.notices == ["contacts/huge.vcf: larger than 4 MB, not read"]
    assert report.ok and big.stat().st_size == sync_folder.MAX_ITEM_BYTES + 1


@pytest.mark.parametrize(
    "start",
    [
        "DTSTART;TZID=Asia/Tokyo:00010101T000000",
        "DTSTART:00010101T000000",
        "DTSTART:99991231T235900Z",
    ],
)
def test_dates_out_of_range_are_refused_before_anything_is_written(
    store: Store, people: dict[str, int], tmp_path: Path, start: str
):
    questions = (Question("What does a week look like?"),)
    interview = save_plan(
        store, people["Tom"], Plan("2026-03-18T15:00", Medium.VIDEO, 30, questions), NOW
    )
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "calls").glob("call-*.ics")
    text = path.read_text().replace("\r\n ", "")
    line = next(x for x in text.splitlines() if x.startswith("DTSTART"))
    path.write_text(text.replace(line, start))

    report = sync(store, root, NOW)

    assert report.notices == [
        f"calls/{path.name}: malformed item (DTSTART is outside the years 1900–2200)"
    ]
    assert report.ok and report.came_in == []
    again = store.interviews.get(interview.id or 0)
    assert again is not None and again.scheduled_at == "2026-03-18T15:00"


def test_a_uid_naming_another_followup_is_left_alone(
    store: Store, people: dict[str, int], tmp_path: Path
):
    first = _followup(store, people["Maria"], "First")
    second = _followup(store, people["Maria"], "Second")
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    path = root / "followups" / vdir.file_name(vdir.followup_uid(first, maria.uid), ".ics")
    forged = path.read_text().replace(f"followup-{first}@", f"followup-{second}@")
    path.write_text(forged.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED"))

    report = sync(store, root, NOW)

    assert report.notices == [f"followups/{path.name}: its UID is not the one recorded for it"]
    for followup_id in (first, second):
        followup = store.followups.get(followup_id)
        assert followup is not None and followup.state == "open"


def test_leftover_temporary_files_are_removed(store: Store, people: dict[str, int], tmp_path: Path):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    left = root / "contacts" / ".x.vcf.abc123.partial"
    left.write_text("half")

    report = sync(store, root, NOW)

    assert not left.exists() and report.ok and report.notices == []


def test_two_syncs_at_once_take_turns(store: Store, people: dict[str, int], tmp_path: Path):
    root = tmp_path / "vdir"
    reports = []

    def one() -> None:
        own = Store.open(store.path)
        try:
            reports.append(sync(own, root, NOW))
        finally:
            own.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(r.ok and not r.conflicts and not r.notices for r in reports)
    assert sorted(len(r.written) for r in reports) == [0, len(people)]


def test_a_sync_held_too_long_by_another_says_so(
    store: Store, people: dict[str, int], tmp_path: Path, monkeypatch
):
    root = tmp_path / "vdir"
    root.mkdir()
    monkeypatch.setattr(sync_folder, "LOCK_WAIT_SECONDS", 0.0)
    with sync_folder.locked(root):
        report = sync(store, root, NOW)
    assert report.problems == [f"{root}: another sync of this folder is running"]
