"""End to end: the vdir carried by vdirsyncer to a real Radicale server and back.

The test (and vdirsyncer) talk to Radicale on 127.0.0.1; coffeechat itself only reads
and writes the vdir folder.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coffeechat.models import Contact, Medium, Status
from coffeechat.models_activity import FollowUp, Question
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, save_plan

BIN = Path(sys.executable).parent
NOW_PLAN = "2030-05-06T15:00"


@contextmanager
def opened(db: Path) -> Iterator[Store]:
    """The store of *db*, closed after the block (the command-line sync opens it too)."""
    store = Store.open(db)
    try:
        yield store
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A Radicale server on a free port, storage in tmp, no authentication."""
    port = _free_port()
    storage = tmp_path / "radicale"
    server = subprocess.Popen(
        [
            str(BIN / "python"),
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(storage),
            "--auth-type",
            "none",
            "--rights-type",
            "owner_only",
            "--logging-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"Radicale did not start: {server.stderr.read()!r}"
                    ) from None
                time.sleep(0.05)  # polling for the port, not waiting a fixed time
        yield f"http://127.0.0.1:{port}/", storage
    finally:
        server.terminate()
        server.wait(timeout=10)


ROOT = Path(__file__).resolve().parents[2]


def _vdirsyncer_config(tmp_path: Path, url: str, vdir: Path) -> Path:
    """The sync guide's sample config, pointed at this test's folders and server."""
    guide = (ROOT / "docs" / "sync.md").read_text(encoding="utf-8")
    sample = guide.split("for a generic server:\n\n```ini\n", 1)[1].split("```", 1)[0]
    text = (
        sample.replace("~/.local/share/vdirsyncer/status/", f"{tmp_path / 'status'}/")
        .replace("~/.local/share/coffeechat/vdir/", f"{vdir}/")
        .replace("https://dav.example.com/", url)
        .replace('password.fetch = ["command", "pass", "dav.example.com"]', 'password = "x"')
        .replace('username = "you"', 'username = "me"')
    )
    assert "example.com" not in text and "~" not in text
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(text, encoding="utf-8")
    return config


def _run(args: list[str], *, stdin: str = "", timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args[0]}: {result.stdout}\n{result.stderr}"
    return result


def _server_items(storage: Path, collection: str) -> dict[str, str]:
    """The server's copy of each item of the app's in *collection*, unfolded (the
    collection's anchor, which keeps it from being empty, aside)."""
    folder = storage / "collection-root" / "me" / collection
    items = {
        p.name: re.sub(r"\r?\n[ \t]", "", p.read_bytes().decode("utf-8"))
        for p in folder.glob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    return {name: text for name, text in items.items() if "UID:coffeechat-keeps-" not in text}


def test_followup_ticked_on_the_server_comes_back_done(
    radicale: tuple[str, Path], db_path: Path, tmp_path: Path
):
    url, storage = radicale
    with opened(db_path) as store:
        maria = store.contacts.add(
            Contact(name="Maria Okafor", organization="Northbridge", status=Status.LETTER_SENT)
        )
        tom = store.contacts.add(Contact(name="Tom Lindqvist", time_zone="Europe/Berlin"))
        assert maria.id is not None and tom.id is not None
        followup = store.followups.add(
            FollowUp(maria.id, "follow_up", "2030-05-08", title="Follow up with Maria")
        )
        questions = (Question("What does a week look like?"),)
        save_plan(store, tom.id, Plan(NOW_PLAN, Medium.PHONE, 30, questions), _now())
    vdir = tmp_path / "vdir"
    coffeechat = [str(BIN / "coffeechat"), "--db", str(db_path), "sync", "--vdir", str(vdir)]
    vdirsyncer = [str(BIN / "vdirsyncer"), "-c", str(_vdirsyncer_config(tmp_path, url, vdir))]

    first = _run(coffeechat)
    assert "4 written" in first.stdout  # two cards, one to-do, one call
    _run([*vdirsyncer, "discover"], stdin="y\n" * 10)
    _run([*vdirsyncer, "sync"])

    contacts = _server_items(storage, "contacts")
    assert sorted("FN:Maria Okafor" in t or "FN:Tom Lindqvist" in t for t in contacts.values()) == [
        True,
        True,
    ]
    [todo_name] = _server_items(storage, "followups")
    [call] = _server_items(storage, "calls").values()
    assert "What does a week look like?" in call

    # Ticked on the phone: the server's copy says COMPLETED.
    todo_path = storage / "collection-root" / "me" / "followups" / todo_name
    todo_path.write_text(
        todo_path.read_text(encoding="utf-8").replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED"),
        encoding="utf-8",
        newline="",
    )
    _run([*vdirsyncer, "sync"])
    back = _run(coffeechat)

    assert "came in: done: Follow up with Maria" in back.stdout
    with opened(db_path) as store:
        done = store.followups.get(followup.id or 0)
        assert done is not None and done.state == "done"
    agenda = _run([str(BIN / "coffeechat"), "--db", str(db_path), "agenda", "--days", "3650"])
    assert "Follow up with Maria" not in agenda.stdout
    # The to-do stays ticked on the server (as coffeechat now writes it); nothing lost.
    _run([*vdirsyncer, "sync"])
    [todo] = _server_items(storage, "followups").values()
    assert "STATUS:COMPLETED" in todo and "COMPLETED:" in todo
    assert len(_server_items(storage, "contacts")) == 2
    assert len(_server_items(storage, "calls")) == 1
    assert "0 written, 0 removed, 0 came in, 0 conflicts" in _run(coffeechat).stdout


def _now():
    from datetime import datetime

    return datetime(2030, 5, 1, 9, 0)
