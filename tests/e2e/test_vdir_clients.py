"""End to end with real clients: coffeechat's vdir, vdirsyncer, a Radicale server on
127.0.0.1 (whose stored items the tests edit as a phone would), todoman and khard.

Each scenario ends with both sides holding the newest value of every field, nothing
dropped, every conflict shown, and `coffeechat sync` exiting 0.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from coffeechat.models import Contact, Medium
from coffeechat.models_activity import FollowUp, Question
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.contacts import delete_contact
from tests.e2e.test_vdir_radicale import (
    BIN,
    _run,
    _server_items,
    _vdirsyncer_config,
    opened,
    radicale,  # noqa: F401  (the fixture)
)

NOW = datetime(2030, 5, 1, 9, 0)


class Cycle:
    """coffeechat sync, then vdirsyncer sync: what a phone-synced setup runs."""

    def __init__(self, db: Path, vdir: Path, config: Path, storage: Path) -> None:
        self.db, self.vdir, self.storage = db, vdir, storage
        self.coffeechat = [str(BIN / "coffeechat"), "--db", str(db), "sync", "--vdir", str(vdir)]
        self.vdirsyncer = [str(BIN / "vdirsyncer"), "-c", str(config)]

    def sync(self) -> str:
        return _run(self.coffeechat).stdout

    def both(self) -> str:
        out = self.sync()
        _run([*self.vdirsyncer, "sync"])
        return out

    def server(self, collection: str) -> dict[str, str]:
        return _server_items(self.storage, collection)

    def server_path(self, collection: str, containing: str) -> Path:
        folder = self.storage / "collection-root" / "me" / collection
        for path in folder.glob("*"):
            if path.is_file() and containing in path.read_bytes().decode("utf-8"):
                return path
        raise AssertionError(f"no {collection} item holds {containing!r}")

    def edit_on_server(self, path: Path, change) -> None:
        """As a phone would: the server's stored copy changes (unfolded, then saved)."""
        text = re.sub(r"\r?\n[ \t]", "", path.read_bytes().decode("utf-8"))
        path.write_bytes(change(text).encode("utf-8"))
        # Radicale caches by file; a new mtime is what it looks at.
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))


def _setup(tmp_path: Path, radicale_info: tuple[str, Path], db: Path) -> Cycle:
    url, storage = radicale_info
    vdir = tmp_path / "vdir"
    cycle = Cycle(db, vdir, _vdirsyncer_config(tmp_path, url, vdir), storage)
    cycle.sync()
    _run([*cycle.vdirsyncer, "discover"], stdin="y\n" * 10)
    _run([*cycle.vdirsyncer, "sync"])
    return cycle


def _people(db: Path) -> dict[str, int]:
    with opened(db) as store:
        maria = store.contacts.add(Contact(name="Maria Okafor", email="maria@northbridge.org"))
        tom = store.contacts.add(Contact(name="Tom Lindqvist", organization="Harbor Health"))
        assert maria.id is not None and tom.id is not None
        followup = store.followups.add(
            FollowUp(maria.id, "follow_up", "2030-05-08", title="Follow up with Maria")
        )
        questions = (Question("What does a week look like?"),)
        call = save_plan(store, tom.id, Plan("2030-05-06T15:00", Medium.VIDEO, 30, questions), NOW)
        return {
            "maria": maria.id,
            "tom": tom.id,
            "followup": followup.id or 0,
            "call": call.id or 0,
        }


