"""The synced vdir as khard, khal and todoman read it (the programs themselves)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coffeechat.models import Medium
from coffeechat.models_activity import FollowUp, Question
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.sync import sync
from tests.conftest import FROZEN_NOW, seed

BIN = Path(sys.executable).parent


@pytest.fixture
def vdir(store: Store, tmp_path: Path) -> Path:
    people = {c.name.split()[0]: c for c in seed(store)}
    tom, maria = people["Tom"], people["Maria"]
    assert tom.id is not None and maria.id is not None
    store.contacts.with_changes(tom.id, time_zone="America/New_York")
    questions = (Question("What does a week look like?"),)
    save_plan(store, tom.id, Plan("2026-03-18T15:00", Medium.VIDEO, 45, questions), FROZEN_NOW)
    store.followups.add(FollowUp(maria.id, "next_step", "2026-03-20", title="Send my summary"))
    root = tmp_path / "vdir"
    report = sync(store, root, FROZEN_NOW)
    assert report.ok, report.problems
    return root


def _run(program: str, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    assert (BIN / program).exists(), f"{program} comes with the test extras"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TZ": "UTC",
    }
    result = subprocess.run(
        [str(BIN / program), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result


def test_khard_lists_the_synced_contacts(store: Store, vdir: Path, tmp_path: Path):
    config = tmp_path / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[coffeechat]]\npath = {vdir / 'contacts'}\n\n"
        "[general]\ndebug = no\ndefault_action = list\neditor = true\nmerge_editor = true\n\n"
        "[contact table]\ndisplay = formatted_name\nshow_uids = yes\n",
        encoding="utf-8",
    )
    result = _run("khard", ["-c", str(config), "list", "--parsable"], tmp_path)
    listed = [line.split("\t") for line in result.stdout.splitlines() if line.strip()]
    contacts = store.contacts.all()
    assert sorted(row[0] for row in listed) == sorted(c.uid for c in contacts)
    assert sorted(row[1] for row in listed) == sorted(c.name for c in contacts)


def test_khal_shows_the_call_at_its_hour_in_any_zone(vdir: Path, tmp_path: Path):
    config = tmp_path / "khal.conf"
    for zone, hour in (("Europe/Berlin", "16:00"), ("America/New_York", "11:00")):
        config.write_text(
            f"[calendars]\n[[calls]]\npath = {vdir / 'calls'}\n\n"
            f"[locale]\nlocal_timezone = {zone}\ndefault_timezone = {zone}\n"
            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
            encoding="utf-8",
        )
        result = _run(
            "khal",
            [
                "-c",
                str(config),
                "list",
                "--format",
                "{start} {title} [{location}]",
                "2026-03-18",
                "2d",
            ],
            tmp_path,
        )
        # 15:00 UTC is 16:00 in Berlin and 11:00 in New York (before both switch to DST
        # the same week: New York already has, on 8 March).
        assert f"2026-03-18 {hour} Coffee chat with Tom Lindqvist" in result.stdout
        assert "Tom Lindqvist is in America/New_York" in result.stdout


def test_todoman_lists_the_followups(vdir: Path, tmp_path: Path):
    config_dir = tmp_path / "cfg" / "todoman"
    config_dir.mkdir(parents=True)
    (config_dir / "config.py").write_text(
        f'path = "{vdir}/followups"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
        'default_list = "followups"\n',
        encoding="utf-8",
    )
    result = _run("todo", ["--porcelain", "list"], tmp_path)
    [todo] = json.loads(result.stdout)
    assert todo["summary"] == "Send my summary (agreed with Maria Okafor)"
    assert todo["due"] == int(datetime(2026, 3, 20, tzinfo=UTC).timestamp())
    assert todo["completed"] is False and todo["categories"] == ["next step"]
