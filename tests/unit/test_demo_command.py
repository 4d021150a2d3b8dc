"""The welcome names a demo command that works where the user is."""

from __future__ import annotations

import os
from pathlib import Path

from coffeechat.tui.screens.welcome import demo_command


def test_after_make_run_it_is_the_venv_script(tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / ".venv" / "bin" / "coffeechat"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert demo_command(str(script)) == ".venv/bin/coffeechat --demo"


def test_installed_on_the_path_it_is_the_plain_name(tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / "bin" / "coffeechat"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}/usr/bin")
    monkeypatch.chdir("/")
    assert demo_command(str(script)) == "coffeechat --demo"


def test_outside_the_folder_it_is_the_whole_path(tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / "venv" / "bin" / "coffeechat"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.chdir(elsewhere)
    assert demo_command(str(script)) == f"{script.resolve()} --demo"
