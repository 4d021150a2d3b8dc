"""Every command of the console script, fed hostile names, file names and config,
sends no control character to the terminal: the raw bytes of stdout and stderr hold
no ESC, BEL or other C0/C1 control (but newline and tab), and the hostile text shows
as visible symbols (ESC as ␛) instead."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store

SCRIPT = Path(sys.executable).parent / "coffeechat"

OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;aGFja2Vk\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"
HOSTILE = f"{OSC_TITLE}{OSC_CLIPBOARD}{CLEAR}{C1_CSI}\r"
ALLOWED = {0x09, 0x0A}


def control_bytes(data: bytes) -> list[int]:
    text = data.decode("utf-8", "replace")
    return [
        ord(c) for c in text if (ord(c) < 0x20 and ord(c) not in ALLOWED) or 0x7F <= ord(c) <= 0x9F
    ]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, timeout=60, cwd=cwd, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def hostile_world(tmp_path: Path, db_path: Path) -> Path:
    """A database whose people, and a folder whose files and config, are hostile."""
    store = Store.open(db_path)
    eve = store.contacts.add(
        Contact(
            name=f"Eve {HOSTILE}",
            organization=f"Acme {HOSTILE}",
            next_action=f"Call {HOSTILE}",
            next_action_date="2026-03-12",
            uid=f"uid-{HOSTILE}",
        )
    )
    assert eve.id is not None
    store.followups.add(
        FollowUp(contact_id=eve.id, kind="follow_up", due_date="2026-01-05", title=HOSTILE)
    )
    store.close()
    files = tmp_path / "files"
    files.mkdir()
    (files / f"in{HOSTILE}.csv").write_text(
        f"Name,Email,{HOSTILE}Column\nBob {HOSTILE},bob@example.org,x\n", encoding="utf-8"
    )
    (files / f"in{HOSTILE}.vcf").write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vic {HOSTILE}\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    (files / f"in{HOSTILE}.linkedin.csv").write_text(
        f"First Name,Last Name,URL,{HOSTILE}\nLi,{HOSTILE},https://x.example/li,y\n",
        encoding="utf-8",
    )
    (files / f"bad{HOSTILE}.json").write_text(
        json.dumps({"version": f"{HOSTILE}", "contacts": []}), encoding="utf-8"
    )
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "coffeechat"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text(
        f'[keys]\n"{HOSTILE}" = "ctrl+k"\nnew_contact = "{HOSTILE}"\n'.replace("\x1b", "\\u001b")
        .replace("\x07", "\\u0007")
        .replace("\x9b", "\\u009b")
        .replace("\r", "\\r"),
        encoding="utf-8",
    )
    return files


def commands(files: Path) -> list[list[str]]:
    vdir = files / f"vdir{HOSTILE}"
    return [
        ["--keys"],
        ["agenda"],
        ["import", "csv", f"in{HOSTILE}.csv"],
        ["import", "vcard", f"in{HOSTILE}.vcf"],
        ["import", "linkedin", f"in{HOSTILE}.linkedin.csv"],
        ["import", "json", f"bad{HOSTILE}.json"],
        ["import", "csv", f"missing{HOSTILE}.csv"],
        ["export", "json", "-o", f"out{HOSTILE}.json"],
        ["export", "csv", "-o", f"no-such-folder{HOSTILE}/out.csv"],
        ["export", HOSTILE],
        ["backup", f"backup{HOSTILE}.db"],
        ["sync", "--vdir", str(vdir)],
        ["sync", "--vdir", str(vdir), "--scope", f"tag:{HOSTILE}"],
        [f"no-such-command{HOSTILE}"],
        ["agenda", "--days", HOSTILE],
    ]


def test_every_command_prints_hostile_text_inert(hostile_world: Path) -> None:
    shown = b""
    for args in commands(hostile_world):
        result = run(*args, cwd=hostile_world)
        for name, stream in (("stdout", result.stdout), ("stderr", result.stderr)):
            assert control_bytes(stream) == [], (args, name, stream)
            assert b"Traceback" not in stream, (args, stream)
        shown += result.stdout + result.stderr
    assert "␛]0;PWNED␇".encode() in shown  # the hostile text did reach the output


def test_the_agenda_is_a_report_made_inert_even_into_a_pipe(hostile_world: Path) -> None:
    result = run("agenda", "--days", "3650", cwd=hostile_world)
    assert result.returncode == 0, result.stderr
    assert control_bytes(result.stdout) == [], result.stdout
    assert "Eve ␛]0;PWNED␇".encode() in result.stdout


def test_config_values_print_inert(hostile_world: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "coffeechat" / "config.toml"
    config.write_text('vdir = "/nowhere/\\u001b]0;PWNED\\u0007"\nsync_scope = 5\n')
    result = run("sync", cwd=hostile_world)
    assert result.returncode == 1
    assert control_bytes(result.stdout + result.stderr) == [], result.stderr
    config.write_text(f'vdir = "{CLEAR}\n', encoding="utf-8")  # not TOML at all
    broken = run("sync", cwd=hostile_world)
    assert broken.returncode == 1
    assert control_bytes(broken.stdout + broken.stderr) == [], broken.stderr
    assert b"Traceback" not in broken.stderr


def test_an_export_to_a_pipe_is_byte_exact(hostile_world: Path) -> None:
    result = run("export", "csv", cwd=hostile_world)
    assert result.returncode == 0
    assert HOSTILE.encode() in result.stdout  # data, not a message: exact


def test_an_export_to_a_terminal_is_inert(hostile_world: Path) -> None:
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(SCRIPT), "export", "csv"],
            stdout=follower,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=hostile_world,
        )
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the program ended
                break
            if not chunk:
                break
            received += chunk
        assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    text = received.replace(b"\r\n", b"\n")
    assert control_bytes(text) == [], text
    assert "Eve ␛]0;PWNED␇".encode() in text
