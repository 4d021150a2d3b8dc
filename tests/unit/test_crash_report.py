"""One crash handler for the app and the command line: one line on screen naming a
report file (0600, frames without locals, no exception message, no user text); never
a traceback, never Textual's traceback with locals."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from coffeechat.crash import crash_line, report_text
from coffeechat.store import Store
from tests.conftest import seed

SCRIPT = Path(sys.executable).parent / "coffeechat"
SECRET = "my secret note about Maria"


def reports() -> list[Path]:
    folder = Path(os.environ["XDG_STATE_HOME"]) / "coffeechat" / "crashes"
    return sorted(folder.glob("crash-*.txt")) if folder.exists() else []


def assert_one_line_and_a_private_report(stderr: str) -> Path:
    assert "Traceback" not in stderr and SECRET not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "coffeechat stopped on an unexpected error" in lines[0]
    [report] = reports()
    assert str(report) in lines[0]
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text(encoding="utf-8")
    assert SECRET not in text and "Traceback" not in text
    return report


def failing() -> None:
    note = SECRET
    raise ValueError(f"cannot parse {note!r}")


def test_the_report_has_frames_and_types_but_no_message_nor_locals(tmp_path: Path) -> None:
    try:
        try:
            failing()
        except ValueError as error:
            raise RuntimeError(SECRET) from error
    except RuntimeError as error:
        text = report_text(error)
        line = crash_line(error, tmp_path / "crashes")
    assert SECRET not in text
    assert "ValueError (message left out)" in text and "RuntimeError (message left out)" in text
    assert "in failing" in text and 'raise ValueError(f"cannot parse {note!r}")' in text
    [written] = (tmp_path / "crashes").iterdir()
    assert line.endswith(f"report: {written}")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700


def test_the_line_says_so_when_no_report_can_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    line = crash_line(ValueError(SECRET), blocked / "crashes")
    assert line.startswith("coffeechat stopped on an unexpected error (ValueError); no report")
    assert SECRET not in line


def test_a_wrong_typed_sync_state_file_is_one_line_on_the_command_line(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    seed(store)
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    (vdir / ".coffeechat-sync.json").write_text(
        json.dumps({"items": {"contacts/a.vcf": 5, SECRET: [1]}}), encoding="utf-8"
    )
    (vdir / "contacts").mkdir()
    (vdir / "contacts" / "a.vcf").write_text("BEGIN:VCARD\r\nEND:VCARD\r\n")
    result = subprocess.run(
        [str(SCRIPT), "--db", str(db_path), "sync", "--vdir", str(vdir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # A state file is validated like any input: its bad entries are named in one line
    # and the sync does its job (exit 0); a malformed item is left alone, not quoted.
    assert result.returncode == 0, result.stderr
    said = result.stderr + result.stdout
    assert "Traceback" not in said and SECRET not in said
    assert "left alone: " in said and "not a sync state of this version" in said


def test_a_nul_in_the_configured_vdir_is_one_line(store: Store, db_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "coffeechat" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('vdir = "/tmp/a\\u0000b"\n', encoding="utf-8")
    result = subprocess.run(
        [str(SCRIPT), "--db", str(db_path), "sync"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {config}: vdir and sync_scope must not hold control characters\n"
    )


CRASHING_APP = textwrap.dedent(
    """
    import asyncio, sys
    from coffeechat.store import Store
    from coffeechat.tui.app import CoffeechatApp

    class Crashing(CoffeechatApp):
        def on_mount(self):
            super().on_mount()
            self.set_timer(0.05, self.boom)

        def boom(self):
            note = sys.argv[2]
            raise ValueError(f"cannot save {note!r}")

    app = Crashing(Store.open(sys.argv[1]), welcome=False)
    app.run(headless=True)
    sys.exit(app.return_code)
    """
)


def test_the_app_crashing_prints_one_line_not_textuals_traceback(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(db_path), SECRET],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    report = assert_one_line_and_a_private_report(result.stderr)
    assert "in boom" in report.read_text(encoding="utf-8")