def _query(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_a_link_added_elsewhere_and_a_replan_in_the_app_are_both_kept(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    ids = _people(db_path)
    cycle = _setup(tmp_path, radicale, db_path)
    call = cycle.server_path("calls", "Coffee chat with Tom")
    cycle.edit_on_server(
        call,
        lambda t: t.replace(
            "END:VEVENT", "LOCATION:https://meet.example/abc\r\nX-CLIENT:khal\r\nEND:VEVENT"
        ),
    )
    _run([*cycle.vdirsyncer, "sync"])
    cycle.sync()  # the link comes in (a line on Tom), nothing is reverted
    _query(
        db_path,
        "UPDATE interviews SET scheduled_at = '2030-05-07T10:30' WHERE id = ?",
        ids["call"],
    )

    out = cycle.both()
    cycle.both()

    assert "conflict:" not in out
    [server] = cycle.server("calls").values()
    assert "LOCATION:https://meet.example/abc" in server and "X-CLIENT:khal" in server
    assert "DTSTART:20300507T103000Z" in server  # TZ is UTC in the e2e tests
    assert _query(db_path, "SELECT scheduled_at FROM interviews")[0][0] == "2030-05-07T10:30"
    assert "0 written, 0 removed, 0 came in, 0 conflicts" in cycle.sync()


def test_phone_edits_and_new_contacts_come_in_deletions_archive(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    ids = _people(db_path)
    cycle = _setup(tmp_path, radicale, db_path)
    maria = cycle.server_path("contacts", "FN:Maria Okafor")
    cycle.edit_on_server(
        maria, lambda t: t.replace("END:VCARD", "TEL;TYPE=CELL:+44 20 7946 0000\r\nEND:VCARD")
    )
    tom = cycle.server_path("contacts", "FN:Tom Lindqvist")
    new = tom.parent / "made-on-phone.vcf"
    new.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:made-on-phone\r\nFN:Ana Silva\r\n"
        b"EMAIL:ana@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEND:VCARD\r\n"
    )
    for collection in ("contacts", "followups"):
        (cycle.vdir / collection / "displayname").write_text("coffeechat")
        (cycle.vdir / collection / "color").write_text("#ff0000")
    _run([*cycle.vdirsyncer, "sync"])

    result = subprocess.run(cycle.coffeechat, capture_output=True, text=True, timeout=180)

    assert result.returncode == 0, result.stderr
    assert "came in: Maria Okafor: phone “+44 20 7946 0000”" in result.stdout
    assert "came in: new contact Ana Silva" in result.stdout
    assert "displayname" not in result.stdout and "color" not in result.stdout
    assert _query(db_path, "SELECT phone FROM contacts WHERE id = ?", ids["maria"]) == [
        ("+44 20 7946 0000",)
    ]
    assert _query(db_path, "SELECT email FROM contacts WHERE name = 'Ana Silva'") == [
        ("ana@example.org",)
    ]
    _run([*cycle.vdirsyncer, "sync"])
    tom = cycle.server_path("contacts", "FN:Tom Lindqvist")
    tom.unlink()  # deleted on the phone
    _run([*cycle.vdirsyncer, "sync"])

    gone = cycle.sync()

    assert "archived Tom Lindqvist (deleted in your address book)" in gone
    assert _query(db_path, "SELECT archived FROM contacts WHERE id = ?", ids["tom"]) == [(1,)]
    assert "PHOTO" in cycle.server_path("contacts", "FN:Ana Silva").read_text()
    assert "0 written, 0 removed, 0 came in, 0 conflicts, 0 left alone" in cycle.sync()


def test_a_server_that_reserialises_every_item_freezes_nothing(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    ids = _people(db_path)
    with opened(db_path) as store:
        # A second call, Maria's, the one left when Tom's goes with him.
        save_plan(store, ids["maria"], Plan("2030-05-10T09:00", Medium.PHONE, 30, ()), NOW)
    cycle = _setup(tmp_path, radicale, db_path)
    for collection in ("contacts", "followups", "calls"):
        for path in (cycle.storage / "collection-root" / "me" / collection).glob("*"):
            if path.is_file() and not path.name.startswith("."):
                cycle.edit_on_server(
                    path,
                    lambda t: re.sub(r"(END:(VCARD|VTODO|VEVENT))", r"X-SERVER-ETAG:7\r\n\1", t),
                )
    _run([*cycle.vdirsyncer, "sync"])
    quiet = cycle.sync()
    assert "0 came in, 0 conflicts, 0 left alone" in quiet

    with opened(db_path) as store:
        store.interviews.update_plan(
            ids["call"],
            scheduled_at="2030-05-09T11:00",
            medium=Medium.PHONE,
            length_minutes=45,
        )
        store.database.conn.execute(
            "UPDATE followups SET title = 'Send Maria the summary', state = 'done', "
            "done_at = '2030-05-01T08:15:00' WHERE id = ?",
            (ids["followup"],),
        )
        delete_contact(store, ids["tom"])  # his call goes with him
        store.contacts.with_changes(ids["maria"], title="Director")

    out = cycle.both()

    assert "conflict:" not in out
    assert not any("Tom Lindqvist" in t for t in cycle.server("contacts").values())
    [maria_call] = cycle.server("calls").values()
    assert "Coffee chat with Maria Okafor" in maria_call
    [card] = cycle.server("contacts").values()
    assert "TITLE:Director" in card and "X-SERVER-ETAG:7" in card
    [todo] = cycle.server("followups").values()
    assert "STATUS:COMPLETED" in todo and "COMPLETED:20300501T081500Z" in todo
    assert "Send Maria the summary" in todo and "VALARM" not in todo
    assert "X-SERVER-ETAG:7" in todo and "SEQUENCE:1" in todo


def test_a_todo_done_in_todoman_comes_back_with_its_time(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    ids = _people(db_path)
    cycle = _setup(tmp_path, radicale, db_path)
    config_dir = tmp_path / "cfg" / "todoman"
    config_dir.mkdir(parents=True)
    (config_dir / "config.py").write_text(
        f'path = "{cycle.vdir}/followups"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
        'default_list = "followups"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HOME": str(tmp_path)}
    env["XDG_DATA_HOME"] = env["XDG_CACHE_HOME"] = str(tmp_path / "share")
    listed = subprocess.run(
        [str(BIN / "todo"), "--porcelain", "list"], capture_output=True, text=True, env=env
    )
    [todo] = json.loads(listed.stdout)
    done = subprocess.run(
        [str(BIN / "todo"), "done", str(todo["id"])], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr

    out = cycle.both()

    assert "came in: done: Follow up with Maria" in out
    [(state, done_at)] = _query(
        db_path, "SELECT state, done_at FROM followups WHERE id = ?", ids["followup"]
    )
    assert state == "done" and done_at[:4] == str(datetime.now().year)
    [server] = cycle.server("followups").values()
    assert "STATUS:COMPLETED" in server and "VALARM" not in server


@pytest.mark.slow
def test_three_cycles_on_two_thousand_contacts_lose_nothing(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    """Three full cycles (phone edits, app edits, coffeechat sync, vdirsyncer sync) on
    2,000 contacts: every card on the server ends as the database has it."""
    with opened(db_path) as store:
        for n in range(2000):
            store.contacts.add(Contact(name=f"Person {n:04d}", email=f"p{n}@example.org"))
    cycle = _setup(tmp_path, radicale, db_path)
    for round_ in range(3):
        cards = sorted((cycle.storage / "collection-root" / "me" / "contacts").glob("*.vcf"))
        for path in cards[round_::30]:
            cycle.edit_on_server(
                path, lambda t, r=round_: t.replace("END:VCARD", f"TITLE:Round {r}\r\nEND:VCARD")
            )
        _run([*cycle.vdirsyncer, "sync"])
        _query(db_path, "UPDATE contacts SET phone = ? WHERE id % 25 = ?", f"+1 {round_}", round_)
        out = cycle.both()
        assert "conflict:" not in out and "left alone:" not in out
    titled = _query(db_path, "SELECT count(*) FROM contacts WHERE title LIKE 'Round %'")[0][0]
    assert titled == sum(len(range(r, 2000, 30)) for r in range(3))
    by_uid = {
        uid: (name, title, phone)
        for uid, name, title, phone in _query(
            db_path, "SELECT uid, name, title, phone FROM contacts"
        )
    }
    cards = cycle.server("contacts").values()
    assert len(cards) == len(by_uid) == 2000
    for card in cards:
        uid = re.search(r"^UID:(.*)$", card, re.M)
        assert uid is not None
        name, title, phone = by_uid[uid.group(1).strip()]
        assert f"FN:{name}" in card
        assert (f"TITLE:{title}" in card) if title else "TITLE:" not in card
        assert (f"TEL;TYPE=CELL:{phone}" in card) if phone else "TEL" not in card
    assert "0 written, 0 removed, 0 came in, 0 conflicts, 0 left alone" in cycle.sync()


def test_one_item_changed_on_both_sides_between_two_vdirsyncer_runs(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    """The sample config's `conflict_resolution = "b wins"`: vdirsyncer does not stop,
    the phone's link comes in and the app's re-plan is written again, not reverted."""
    ids = _people(db_path)
    cycle = _setup(tmp_path, radicale, db_path)
    call = cycle.server_path("calls", "Coffee chat with Tom")
    cycle.edit_on_server(
        call, lambda t: t.replace("END:VEVENT", "LOCATION:https://meet.example/xyz\r\nEND:VEVENT")
    )
    _query(
        db_path,
        "UPDATE interviews SET scheduled_at = '2030-05-08T16:00' WHERE id = ?",
        ids["call"],
    )
    cycle.both()  # the app's re-plan reaches the vdir; the server's copy wins there

    out = cycle.both()
    cycle.both()

    assert "conflict:" not in out
    [server] = cycle.server("calls").values()
    assert "LOCATION:https://meet.example/xyz" in server
    assert "DTSTART:20300508T160000Z" in server
    assert _query(db_path, "SELECT scheduled_at FROM interviews")[0][0] == "2030-05-08T16:00"
    tom = _query(db_path, "SELECT id FROM contacts WHERE name = 'Tom Lindqvist'")[0][0]
    research = _query(db_path, "SELECT body FROM notes WHERE contact_id = ?", tom)
    assert any("https://meet.example/xyz" in body for (body,) in research)
