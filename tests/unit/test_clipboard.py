"""The clipboard module without a clipboard: the fallbacks, and never a crash.

The real X clipboard is tested in ``tests/tui/test_clipboard_x11.py``.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pyperclip
import pytest

from coffeechat import clipboard


def test_no_clipboard_falls_back_to_osc52_and_a_private_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def nothing():
        return pyperclip.init_no_clipboard()

    monkeypatch.setattr(pyperclip, "determine_clipboard", nothing)
    sent: list[str] = []
    result = clipboard.copy("hello?", state_dir=tmp_path / "state", osc52=sent.append)
    assert sent == ["hello?"]
    assert result.clipboard == "" and result.osc52
    assert result.file == tmp_path / "state" / "clipboard.txt"
    assert result.file.read_text(encoding="utf-8") == "hello?"
    assert stat.S_IMODE(result.file.stat().st_mode) == 0o600
    assert "OSC 52" in result.message() and "clipboard.txt" in result.message()


def test_failing_program_and_broken_backends_never_raise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken():
        raise RuntimeError("Qt exploded")

    monkeypatch.setattr(pyperclip, "determine_clipboard", broken)

    def osc52(_text: str) -> None:
        raise OSError("no terminal")

    state = tmp_path / "file-not-dir"
    state.write_text("")
    result = clipboard.copy("x", state_dir=state, osc52=osc52)
    assert not result.ok
    assert result.message().startswith("Could not copy:")


def test_xclip_without_a_display_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    if not shutil.which("xclip"):
        pytest.fail("this test needs xclip (apt-get install xclip)")
    monkeypatch.setenv("DISPLAY", ":9999")  # nothing listens there: xclip fails
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = clipboard.copy("x", state_dir=tmp_path / "s")
    assert result.clipboard == "" and result.file is not None
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # xclip's complaint stays off screen
