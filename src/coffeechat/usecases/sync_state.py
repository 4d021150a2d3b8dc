"""What the sync knows of each item: ``.coffeechat-sync.json`` and its journal.

For each item file: the row it is (``contact:12``), its UID, the digest, size and
modification time last written or read, and the *base* of the three-way merge (the
app's fields then, and where the file spelled a field its own way, the file's). The
file is read like any input from outside: an entry that does not validate (a key that
names a path outside the collections, a ref that is not a row) is dropped.

A sync appends what it writes to a journal as it goes (fsynced every batch) and
rewrites the state file once at the end; a sync killed half way is picked up from
state + journal by the next one.
"""

from __future__ import annotations

import json
import os
import re
import stat
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..interop.vdir import COLLECTIONS, FIELDS, KIND_OF
from ..safe_files import write_file
from .sync_folder import read_bounded, valid_name

STATE_FILE = ".coffeechat-sync.json"
JOURNAL_FILE = ".coffeechat-sync.journal"
VERSION = 2
_MAX_STATE_BYTES = 1 << 30
_REF = re.compile(r"(contact|followup|call):[1-9][0-9]{0,17}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(slots=True)
class Entry:
    ref: str
    uid: str
    digest: str = ""
    size: int = -1
    mtime: int = -1
    base: dict[str, str] = field(default_factory=dict)
    """The app's fields at the last sync."""
    file: dict[str, str] = field(default_factory=dict)
    """The file's fields at the last sync, where they differ from *base*."""
    gone: bool = False
    """Deleted elsewhere and left deleted (a follow-up or call)."""
    stale: dict[str, str] = field(default_factory=dict)
    """What the last write replaced: a copy still holding it predates that write."""
    source: str = ""
    """What the base's derived fields were made from (a contact's name, given and
    family name for its N): while it is unchanged they are taken from the base, not
    worked out again (parsing 30,000 names costs seconds at every sync)."""

    def their_base(self) -> dict[str, str]:
        return {**self.base, **self.file} if self.file else self.base

    def as_json(self) -> list:
        return [self.ref, self.uid, self.digest, self.size, self.mtime, self.base, self.file,
                self.gone, self.stale, self.source]  # fmt: skip


_STR = frozenset({str})


def _fields(value: object) -> dict[str, str] | None:
    """*value* if it maps known field names to text; checked with set operations (a
    state of 33,000 entries is read at every sync)."""
    if type(value) is not dict:
        return None
    if value and not (value.keys() <= FIELDS and set(map(type, value.values())) <= _STR):
        return None
    return value


def valid_key(key: object) -> bool:
    if type(key) is not str or key.count("/") != 1:
        return False
    collection, name = key.split("/")
    return collection in COLLECTIONS and valid_name(name)


def _entry(key: str, value: object) -> Entry | None:
    """An entry as read from the file, or None when any part of it is not as written
    (a state written before :attr:`Entry.source` has nine parts, not ten)."""
    if not valid_key(key) or type(value) is not list or not 9 <= len(value) <= 10:
        return None
    ref, uid, digest, size, mtime, base, their, gone, stale, *source = value
    source_text = source[0] if source else ""
    if not (type(ref) is str and _REF.fullmatch(ref) and type(source_text) is str):
        return None
    if ref[: ref.index(":")] != KIND_OF[key[: key.index("/")]]:
        return None
    if not (type(uid) is str and 0 < len(uid) <= 1000 and type(gone) is bool):
        return None
    if not (type(digest) is str and (digest == "" or _DIGEST.fullmatch(digest))):
        return None
    if type(size) is not int or type(mtime) is not int:
        return None
    base_fields, file_fields, stale_fields = _fields(base), _fields(their), _fields(stale)
    if base_fields is None or file_fields is None or stale_fields is None:
        return None
    return Entry(
        ref, uid, digest, size, mtime, base_fields, file_fields, gone, stale_fields, source_text
    )


class State:
    def __init__(self, root: Path) -> None:
        self.path = root / STATE_FILE
        self.journal_path = root / JOURNAL_FILE
        self.items: dict[str, Entry] = {}
        self.seen: dict[str, list[int]] = {}
        """Files left alone and already reported: (size, mtime) when reported."""
        self.removed: dict[str, tuple[str, Entry]] = {}
        """Files the sync removed lately (the day, the entry they had): vdirsyncer puts
        one back when the phone changed it meanwhile, and it is known for what it is."""
        self.dropped = 0
        """Entries that did not validate."""
        self.unreadable = ""
        """Why the state file could not be read at all ("" when it could)."""
        self._pending: dict[str, Entry | None] = {}
        self.changed = False

    @classmethod
    def load(cls, root: Path) -> State:
        state = cls(root)
        data = state._read(state.path)
        if data is not None:
            try:
                state._load(json.loads(data))
            except (ValueError, RecursionError):
                state.unreadable = "not valid JSON"
        journal = state._read(state.journal_path)
        if journal:
            state._replay(journal)
            state.changed = True
        return state

    def _read(self, path: Path) -> bytes | None:
        try:
            return read_bounded(path, _MAX_STATE_BYTES)
        except FileNotFoundError:
            return None
        except OSError as error:
            self.unreadable = error.strerror or "cannot be read"
            return None

    def _load(self, loaded: object) -> None:
        if not isinstance(loaded, dict) or loaded.get("version") != VERSION:
            # An older or foreign state: every file is compared by content instead.
            self.unreadable = "not a sync state of this version"
            return
        items, seen = loaded.get("items"), loaded.get("seen")
        for key, value in (items if isinstance(items, dict) else {}).items():
            entry = _entry(key, value)
            if entry is None:
                self.dropped += 1
            else:
                self.items[key] = entry
        for key, value in (seen if isinstance(seen, dict) else {}).items():
            if (
                valid_key(key)
                and isinstance(value, list)
                and len(value) == 2
                and all(isinstance(n, int) for n in value)
            ):
                self.seen[key] = value
        removed = loaded.get("removed")
        for key, value in (removed if isinstance(removed, dict) else {}).items():
            if isinstance(value, list) and len(value) == 2 and _DAY.fullmatch(str(value[0])):
                entry = _entry(key, value[1])
                if entry is not None:
                    self.removed[key] = (value[0], entry)

    def _replay(self, journal: bytes) -> None:
        """Apply each complete journal line; a line cut short by a kill ends it."""
        for line in journal.split(b"\n"):
            try:
                key, value = json.loads(line)
            except (ValueError, TypeError, RecursionError):
                break
            if value is None and valid_key(key):
                self.items.pop(key, None)
                continue
            entry = _entry(key, value)
            if entry is not None:
                self.items[key] = entry

    def put(self, key: str, entry: Entry) -> None:
        self.items[key] = entry
        self._pending[key] = entry
        self.changed = True

    def drop(self, key: str) -> None:
        if self.items.pop(key, None) is not None:
            self._pending[key] = None
            self.changed = True

    def remember_removed(self, key: str, entry: Entry, day: str) -> None:
        self.removed[key] = (day, entry)
        self.changed = True

    def forget_removed(self, keys: set[str], before: str) -> None:
        """Forget the removals of *keys*, and those older than the day *before*."""
        for key, (day, _) in list(self.removed.items()):
            if key in keys or day < before:
                del self.removed[key]
                self.changed = True

    def mark_seen(self, key: str, size: int, mtime: int) -> bool:
        """Remember a file left alone; True the first time (or when it changed)."""
        if self.seen.get(key) == [size, mtime]:
            return False
        self.seen[key] = [size, mtime]
        self.changed = True
        return True

    def forget_seen(self, present: set[str]) -> None:
        for key in set(self.seen) - present:
            del self.seen[key]
            self.changed = True

    def flush(self) -> None:
        """Append what changed since the last flush to the journal, on disk."""
        if not self._pending:
            return
        lines = b"".join(
            json.dumps([k, e.as_json() if e else None], separators=(",", ":")).encode() + b"\n"
            for k, e in self._pending.items()
        )
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
        fd = os.open(self.journal_path, flags, 0o600)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(f"{self.journal_path}: not a regular file")
            view = memoryview(lines)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        self._pending.clear()

    def save(self) -> None:
        if not self.changed and not self.unreadable and not self.dropped:
            return
        document = {
            "version": VERSION,
            "items": {k: e.as_json() for k, e in self.items.items()},
            "seen": self.seen,
            "removed": {k: [day, e.as_json()] for k, (day, e) in self.removed.items()},
        }
        # Our own file name: whatever else stands there (a FIFO, a link to a device,
        # which the writer would write through) goes, and a regular file takes its place.
        with suppress(FileNotFoundError):
            if not stat.S_ISREG(os.lstat(self.path).st_mode):
                os.unlink(self.path)
        write_file(self.path, json.dumps(document, separators=(",", ":")))
        self.journal_path.unlink(missing_ok=True)
        self._pending.clear()
