"""Errors the store raises with a message fit to show a user as-is."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A problem with the database file, explained in one line."""

    def __rich__(self):
        # If one ever escapes to Textual's last-resort handler, it prints this line
        # instead of a traceback whose locals would show the user's notes.
        from rich.text import Text

        from ..domain.text import visible

        return Text(visible(f"coffeechat: {self}"))


class NotWritten(StoreError, sqlite3.OperationalError):
    """A write that did not happen: the database is as it was before it, and the same
    write can simply be tried again later. Also a ``sqlite3.OperationalError``, so code
    that already copes with SQLite errors copes with this one. Screens catch this one
    kind, whatever the reason, keep what was typed and retry."""


class StorageFull(NotWritten):
    """The disk (or the user's quota) is full."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("the disk is full" + (f" ({detail})" if detail else ""))


class StoreBusy(NotWritten):
    """Another program (a second window, an import) held the write lock for longer than
    this connection waits, retries included."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "the database is busy: another window or an import is writing to it"
            + (f" ({detail})" if detail else "")
        )


class DatabaseDamaged(StoreError, sqlite3.DatabaseError):
    """A page of the file cannot be read as SQLite wrote it (disk fault, a copy cut
    short, another program's writes): met when a query reaches it."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "the database file is damaged"
            + (f" ({detail})" if detail else "")
            + "; restore a backup or an export"
        )


#: SQLite result codes that mean "no space": SQLITE_FULL, and the I/O errors a full
#: disk gives while growing the write-ahead log or its index.
_FULL_CODES = {sqlite3.SQLITE_FULL}
_IOERR = sqlite3.SQLITE_IOERR


_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def is_busy(error: BaseException) -> bool:
    """The lock is held elsewhere (extended codes such as SQLITE_BUSY_SNAPSHOT too)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _BUSY_CODES


def is_damage(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGED_CODES


def is_disk_full(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return False
    return code in _FULL_CODES or (code & 0xFF == _IOERR and "full" in str(error).lower())
