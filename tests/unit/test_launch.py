"""The ``coffeechat`` command starts the app without the command line's parser when
there is nothing to parse, and says what is wrong with a file as the parser does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat.launch import plain_start
from coffeechat.store import Store

LAUNCH = "import sys; from coffeechat.launch import main; sys.argv[0] = 'coffeechat'; main()"


@pytest.mark.parametrize(
    ("args", "database"),
    [
        ([], ""),
        (["--db", "people.db"], "people.db"),
        (["--db=people.db"], "people.db"),
        (["--db", "-x"], None),  # looks like an option: the parser decides
        (["--db="], None),
        (["--demo"], None),
        (["--keys"], None),
        (["--help"], None),
        (["agenda"], None),
        (["--db", "people.db", "agenda"], None),
    ],
)
def test_only_a_plain_start_skips_the_parser(args: list[str], database: str | None) -> None:
    assert plain_start(args) == database


def test_a_plain_start_runs_the_app_without_loading_the_parser(tmp_path: Path) -> None:
    Store.open(tmp_path / "people.db").close()  # made before (a new file's migrations differ)
    code = (
        "import sys\n"
        "from coffeechat.tui.app import CoffeechatApp\n"
        "CoffeechatApp.run = lambda self: print('click' in sys.modules, self.store.path.name)\n"
        + LAUNCH
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(tmp_path / "people.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout.split()) == (0, ["False", "people.db"]), result.stderr


def test_cycle_collections_wait_for_the_first_frame_of_a_plain_start_only(
    tmp_path: Path,
) -> None:
    """A plain start runs the app with collections held (the app resumes them after its
    first frame); a command, or a file the app cannot open, runs with them on."""
    Store.open(tmp_path / "people.db").close()
    code = (
        "import gc, sys\n"
        "import coffeechat.__main__ as command_line\n"
        "from coffeechat.tui.app import CoffeechatApp\n"
        "CoffeechatApp.run = lambda self: print('app', gc.isenabled())\n"
        "command_line.main = lambda: print('command line', gc.isenabled())\n" + LAUNCH
    )
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("shopping list\n" * 100)
    said = [
        subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout.strip()
        for args in (
            ["--db", str(tmp_path / "people.db")],
            ["agenda"],
            ["--db", str(not_a_database)],
        )
    ]
    assert said == ["app False", "command line True", "command line True"]


def test_a_file_that_cannot_be_opened_is_explained_as_the_command_line_does(
    tmp_path: Path,
) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("shopping list\n" * 100)
    started = [
        subprocess.run(
            [sys.executable, *how, "--db", str(not_a_database)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        for how in (["-c", LAUNCH], ["-m", "coffeechat"])
    ]
    launched, parsed = ((run.returncode, run.stdout, run.stderr) for run in started)
    assert launched == parsed
    assert parsed[0] == 1 and str(not_a_database) in parsed[2]
