"""The clipboard: a real X clipboard (Xvfb + xclip), and the path with no clipboard."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyperclip
import pytest

from coffeechat import clipboard


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """An X display with a clipboard: $DISPLAY if set, else a private Xvfb."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if not shutil.which("Xvfb") or not shutil.which("xclip"):
        pytest.fail("the clipboard test needs Xvfb and xclip (apt-get install xvfb xclip)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()  # Xvfb picks a free display and tells us
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def read_x_clipboard(display: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env=env,
        capture_output=True,
        timeout=10,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_copy_reaches_a_real_x_clipboard(
    x_display: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    text = "Dear Maria,\n\nWould you have 15 or 30 minutes? 李 🐉\n"
    result = clipboard.copy(text, state_dir=tmp_path / "state")
    assert result.clipboard == "xclip"
    assert result.message() == "Copied to the clipboard (xclip)."
    assert read_x_clipboard(x_display) == text
    assert not (tmp_path / "state").exists()  # no fallback file when the clipboard worked


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
