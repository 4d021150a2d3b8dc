"""The vdir's files as untrusted input: a lock, a listing, bounded reads.

Everything in the vdir may have been put there by someone else. Names come only from
listing a collection (no slash, no leading dot), so every path stays inside it; no
symlink or non-regular file is followed or read (a FIFO would hang the read, a link to
``/dev/zero`` never end, a link to a key would be read out); an item is read only up
to :data:`MAX_ITEM_BYTES`; and nothing here ever puts a file's content in a message.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

MAX_ITEM_BYTES = 4 * 1024 * 1024
"""A contact with a photo is well under this; anything bigger is not read."""
LOCK_FILE = ".coffeechat-sync.lock"
LOCK_WAIT_SECONDS = 120.0
"""A second sync of the same vdir waits this long for the first to end."""
_PARTIAL = re.compile(r"\..+\.partial")
_OPEN = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class Refused(OSError):
    """A file the sync will not read: one line naming why, never what it holds."""


class Busy(OSError):
    """Another sync of the same vdir is running."""


def valid_name(name: str) -> bool:
    """A file name that stays inside its folder: no separator, not hidden, not empty."""
    if name.isascii():  # nearly every name: its length in bytes is its length
        return 0 < len(name) <= 255 and "/" not in name and "\x00" not in name and name[0] != "."
    return (
        0 < len(name.encode("utf-8", "surrogatepass")) <= 255
        and "/" not in name
        and "\x00" not in name
        and not name.startswith(".")
    )


def read_bounded(path: Path, limit: int = MAX_ITEM_BYTES) -> bytes:
    """The bytes of the regular file *path* (never through a symlink, never blocking
    on a FIFO or device), at most *limit* of them."""
    try:
        fd = os.open(path, _OPEN)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused(errno.ELOOP, "a symbolic link, not followed") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(errno.EINVAL, "not a regular file, not read")
        if info.st_size > limit:
            raise Refused(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB, not read")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise Refused(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB, not read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def listing(folder: Path) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    """(regular files by name → (size, mtime_ns), other entries by name → why left).
    The temporary files a sync killed half way left behind are removed on the way (one
    pass over a folder of 30,000 items, not two)."""
    regular: dict[str, tuple[int, int]] = {}
    other: dict[str, str] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if not valid_name(entry.name):
                _remove_partial(folder, entry)
                continue
            if entry.is_symlink():
                other[entry.name] = "a symbolic link, not followed"
            elif entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                regular[entry.name] = (info.st_size, info.st_mtime_ns)
            else:
                other[entry.name] = "not a regular file"
    return regular, other


def _remove_partial(folder: Path, entry: os.DirEntry[str]) -> None:
    if _PARTIAL.fullmatch(entry.name) and not entry.is_dir(follow_symlinks=False):
        with suppress(FileNotFoundError):
            os.unlink(folder / entry.name)


def collection_folder(root: Path, name: str) -> Path:
    """*root*/*name*, created if missing; refused if it is a link or not a folder."""
    folder = root / name
    with suppress(FileExistsError):  # a file or link in its place: refused below
        folder.mkdir(exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise Refused(errno.ENOTDIR, f"{folder}: not a folder (a link or a file)")
    return folder


@contextmanager
def locked(root: Path, wait: float | None = None) -> Iterator[None]:
    """One sync at a time per vdir, across processes and app windows: an advisory lock
    on a file in the root; a second sync waits up to *wait* seconds, then gives up."""
    path = root / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused(errno.EINVAL, f"{path}: not a regular file")
        deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy(errno.EBUSY, "another sync of this folder is running") from None
                time.sleep(0.05)  # polling a lock held by another process
        yield
    finally:
        os.close(fd)  # closing releases the lock
