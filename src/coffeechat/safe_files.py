"""The one way coffeechat writes a file outside its database.

Exports, backups, the clipboard fallback file and anything written next to them go
through :func:`write_file` (or :func:`replacing` for a writer that needs a path, like
SQLite's backup), which:

- refuses the open database and its ``-wal``, ``-shm`` and ``-journal`` files, by real
  path and by inode (symlinks and hard links included): an export must never
  overwrite the data it came from;
- writes a temporary file in the target's folder, created ``0600`` from its first
  byte, fsyncs it, renames it over the target and fsyncs the folder, so the target is
  at every moment either the old file or the complete new one (a crash, ``kill -9``
  or a full disk half way leaves the old file as it was);
- replaces a symlink planted at the target instead of writing through it.

Errors come out as :class:`WriteError`, one line fit to show a user.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_open_databases: Counter[Path] = Counter()
"""Real paths of the databases open in this process (several opens count apiece)."""

_COMPANIONS = ("", "-wal", "-shm", "-journal")

OPEN_DATABASE = "it is the open database; choose another file"
DISK_FULL = "the disk is full; any file already there is unchanged"


class WriteError(OSError):
    """A file could not be written. ``str()`` names the file and says why in one line;
    ``strerror`` is the reason alone, so ``except OSError`` callers read well too."""

    def __init__(self, path: Path, reason: str, code: int = 0) -> None:
        super().__init__(code, reason)
        self.filename = str(path)
        self.message = f"cannot write {path}: {reason}"

    def __str__(self) -> str:
        return self.message


def protect(database: str | os.PathLike[str]) -> None:
    """Refuse writes over *database* (and its companions) until :func:`release`."""
    _open_databases[Path(database).resolve()] += 1


def release(database: str | os.PathLike[str]) -> None:
    real = Path(database).resolve()
    _open_databases[real] -= 1
    if _open_databases[real] <= 0:
        del _open_databases[real]


def _protected_files() -> list[Path]:
    return [Path(f"{db}{suffix}") for db in _open_databases for suffix in _COMPANIONS]


def check_target(path: Path) -> None:
    """Raise WriteError if writing *path* would touch an open database."""
    real = path.resolve()
    try:
        target_stat = os.stat(real)
    except OSError:
        target_stat = None
    for protected in _protected_files():
        if real == protected:
            raise WriteError(path, OPEN_DATABASE)
        if target_stat is None:
            continue
        try:
            same = os.path.samestat(target_stat, os.stat(protected))
        except OSError:
            continue
        if same:
            raise WriteError(path, OPEN_DATABASE)
    if path.is_dir():
        raise WriteError(path, "it is a folder; choose a file name", errno.EISDIR)


def _failed(path: Path, error: OSError) -> WriteError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return WriteError(path, DISK_FULL, error.errno)
    return WriteError(path, error.strerror or str(error), error.errno or 0)


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a private temporary path beside *path*; when the block ends without an
    error, it replaces *path* in one rename. On any error the temporary file goes and
    *path* is left as it was."""
    target = Path(path)
    check_target(target)
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
        os.close(fd)  # mkstemp creates it 0600 with O_EXCL: never another file
    except OSError as error:
        raise _failed(target, error) from None
    temporary = Path(name)
    try:
        yield temporary
        _fsync_path(temporary)
        check_target(target)  # again: the database may have been opened meanwhile
        os.replace(temporary, target)
        _fsync_path(folder)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _failed(target, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write *data* (str as UTF-8, newlines untouched) to *path* atomically, 0600."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    with replacing(target) as temporary:
        fd = os.open(temporary, os.O_WRONLY | os.O_NOFOLLOW)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        finally:
            os.close(fd)
    return target


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
