"""End to end with the clients people really use on the vdir: khal, khard and todoman
edit it through their own command lines (an EDITOR script or answers on stdin where they
ask), vdirsyncer carries it to a Radicale server on 127.0.0.1 and back.

Each scenario ends with both sides holding the newest value of every field, nothing
dropped, every conflict shown, and `coffeechat sync` exiting 0.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from coffeechat.models import Medium
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.contacts import delete_contact
from tests.e2e.test_vdir_clients import NOW, Cycle, _people, _query, _setup
from tests.e2e.test_vdir_radicale import (
    BIN,
    _run,
    opened,
    radicale,  # noqa: F401  (the fixture)
)

IDLE = "0 written, 0 removed, 0 came in, 0 conflicts, 0 left alone"


class Clients:
    """khal, khard and todoman configured on the cycle's vdir, each with its own
    config in a private HOME."""

    def __init__(self, tmp_path: Path, cycle: Cycle) -> None:
        self.home = tmp_path / "home"
        config = self.home / ".config"
        vdir = cycle.vdir
        for folder in ("khal", "khard", "todoman"):
            (config / folder).mkdir(parents=True, exist_ok=True)
        (config / "khal" / "config").write_text(
            f"[calendars]\n[[calls]]\npath = {vdir}/calls\ntype = calendar\n"
            "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
            "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
            "longdatetimeformat = %Y-%m-%d %H:%M\n"
            "default_timezone = UTC\nlocal_timezone = UTC\n"
            f"[sqlite]\npath = {self.home}/khal.db\n",
            encoding="utf-8",
        )
        self.editor = self.home / "editor.py"
        (config / "khard" / "khard.conf").write_text(
            f"[addressbooks]\n[[contacts]]\npath = {vdir}/contacts\n"
            f"[general]\neditor = {self.editor}\nmerge_editor = /bin/false\n"
            "default_action = list\n[contact table]\ndisplay = first_name\n",
            encoding="utf-8",
        )
        (config / "todoman" / "config.py").write_text(
            f'path = "{vdir}/followups"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
            'default_list = "followups"\n',
            encoding="utf-8",
        )
        self.env = {
            **os.environ,
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(config),
            "XDG_DATA_HOME": str(self.home / "share"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
        }

    def run(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [str(BIN / args[0]), *args[1:]],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=180,
        )
        assert done.returncode == 0, f"{args[0]}: {done.stdout}\n{done.stderr}"
        return done.stdout

    def khard_edit(self, who: str, old: str, new: str) -> None:
        """`khard edit`, its EDITOR a script that changes *old* to *new* in the form."""
        self.editor.write_text(
            f"#!{BIN / 'python'}\nimport sys\nfrom pathlib import Path\n"
            f"form = Path(sys.argv[1])\ntext = form.read_text()\nassert {old!r} in text\n"
            f"form.write_text(text.replace({old!r}, {new!r}))\n",
            encoding="utf-8",
        )
        self.editor.chmod(self.editor.stat().st_mode | stat.S_IXUSR)
        self.run("khard", "edit", who)


def _cycle(tmp_path: Path, radicale_info: tuple[str, Path], db: Path) -> tuple[Cycle, Clients]:
    cycle = _setup(tmp_path, radicale_info, db)
    return cycle, Clients(tmp_path, cycle)


@pytest.fixture
def people_on_the_server(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
) -> tuple[dict[str, int], Cycle, Clients]:
    """The sample people (their ids by name), the cycle set up on the server, and the
    clients configured on its vdir."""
    ids = _people(db_path)
    return (ids, *_cycle(tmp_path, radicale, db_path))


def test_khal_adds_a_link_and_a_replan_in_the_app_keeps_both(
    people_on_the_server: tuple[dict[str, int], Cycle, Clients],
    db_path: Path,
) -> None:
    ids, cycle, clients = people_on_the_server
    # khal asks what to edit on stdin: the location, then quit.
    clients.run("khal", "edit", "Coffee chat with Tom", stdin="l\nhttps://meet.example/abc\nq\n")
    first = cycle.both()
    assert "came in: call location “https://meet.example/abc”" in first
    with opened(db_path) as store:
        save_plan(store, ids["tom"], Plan("2030-05-07T10:30", Medium.VIDEO, 45, ()), NOW)

    out = cycle.both()
    cycle.both()

    assert "conflict:" not in out
    [server] = cycle.server("calls").values()
    assert "LOCATION:https://meet.example/abc" in server
    assert "DTSTART:20300507T103000Z" in server and "DTEND:20300507T111500Z" in server
    assert _query(db_path, "SELECT scheduled_at, length_minutes FROM interviews") == [
        ("2030-05-07T10:30", 45)
    ]
    listed = clients.run("khal", "list", "2030-05-07", "2030-05-08")
    assert "10:30-11:15 Coffee chat with Tom Lindqvist" in listed
    assert IDLE in cycle.sync()


def test_khard_edits_a_phone_and_creates_a_contact_both_come_in(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    ids = _people(db_path)
    with opened(db_path) as store:
        store.contacts.with_changes(ids["maria"], phone="+1 555 0100")
    cycle, clients = _cycle(tmp_path, radicale, db_path)
    clients.khard_edit("Maria", "+1 555 0100", "+44 20 7946 0000")
    form = tmp_path / "ana.yaml"
    form.write_text(
        "First name: Ana\nLast name: Silva\nOrganisation: Lisbon Labs\n"
        "Phone:\n    cell: +351 21 000 0000\nEmail:\n    work: ana@example.org\n",
        encoding="utf-8",
    )
    clients.run("khard", "new", "--input-file", str(form), "-a", "contacts")

    out = cycle.both()

    assert "came in: Maria Okafor: phone “+44 20 7946 0000”" in out
    assert "came in: new contact Ana Silva" in out and "conflict:" not in out
    assert _query(db_path, "SELECT phone FROM contacts WHERE id = ?", ids["maria"]) == [
        ("+44 20 7946 0000",)
    ]
    assert _query(
        db_path, "SELECT o.name, c.email, c.phone FROM contacts c "
        "JOIN organizations o ON o.id = c.organization_id WHERE c.name = 'Ana Silva'"
    ) == [("Lisbon Labs", "ana@example.org", "+351 21 000 0000")]  # fmt: skip
    cards = cycle.server("contacts").values()
    assert sum("TEL;TYPE=CELL:+44 20 7946 0000" in card for card in cards) == 1
    assert sum("FN:Ana Silva" in card for card in cards) == 1 and len(cards) == 3
    # The app's next change to Maria goes out over khard's edit, which stays.
    with opened(db_path) as store:
        store.contacts.with_changes(ids["maria"], title="Director")
    cycle.both()
    shown = clients.run("khard", "show", "Maria")
    assert "Director" in shown and "+44 20 7946 0000" in shown
    assert IDLE in cycle.sync()


def test_a_todo_made_in_todoman_is_named_once_and_left_alone(
    people_on_the_server: tuple[dict[str, int], Cycle, Clients],
) -> None:
    _, cycle, clients = people_on_the_server
    clients.run("todo", "new", "--list", "followups", "--due", "2030-05-20", "Buy coffee beans")
    [made] = [
        p for p in (cycle.vdir / "followups").glob("*.ics") if b"Buy coffee beans" in p.read_bytes()
    ]
    before = made.read_bytes()

    first = cycle.both()
    second = cycle.both()

    assert f"left alone: followups/{made.name}: a to-do made elsewhere" in first
    assert "Buy coffee beans" not in second and IDLE in second
    assert made.read_bytes() == before
    assert sum("Buy coffee beans" in t for t in cycle.server("followups").values()) == 1
    listed = json.loads(clients.run("todo", "--porcelain", "list"))
    assert sorted(t["summary"] for t in listed) == ["Buy coffee beans", "Follow up with Maria"]


def test_vdirsyncer_metadata_files_are_not_items(
    people_on_the_server: tuple[dict[str, int], Cycle, Clients],
) -> None:
    _, cycle, _ = people_on_the_server
    config = Path(cycle.vdirsyncer[-1])
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'collections = ["followups", "calls"]\n',
            'collections = ["followups", "calls"]\nmetadata = ["displayname", "color"]\n',
        ),
        encoding="utf-8",
    )
    for collection in ("followups", "calls"):
        props = cycle.storage / "collection-root" / "me" / collection / ".Radicale.props"
        current = json.loads(props.read_text(encoding="utf-8")) if props.exists() else {}
        current |= {"D:displayname": f"coffeechat {collection}", "ICAL:calendar-color": "#c0ffee"}
        props.write_text(json.dumps(current), encoding="utf-8")
    _run([*cycle.vdirsyncer, "metasync"])
    assert (cycle.vdir / "calls" / "displayname").read_text().strip() == "coffeechat calls"

    result = subprocess.run(cycle.coffeechat, capture_output=True, text=True, timeout=180)

    assert result.returncode == 0 and IDLE in result.stdout, result.stdout + result.stderr


def test_the_app_removing_every_call_does_not_stop_vdirsyncer(
    people_on_the_server: tuple[dict[str, int], Cycle, Clients],
    db_path: Path,
) -> None:
    ids, cycle, clients = people_on_the_server
    with opened(db_path) as store:
        store.interviews.delete(ids["call"])  # the only call

    out = cycle.both()  # vdirsyncer exits 0: the calendar holds its anchor

    assert "1 removed" in out and cycle.server("calls") == {}
    assert "Coffee chat" not in clients.run("khal", "list", "2030-05-06", "2030-05-07")
    assert IDLE in cycle.both()
    with opened(db_path) as store:
        save_plan(store, ids["maria"], Plan("2030-05-09T09:00", Medium.PHONE, 30, ()), NOW)

    cycle.both()

    [server] = cycle.server("calls").values()
    assert "Coffee chat with Maria Okafor" in server
    assert IDLE in cycle.both()


def _delete_on_server(cycle: Cycle, collection: str, containing: str) -> None:
    """As a phone deletes an item: the server's copy goes."""
    path = cycle.server_path(collection, containing)
    path.unlink()
    # Radicale caches a collection's listing by the folder's time.
    folder = path.parent
    os.utime(folder, ns=(folder.stat().st_atime_ns, folder.stat().st_mtime_ns + 1_000_000_000))


