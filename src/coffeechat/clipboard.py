"""Copy text to the system clipboard, or say honestly where it went instead.

Order: a clipboard program found by pyperclip (xclip, xsel, wl-copy, pbcopy, …); when
there is none, the terminal's OSC 52 sequence (passed in by the UI, which owns the
terminal) and a private file in the user's state folder. Nothing here raises, and no
clipboard program may write to our terminal: its stderr is captured.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyperclip

from .paths import ensure_private_dir
from .safe_files import write_file

CLIPBOARD_FILE = "clipboard.txt"
PROGRAM_TIMEOUT = 1.0
"""Seconds a clipboard program may take. xclip with a display that accepts the
connection and never answers would otherwise wait for ever; a working one takes a
few milliseconds."""

#: pyperclip backends we run ourselves: theirs ignore the exit code and let the
#: program's complaints through to the terminal.
_PROGRAMS: dict[str, list[str]] = {
    "copy_xclip": ["xclip", "-selection", "clipboard"],
    "copy_xsel": ["xsel", "--clipboard", "--input"],
    "copy_wl": ["wl-copy"],
    "copy_osx_pbcopy": ["pbcopy"],
}


@dataclass(frozen=True, slots=True)
class CopyResult:
    clipboard: str = ""
    """The program that put the text on the system clipboard, or "" if none did."""
    osc52: bool = False
    """Whether the text was also sent to the terminal as OSC 52 (cannot be confirmed)."""
    file: Path | None = None
    """The private file the text was written to, when there was no clipboard program."""
    error: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.clipboard or self.osc52 or self.file)

    def message(self) -> str:
        if self.clipboard:
            return f"Copied to the clipboard ({self.clipboard})."
        parts = []
        if self.osc52:
            parts.append(
                "sent to the terminal's clipboard (OSC 52; works if your terminal allows it)"
            )
        if self.file:
            parts.append(f"saved to {self.file}")
        if not parts:
            return f"Could not copy: {self.error or 'no clipboard available'}."
        return "No clipboard program found: " + " and ".join(parts) + "."


def _system_copy(text: str) -> str:
    """Put *text* on the system clipboard; return the program's name, or "" if none."""
    try:
        copy, _paste = pyperclip.determine_clipboard()
    except Exception:  # a broken optional backend (Qt, GTK) must not take us down
        return ""
    name = getattr(copy, "__name__", "")
    if name == "copy_no_clipboard" or "no_clipboard" in getattr(copy, "__qualname__", ""):
        return ""
    command = _PROGRAMS.get(name)
    if command is None:
        # Another pyperclip backend (Windows, pyobjc, Qt, klipper): let it try, quietly.
        try:
            copy(text)
        except (pyperclip.PyperclipException, OSError, RuntimeError):
            return ""
        return name.removeprefix("copy_") or "pyperclip"
    try:
        # xclip forks to keep owning the selection; a captured pipe would wait for that
        # child forever, so stdout/stderr go to /dev/null rather than to a pipe.
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=PROGRAM_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return command[0] if done.returncode == 0 else ""


def write_private_file(text: str, folder: Path) -> Path:
    """Write *text* to ``folder/clipboard.txt``, readable by the user only (0600).

    Written beside and renamed over (see safe_files): a symlink planted at that name is
    replaced, never followed, and an older, more open file is replaced by a 0600 one."""
    ensure_private_dir(folder)
    return write_file(folder / CLIPBOARD_FILE, text)


def copy(
    text: str,
    *,
    state_dir: Path,
    osc52: Callable[[str], None] | None = None,
) -> CopyResult:
    """Copy *text* the best way available and report how. Never raises."""
    program = _system_copy(text)
    if program:
        return CopyResult(clipboard=program)
    sent = False
    if osc52 is not None:
        try:
            osc52(text)
            sent = True
        except Exception:
            sent = False
    try:
        path: Path | None = write_private_file(text, state_dir)
        error = ""
    except OSError as exc:
        path, error = None, f"{state_dir}: {exc.strerror or exc}"
    return CopyResult(osc52=sent, file=path, error=error)
