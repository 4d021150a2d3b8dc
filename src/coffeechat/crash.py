"""The one answer to an error nobody foresaw, in the app and on the command line.

Textual's own answer prints a traceback with every frame's local variables into the
terminal's scrollback: a note being saved, a contact's name, a letter. Instead the
user gets one line on screen, and a report file for a bug report:

- readable by the user only (0600, through the one file writer), in the state folder;
- each frame's file, line and function, and its line of source code (never a local
  variable);
- each exception's type, never its message: ``ValueError: invalid literal … 'the
  note'`` quotes data as easily as code.

Nothing here may fail in turn: if the report cannot be written, the line says so.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, paths
from .domain.text import visible
from .safe_files import write_file

if TYPE_CHECKING:
    from rich.text import Text

CRASH_FOLDER = "crashes"


def report_text(error: BaseException) -> str:
    """The report for *error*: versions, then each exception of the chain (causes
    first, as Python prints them) with its frames, without locals or messages."""
    lines = [
        f"coffeechat {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"at {datetime.now(UTC).isoformat(timespec='seconds')}",
        "Exception messages and variables are left out: they can quote your data.",
        "",
    ]
    for exception in reversed(_chain(error)):
        lines.append(f"{_type_name(exception)} (message left out)")
        for frame in traceback.extract_tb(exception.__traceback__):
            lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
            if frame.line and _is_code(frame.filename):
                lines.append(f"    {frame.line.strip()}")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_report(error: BaseException, folder: Path | None = None) -> Path:
    """Write the report for *error*; return its path (raises OSError)."""
    folder = folder or paths.state_dir() / CRASH_FOLDER
    paths.ensure_private_dir(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return write_file(folder / f"crash-{stamp}-{os.getpid()}.txt", report_text(error))


def crash_line(error: BaseException, folder: Path | None = None) -> str:
    """Write the report and return the one line to show (never raises)."""
    kind = _type_name(error)
    try:
        path = write_report(error, folder)
    except Exception as failed:  # a full disk, a read-only home: still one line
        reason = getattr(failed, "strerror", None) or type(failed).__name__
        return f"coffeechat stopped on an unexpected error ({kind}); no report written ({reason})"
    return f"coffeechat stopped on an unexpected error ({kind}); report: {path}"


class CrashReported(Exception):
    """*error*, reported: renders as the one line (Textual shows it on exit, instead
    of a traceback); the original stays its ``__cause__`` for tests to see."""

    def __init__(self, line: str, error: BaseException) -> None:
        super().__init__(line)
        self.line = line
        self.__cause__ = error

    def __rich__(self) -> Text:
        from rich.text import Text  # only the app renders it; the CLI never imports Rich

        return Text(visible(self.line))


def _chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 20:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return chain


def _type_name(error: BaseException) -> str:
    kind = type(error)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


_PACKAGE = str(Path(__file__).resolve().parent)


def _is_code(filename: str) -> bool:
    """Whether *filename* is Python source of a module (not a string compiled at run
    time, whose "source line" could be anything)."""
    return filename.endswith(".py") and os.path.isfile(filename)


def _short(filename: str) -> str:
    """Paths inside coffeechat relative to the package; others as site-packages
    relative where possible (the home folder's name is nobody's business)."""
    if filename.startswith(_PACKAGE):
        return "coffeechat" + filename[len(_PACKAGE) :]
    for prefix in sorted(sys.path, key=len, reverse=True):
        if prefix and filename.startswith(prefix + os.sep):
            return filename[len(prefix) + 1 :]
    return os.path.basename(filename)
