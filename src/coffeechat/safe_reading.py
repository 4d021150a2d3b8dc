"""The one way coffeechat reads a file whose path the user controls.

Letter templates, themes, keymap.toml, config.toml, preferences, imports and the
text back from ``$EDITOR``: any of them can be a FIFO (reading waits for a writer that
never comes, freezing the app), a character device (``/dev/zero``, ``/dev/urandom``:
endless) or something else that is not a file. Each is refused before a byte is read:
the path is checked with ``stat``, opened without blocking, and checked again on the
open descriptor (it may have been swapped in between), so only a regular file is
ever read.

Errors are ``OSError`` (:class:`NotARegularFile` for the refusal), whose
``strerror`` is one line fit to show, so every caller's existing ``except OSError``
keeps working.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

NOT_A_FILE = "not a regular file (a pipe, a device or a socket); coffeechat reads only files"


class NotARegularFile(OSError):
    """The path exists but is not a regular file; nothing was read from it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(errno.EINVAL, NOT_A_FILE, str(path))


def _check(mode: int, path: str | os.PathLike[str]) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at *path*; OSError for anything else."""
    _check(os.stat(path).st_mode, path)
    # O_NONBLOCK: if a FIFO was swapped in since the stat, opening it does not wait.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(fd).st_mode, path)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], errors: str = "strict") -> str:
    """The file at *path* as UTF-8 (UnicodeDecodeError when it is not, by default)."""
    # As Path.read_text reads: universal newlines (a template saved on Windows too).
    return io.TextIOWrapper(io.BytesIO(read_bytes(path)), encoding="utf-8", errors=errors).read()


def is_readable_file(path: Path) -> bool:
    """Whether *path* is a regular file (following symlinks); False when absent."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
