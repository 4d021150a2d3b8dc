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
- replaces a symlink planted at the target instead of writing through it;
- writes straight into a target that exists and is not a regular file (a device, a
  FIFO, ``/dev/stdout``, ``/dev/fd/N``), never replacing it: only a regular file
  gets the temporary file, fsync and rename. A FIFO nobody reads is refused at once
  rather than waited on.

Errors come out as :class:`WriteError`, one line fit to show a user.
"""

from __future__ import annotations

import errno
import os
import stat
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


def is_special(path: Path) -> bool:
    """Whether *path* exists (symlinks followed) and is neither a regular file nor a
    folder: a device, a FIFO, a socket, ``/dev/stdout``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_through(path: Path, payload: bytes) -> None:
    """Write *payload* into the existing special file *path*, as ``>`` would."""
    try:
        # Non-blocking open: a FIFO with no reader fails at once instead of waiting.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise WriteError(path, "it is a pipe nobody is reading from", error.errno) from None
        raise _failed(path, error) from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise _failed(path, error) from None
    finally:
        os.close(fd)


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a private temporary path beside *path*; when the block ends without an
    error, it replaces *path* in one rename. On any error the temporary file goes and
    *path* is left as it was. A special *path* (see :func:`is_special`) is not
    replaced: the finished temporary file (made in the temporary folder) is copied
    into it."""
    target = Path(path)
    check_target(target)
    if is_special(target):
        with _through_temporary(target) as temporary:
            yield temporary
        return
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


@contextmanager
def _through_temporary(target: Path) -> Iterator[Path]:
    try:
        fd, name = tempfile.mkstemp(prefix=".coffeechat-", suffix=".partial")
        os.close(fd)
    except OSError as error:
        raise _failed(target, error) from None
    temporary = Path(name)
    try:
        yield temporary
        _write_through(target, temporary.read_bytes())
    finally:
        temporary.unlink(missing_ok=True)


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write *data* (str as UTF-8, newlines untouched) to *path* atomically, 0600
    (straight into it when it is a device or a FIFO: see :func:`is_special`)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    check_target(target)
    if is_special(target):
        _write_through(target, payload)
        return target
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


def _refused(folder: Path, names: list[str]) -> Path | None:
    """The first of *names* in *folder* that :func:`check_target` would refuse, checked
    with one stat a file (a batch of 30,000 cannot afford two resolves each)."""
    protected = {p.resolve() for p in _protected_files()}
    inodes = set()
    for path in protected:
        try:
            info = os.stat(path)
        except OSError:
            continue
        inodes.add((info.st_dev, info.st_ino))
    real_folder = folder.resolve()
    for name in names:
        target = real_folder / name
        if target in protected:
            return folder / name
        try:
            info = os.stat(target)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in inodes or os.path.isdir(target):
            return folder / name
    return None


def _write_temporary(folder: Path, name: str, payload: bytes) -> Path:
    """A private (0600) temporary file beside *name*, holding *payload* (not yet
    flushed: :func:`write_files` flushes the whole batch at once)."""
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        os.close(fd)
        os.unlink(temporary)
        raise _failed(folder / name, error) from None
    os.close(fd)
    return Path(temporary)


def write_files(folder: str | os.PathLike[str], files: dict[str, bytes]) -> None:
    """Write many files into *folder* as :func:`write_file` would; one after the other
    is far too slow for a vdir of 30,000 items (a flush a file). Each file goes to a
    private temporary file first, then one ``sync()`` puts them all on disk together
    (one journal commit instead of 30,000), then each is renamed over its target and
    the folder is synced once. A crash at any
    point leaves each target either as it was or complete; an open database is never
    written over. The first error stops the batch as one :class:`WriteError`."""
    base = Path(folder)
    refused = _refused(base, list(files))
    if refused is not None:
        check_target(refused)  # raises the precise one-line reason
    names = list(files)
    temporaries: dict[str, Path] = {}
    current = ""
    try:
        # One after the other: each write lands in the page cache in microseconds, and
        # a thread pool's hand-over cost more CPU than the writes (2 cores, 30,000 files).
        for name in names:
            temporaries[name] = _write_temporary(base, name, files[name])
        os.sync()  # every temporary file is on disk before any target is replaced
        for name in names:
            current = name
            os.replace(temporaries.pop(name), os.path.join(base, name))
        current = ""
        _fsync_path(base)
    except WriteError:
        raise
    except OSError as failed:
        raise _failed(base / current if current else base, failed) from None
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
