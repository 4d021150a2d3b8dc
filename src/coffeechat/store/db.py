"""Opening the database file safely: identify it, refuse what is not ours, migrate.

A file is only ever written after it has been recognised as a coffeechat database
(or created by us), so a wrong ``--db`` path never damages another program's data.
"""

from __future__ import annotations

import errno
import glob
import operator
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import safe_files
from ..paths import ensure_private_dir, tighten_app_dir
from .errors import (
    DatabaseDamaged,
    StorageFull,
    StoreBusy,
    StoreError,
    is_busy,
    is_damage,
    is_disk_full,
)
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from .search_schema import register_fold
from .tables import tables

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
"""How long one statement waits in SQLite's own busy handler for a lock held elsewhere."""
PATIENCE = 20.0
"""How long a statement begun outside a transaction (``BEGIN IMMEDIATE`` among them) is
retried, with growing pauses, while the lock stays held elsewhere, before the write is
given up as :class:`StoreBusy` (nothing written; the screens keep the text and retry)."""
BACKOFF_FIRST = 0.05
BACKOFF_LONGEST = 1.0


def _inspect_existing(path: Path) -> int:
    """Return the schema version of an existing coffeechat file, or raise StoreError."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a coffeechat database")
    if not path.is_file():
        # A FIFO or a device: opening it to read the header could wait forever.
        raise StoreError(f"{path} is not a regular file, not a coffeechat database")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if not header:
        raise StoreError(f"{path} is an empty file, not a coffeechat database")
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a coffeechat database (not an SQLite file)")
    try:
        # immutable=1: read without taking locks or creating -wal/-shm files beside a
        # file that may not be ours. Migration re-checks the version under a lock.
        app_id, version, tables = _probe(path, "mode=ro&immutable=1")
    except sqlite3.DatabaseError as error:
        if not Path(f"{path}-wal").exists():
            raise StoreError(f"{path} is not a readable SQLite database ({error})") from None
        # Another instance is writing it (its log is beside it, perhaps mid-creation):
        # the file alone can look damaged until the log is read too.
        try:
            app_id, version, tables = _probe(path, "mode=ro")
        except sqlite3.DatabaseError as again:
            raise StoreError(f"{path} is not a readable SQLite database ({again})") from None
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise StoreError(f"{path} belongs to another program, not coffeechat")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer coffeechat (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}); upgrade coffeechat to open it"
        )
    # Check the mode bits as well as access(): root may write anything, but a file
    # its owner marked read-only should not be changed behind their back.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        raise StoreError(f"{path} is read-only; coffeechat needs to write to it")
    return version


def _probe(path: Path, options: str) -> tuple[int, int, int]:
    """(application id, schema version, number of schema objects) of *path*."""
    probe = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=10)
    try:
        probe.row_factory = sqlite3.Row
        app_id = probe.execute("PRAGMA application_id").fetchone()["application_id"]
        version = probe.execute("PRAGMA user_version").fetchone()["user_version"]
        tables = probe.execute("SELECT count(*) AS n FROM sqlite_master").fetchone()["n"]
    finally:
        probe.close()
    return app_id, version, tables


def _create_private_file(path: Path) -> None:
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError(f"cannot create {path}: {reason}") from None
    os.close(fd)
    os.chmod(path, 0o600)


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _backup_before_migration(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        # Through safe_files like every copy: 0600, complete or absent.
        with safe_files.replacing(backup) as partial:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
    except OSError as error:
        raise StoreError(f"cannot back up {path} before updating it: {error}") from None
    finally:
        source.close()
    return backup


def _partial_backups(path: Path) -> list[Path]:
    """Pre-migration backups of *path* left half-written (see safe_files.replacing)."""
    return list(path.parent.glob(f".{glob.escape(path.name)}.v*.bak.*.partial"))


def record(make: Callable[..., T], row: sqlite3.Row, /, **converted: object) -> T:
    """*make* built from *row* by column name: each column fills the field of its name
    (a SELECT that names a column no field has fails at once); *converted* gives the
    fields whose stored form needs converting (SQLite's 0/1 to a bool, say)."""
    # Each value paired with its own column's name (dict(row) looks every name up
    # again, which costs three times as much).
    return make(**(dict(zip(row.keys(), row, strict=True)) | converted))


def records(
    make: Callable[..., T],
    fields: Sequence[str],
    cursor: sqlite3.Cursor,
    /,
    **convert: Callable[[Any], object],
) -> list[T]:
    """Every row of *cursor* as *make*, whose parameters are *fields* in order, each
    filled from the column of its name; *convert* maps a field to what converts its
    stored value. For long lists: which column fills which field is worked out once,
    by name, from the cursor's column names; each row is then one call (30,000
    contacts in 250 ms, as when they were read by position; through ``record``, 390)."""
    columns = [column[0] for column in cursor.description]
    absent = [name for name in fields if name not in columns]
    if absent:
        raise StoreError(f"the query names no column for {', '.join(absent)}")
    take = operator.itemgetter(*(columns.index(name) for name in fields))
    conversions = [(fields.index(name), how) for name, how in convert.items()]
    cursor.row_factory = None
    built = []
    for values in cursor:
        args = list(take(values))
        for at, how in conversions:
            args[at] = how(args[at])
        built.append(make(*args))
    return built


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT just made (typed ``int | None`` by sqlite3, for other statements)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise StoreError("the INSERT made no row")
    return rowid


class GuardedConnection(sqlite3.Connection):
    """A connection whose failures come out as the store's own kinds: "disk is full" as
    StorageFull, a damaged page as DatabaseDamaged (one line, never a traceback), and a
    lock held elsewhere for too long as StoreBusy.

    Every statement of the store and of sqlite-utils passes through ``execute`` and
    ``executemany``, so waiting for a lock is a property of every connection, not of a
    call site: SQLite's busy handler waits up to the busy timeout, and a statement that
    still finds the lock taken is tried again with growing pauses for up to
    ``patience`` seconds, as long as it began outside a transaction (``BEGIN
    IMMEDIATE``, or a single statement): such a statement failed whole, so running it
    again is safe. Inside a transaction the error ends the transaction (rolled back by
    ``Database.transaction``) and the caller tries the whole write again.
    """

    patience = PATIENCE

    def wait_for_lock(self, seconds: float) -> None:
        """Give up on a lock held elsewhere after *seconds* in all (tests use a short
        wait to see what happens when a write cannot get the lock)."""
        self.patience = seconds
        busy_ms = max(1, min(BUSY_TIMEOUT_MS, int(seconds * 1000)))
        super().execute(f"PRAGMA busy_timeout = {busy_ms}")

    def execute(self, *args, **kwargs):
        return self._patiently(super().execute, args, kwargs)

    def executemany(self, *args, **kwargs):
        return self._patiently(super().executemany, args, kwargs)

    def _patiently(self, run, args, kwargs):
        retry = not self.in_transaction
        deadline = time.monotonic() + self.patience
        pause = BACKOFF_FIRST
        while True:
            try:
                return run(*args, **kwargs)
            except sqlite3.Error as error:
                if not is_busy(error):
                    raise _translated(error) from error
                left = deadline - time.monotonic()
                if not retry or left <= 0:
                    raise StoreBusy() from error
                time.sleep(min(pause, left))
                pause = min(pause * 2, BACKOFF_LONGEST)


def _translated(error: sqlite3.Error) -> sqlite3.Error:
    if is_disk_full(error):
        return StorageFull(str(error))
    if is_damage(error):
        return DatabaseDamaged(str(error))
    return error


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the pragmas every coffeechat connection needs."""
    # isolation_level=None: we manage transactions explicitly (see Database.transaction);
    # check_same_thread=False lets a worker thread hand results back, while every
    # write still goes through one thread at a time.
    conn = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, factory=GuardedConnection
    )
    # Rows are read by column name (row["name"]), so a column added or moved in a
    # SELECT can never shift the value another field gets.
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode: a committed transaction survives the process being killed;
    # only an OS crash or power loss can roll back the last few commits.
    conn.execute("PRAGMA synchronous = NORMAL")
    # Deleted rows are overwritten with zeros, not left in free pages: "forget this
    # contact" must not leave their notes readable in the file (some SQLite builds
    # have this on by default; we do not rely on it).
    conn.execute("PRAGMA secure_delete = ON")
    # The full-text index's triggers fold text with our own function (search_schema).
    register_fold(conn)
    return conn


class Database:
    """The open coffeechat file: a sqlite-utils Database plus transaction control."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.migration_backup: Path | None = None
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection, for queries and table helpers.

        Built on first use: importing sqlite-utils costs more than painting the first
        screen, and the hot paths use the connection directly.
        """
        if self._db is None:
            self._db = tables(self.conn)
        return self._db

    def wait_for_lock(self, seconds: float) -> None:
        """Give up a write after *seconds* of waiting for a lock held elsewhere (see
        GuardedConnection): the app waits briefly and retries without freezing."""
        if isinstance(self.conn, GuardedConnection):
            self.conn.wait_for_lock(seconds)

    def interrupt(self) -> None:
        """Stop the statement this connection runs (callable from any thread: a search
        made stale by the next keystroke ends at once, with "interrupted")."""
        self.conn.interrupt()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A separate connection for a worker thread (one connection per thread)."""
        conn = connect(self.path)
        try:
            yield conn
        finally:
            conn.close()

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Database:
        """Open (creating if needed) the database at *path*, or raise StoreError."""
        path = Path(path)
        tighten_app_dir(path.parent)
        version = _inspect_existing(path) if path.exists() else None
        created = version is None
        if version is None:
            _create_private_file(path)
            version = 0
        try:
            conn = connect(path)
        except sqlite3.DatabaseError as error:
            if created:
                _remove_new_file(path)
            raise StoreError(f"cannot open {path}: {error}") from None
        database = cls(path, conn)
        try:
            database._migrate(version)
        except StorageFull:
            conn.close()
            if created:
                # No empty or half-made database left behind to be refused next time.
                _remove_new_file(path)
                raise StoreError(f"cannot create {path}: the disk is full") from None
            raise StoreError(f"cannot update {path}: the disk is full; unchanged") from None
        except BaseException:
            conn.close()
            raise
        # From now on no export or backup may be written over this file.
        safe_files.protect(path)
        return database

    def _migrate(self, version: int) -> None:
        """Bring the file to today's schema, after a backup of it as it was.

        *version* is what the first look saw (immutable=1, which leaves the log out):
        a file whose data is still in its ``-wal`` (an older coffeechat killed before a
        checkpoint) can look like version 0 there. So the version is read again through
        the real connection, log included, under the write lock; the backup is taken
        from that real state, under the same lock, so no other instance is migrating
        or backing up meanwhile, and a backup left half-written by a killed start
        (a hidden ``.bak.*.partial``) can be removed safely."""
        leftovers = _partial_backups(self.path)
        if version == SCHEMA_VERSION and not leftovers:
            return
        with self.transaction():
            current = self.conn.execute("PRAGMA user_version").fetchone()["user_version"]
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer coffeechat (schema {current})"
                )
            for leftover in _partial_backups(self.path):
                leftover.unlink(missing_ok=True)
            if current == SCHEMA_VERSION:
                return
            if current > 0:
                self.migration_backup = _backup_before_migration(self.path, current)
            for migration in MIGRATIONS[current:]:
                migration(self.conn)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. sqlite-utils 4 helpers called inside join it (a savepoint)."""
        if self.conn.in_transaction:
            # Nested use joins the outer transaction.
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back (a full disk does that): only roll
            # back what is still open, so the original error is the one reported.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()
        safe_files.release(self.path)


def backup_to(database: Database, target: str | os.PathLike[str]) -> None:
    """A consistent copy through SQLite's online backup API, written 0600 beside
    *target* and renamed over it only once complete (see safe_files). Raises
    safe_files.WriteError, never over the open database."""
    with safe_files.replacing(target) as partial:
        dest = sqlite3.connect(partial)
        try:
            database.conn.backup(dest)
        except sqlite3.Error as error:
            full = getattr(error, "sqlite_errorcode", 0) == sqlite3.SQLITE_FULL
            raise OSError(errno.ENOSPC if full else errno.EIO, str(error)) from None
        finally:
            dest.close()
