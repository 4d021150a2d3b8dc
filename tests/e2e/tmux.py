"""A real terminal for end-to-end tests: the app runs in tmux, we type and read the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.waiting import wait_until_sync

EXIT_MARK = "__COFFEECHAT_EXITED__"
SCREEN_POLL = 0.05
"""Seconds between screen captures (each runs tmux): enough, and easy on a busy CPU."""


def console_script() -> str:
    """The installed `coffeechat` entry point next to this interpreter."""
    script = Path(sys.executable).parent / "coffeechat"
    if not script.exists():
        found = shutil.which("coffeechat")
        assert found, "the coffeechat console script is not installed"
        return found
    return str(script)


class Terminal:
    def __init__(self, *, width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            pytest.fail("tmux is required for end-to-end tests (apt-get install tmux)")
        self.socket = f"cc-e2e-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def _tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self, args: list[str], env: dict[str, str]) -> None:
        self.start_command([console_script(), *args], env)

    def start_command(self, argv: list[str], env: dict[str, str]) -> None:
        """Run *argv* (any program: a script driving the app) in the terminal."""
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        command = " ".join(shlex.quote(a) for a in argv)
        # The shell stays on after the program (for at most ten minutes) so that its last
        # screen and exit status can still be read.
        shell = f"env {exports} TERM=xterm-256color {command}; echo {EXIT_MARK} $?; sleep 600"
        self._tmux("new-session", "-d", "-x", str(self.width), "-y", str(self.height), shell)
        self._tmux("set", "-s", "escape-time", "0")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", check=False)

    def printed(self) -> str:
        """What a command printed, its long lines whole: the terminal wraps a line wider
        than itself (a message naming a long path), and the screen then has a word cut
        in two."""
        return self._tmux("capture-pane", "-p", "-J", check=False)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until *text* is on it; return that screen."""

        def screen_with_text() -> str:
            screen = self.screen()
            return screen if text in screen else ""

        return wait_until_sync(
            screen_with_text,
            timeout=timeout,
            poll=SCREEN_POLL,
            what=lambda: f"{text!r} never appeared. Screen:\n{self.screen()}",
        )

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until *text* is no longer on it; return that screen.

        After Escape, wait so for its effect before the next key: a key that reaches the
        app within its escape delay (0.1 s) reads as alt+key."""

        def screen_without_text() -> str:
            screen = self.screen()
            return screen if text not in screen else ""

        return wait_until_sync(
            screen_without_text,
            timeout=timeout,
            poll=SCREEN_POLL,
            what=lambda: f"{text!r} stayed. Screen:\n{self.screen()}",
        )

    def press(self, *keys: str) -> None:
        """Send keys in order (tmux key names like Enter, C-q), each with its own send-keys.

        No pause between them: the app holds each key until the one before it has settled,
        so a test waits only for what it then reads (``wait_for``)."""
        for key in keys:
            self._tmux("send-keys", key)

    def burst(self, *keys: str) -> None:
        """Send keys in one go (one send-keys), as a paste or a fast typist delivers them."""
        self._tmux("send-keys", *keys)

    def type(self, text: str) -> None:
        """Send *text* literally, in one go."""
        self._tmux("send-keys", "-l", text)

    def record_output(self, recording: Path) -> None:
        """Append every byte the program writes to the terminal to *recording*."""
        self._tmux("pipe-pane", "-o", f"cat >> {shlex.quote(str(recording))}")

    def app_pid(self) -> int:
        """The pid of the coffeechat process running in the pane."""
        shell_pid = int(self._tmux("display", "-p", "#{pane_pid}").strip())

        def coffeechat_child() -> int:
            result = subprocess.run(
                ["pgrep", "-P", str(shell_pid)], capture_output=True, text=True, check=False
            )
            for pid in result.stdout.split():
                if b"coffeechat" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return int(pid)
            return 0

        return wait_until_sync(
            coffeechat_child, timeout=10, poll=SCREEN_POLL, what="the coffeechat process"
        )

    def exit_code(self, timeout: float = 20.0) -> int:
        screen = self.wait_for(EXIT_MARK, timeout)
        tail = screen.split(EXIT_MARK, 1)[1].split()
        return int(tail[0])

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def assert_never_written(recording: Path, forbidden: list[bytes]) -> None:
    """None of the *forbidden* byte sequences is in a session's *recording*."""
    output = recording.read_bytes()
    assert len(output) > 10_000, "the recording missed the session"
    for sequence in forbidden:
        assert sequence not in output, f"{sequence!r} reached the terminal"


@pytest.fixture
def terminal():
    term = Terminal()
    yield term
    term.close()


def base_env(tmp_path: Path, db: Path) -> dict[str, str]:
    return {
        "COFFEECHAT_DB": str(db),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