def test_the_phone_deleting_the_last_todo_and_call_does_not_stop_vdirsyncer(
    radicale: tuple[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
):
    """vdirsyncer refuses a collection one side emptied since its last run; the anchor
    each calendar collection holds keeps the server's from being emptied by the phone,
    so the deletions are carried and the app leaves both deleted."""
    ids = _people(db_path)
    cycle, clients = _cycle(tmp_path, radicale, db_path)
    _delete_on_server(cycle, "followups", "Follow up with Maria")
    _delete_on_server(cycle, "calls", "Coffee chat with Tom")

    cycle.both()  # exits 0 (`_run` asserts it): nothing emptied
    out = cycle.both()
    cycle.both()

    assert "deleted elsewhere, left deleted until it changes here" in out
    assert cycle.server("followups") == {} and cycle.server("calls") == {}
    assert not list((cycle.vdir / "followups").glob("followup-*.ics"))
    assert not list((cycle.vdir / "calls").glob("call-*.ics"))
    assert _query(db_path, "SELECT count(*) FROM followups WHERE state = 'open'") == [(1,)]
    assert "Follow up with Maria" not in clients.run("todo", "list")
    # The anchors deleted on the phone too (each collection then held only its anchor):
    # vdirsyncer stops on those two, and says how to carry the deletion.
    _delete_on_server(cycle, "followups", "UID:coffeechat-keeps-this-list")
    stopped = subprocess.run(
        [*cycle.vdirsyncer, "sync"], capture_output=True, text=True, timeout=180
    )
    assert stopped.returncode == 1 and "completely emptied" in stopped.stderr
    # The sync guide's way out: carry the deletion once, then the app writes it again.
    _run([*cycle.vdirsyncer, "sync", "--force-delete", "coffeechat_calendars/followups"])
    assert IDLE in cycle.both()
    assert "UID:coffeechat-keeps-this-list" in "".join(
        p.read_text()
        for p in (cycle.storage / "collection-root" / "me" / "followups").glob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    with opened(db_path) as store:
        save_plan(store, ids["maria"], Plan("2030-05-09T09:00", Medium.PHONE, 30, ()), NOW)
    cycle.both()
    [server] = cycle.server("calls").values()
    assert "Coffee chat with Maria Okafor" in server
    assert IDLE in cycle.both()


def test_a_contact_deleted_in_the_app_and_edited_on_the_phone_comes_back_archived(
    people_on_the_server: tuple[dict[str, int], Cycle, Clients],
    db_path: Path,
) -> None:
    """The app's sync removes the card; vdirsyncer puts the phone's edited copy back
    (deleted on one side, changed on the other); the next sync knows it for the card it
    removed: the contact comes back archived with the phone's change, the conflict is
    shown, and the card leaves the phone as an archived contact's does."""
    ids, cycle, clients = people_on_the_server
    with opened(db_path) as store:
        delete_contact(store, ids["maria"])
    card = cycle.server_path("contacts", "FN:Maria Okafor")
    cycle.edit_on_server(
        card, lambda t: t.replace("END:VCARD", "TITLE:Head of Research\r\nEND:VCARD")
    )

    cycle.both()
    out = cycle.both()
    cycle.both()

    assert "conflict: deleted here, changed elsewhere (title “Head of Research”): " in out
    assert "Maria Okafor kept, archived" in out
    assert _query(
        db_path, "SELECT archived, title FROM contacts WHERE name = ?", "Maria Okafor"
    ) == [(1, "Head of Research")]
    assert not any("Maria Okafor" in text for text in cycle.server("contacts").values())
    assert "Maria" not in clients.run("khard", "list")
    assert IDLE in cycle.sync()
