"""The real mail programs the mail tests run (notmuch, neomutt), and Maildirs to feed them.

A missing program fails the test, saying where it comes from: these tests show that
what coffeechat writes and reads is what real mail tools write and read, and a skip
would hide that they did not run.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.fail(
            f"{program} is not installed: .ci/run installs it (apt-get install {program})",
            pytrace=False,
        )
    return path


def maildir(folder: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return folder


def neomutt_pipe(folder: Path, out: Path) -> str:
    """Open *folder* read-only in neomutt (under ``script``, which gives it the terminal
    it insists on), pipe the first message, decoded, into *out*; return what it wrote."""
    require("neomutt")
    require("script")
    push = f"<pipe-message>cat > {out}<enter><exit>"
    command = shlex.join(
        [
            "neomutt",
            "-n",
            "-F",
            os.devnull,
            "-R",
            "-f",
            str(folder),
            "-e",
            "set wait_key=no pipe_decode=yes",
            "-e",
            f'push "{push}"',
        ]
    )
    home = out.parent / "neomutt-home"
    (home / "Mail").mkdir(parents=True, exist_ok=True)  # else it asks to create ~/Mail
    env = {**os.environ, "TERM": "xterm", "HOME": str(home), "LC_ALL": "C.UTF-8"}
    # stdin stays open until neomutt is done: at its end of file ``script`` would type
    # an end-of-file key into neomutt.
    with subprocess.Popen(
        ["script", "-qec", command, os.devnull],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as process:
        try:
            assert process.wait(timeout=60) == 0, "neomutt failed"
        finally:
            process.kill()
    return out.read_text(encoding="utf-8")
