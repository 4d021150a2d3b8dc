"""Which message files are new since the last scan: from Maildir folders, or from notmuch.

Both only list and read; neither renames, flags nor tags a message. Each returns the
files that may be new and a mark to start from next time (the scan keeps it):

- Maildir: a time. A folder whose ``cur`` and ``new`` were not changed since is not
  even listed (delivering, moving or flagging a message changes its folder), and in
  one that was, only files whose inode changed since are read. The directories are
  walked with ``os.scandir`` rather than :class:`mailbox.Maildir`, which lists every
  key first and would read all 20,000 to learn that nothing is new.
- notmuch: the database's revision (``notmuch count --lastmod``); the files of messages
  changed since come from ``notmuch search --output=files`` (JSON), those tagged
  ``sent`` apart.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SLACK_NS = 2_000_000_000
"""Files changed this close before a scan's start are looked at again by the next one
(a file system's coarse clock or a delivery during the scan must not hide a message);
the mark lists those it read, so they are not read twice."""
NOTMUCH_TIMEOUT = 120


class MailSourceError(OSError):
    """The mail could not be listed; one line, and nothing is changed."""


@dataclass(frozen=True, slots=True)
class Found:
    path: Path
    sent: bool
    """In the sent folder, or tagged ``sent`` by notmuch."""


@dataclass(frozen=True, slots=True)
class Listing:
    found: list[Found]
    mark: str
    """Where the next scan starts."""


def _is_under(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path == folder or folder in path.parents)


def maildir_folders(root: Path) -> Iterator[Path]:
    """Every Maildir (a folder with ``cur`` and ``new``) at or under *root*: the
    ``Mail/INBOX`` layout of mbsync and the ``.Sent`` one of Maildir++ alike."""
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                subfolders = [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
        except OSError:
            continue
        names = {p.name for p in subfolders}
        if {"cur", "new"} <= names:
            yield folder
        pending.extend(p for p in subfolders if p.name not in ("cur", "new", "tmp"))


def list_maildirs(roots: list[Path], *, sent: Path | None, skip: Path | None, mark: str) -> Listing:
    """Files changed since *mark* in every Maildir under *roots* (not under *skip*:
    the drafts folder)."""
    for root in roots:
        if not root.is_dir():
            raise MailSourceError(f"{root}: no such mail folder")
        if not os.access(root, os.R_OK | os.X_OK):
            raise MailSourceError(f"{root}: cannot be read")
    started = time.time_ns()
    since, known = _read_mark(mark)
    found: list[Found] = []
    recent: dict[str, int] = {}
    folders = dict.fromkeys(f for root in roots for f in maildir_folders(root))
    for folder in folders:
        if _is_under(folder, skip):
            continue
        is_sent = _is_under(folder, sent)
        for sub in ("new", "cur"):
            for path, changed in _changed_files(folder / sub, since):
                if changed >= started - SLACK_NS:
                    recent[str(path)] = changed
                if known.get(str(path)) != changed:
                    found.append(Found(path, is_sent))
    return Listing(found, json.dumps({"since": started - SLACK_NS, "recent": recent}))


def _read_mark(mark: str) -> tuple[int, dict[str, int]]:
    """(read files changed from this time on, files already read that changed since
    then: path to change time)."""
    try:
        data = json.loads(mark) if mark else {}
        since, recent = int(data.get("since", 0)), dict(data.get("recent", {}))
        return since, {str(k): int(v) for k, v in recent.items()}
    except (ValueError, TypeError, AttributeError):
        return 0, {}  # a mark from elsewhere: read everything once


def _changed_files(folder: Path, since: int) -> list[tuple[Path, int]]:
    """Files in *folder* whose inode changed at or after *since* (all when 0), with
    that time."""
    try:
        if since and os.stat(folder).st_mtime_ns < since:
            return []  # nothing added, moved or renamed in it since
        changed = []
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                    continue
                when = entry.stat(follow_symlinks=False).st_ctime_ns
                if when >= since:
                    changed.append((Path(entry.path), when))
        return changed
    except OSError:
        return []


def notmuch_available() -> bool:
    return shutil.which("notmuch") is not None


def _notmuch(*args: str) -> str:
    try:
        done = subprocess.run(
            ["notmuch", *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=NOTMUCH_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise MailSourceError(f"notmuch could not run: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[0][:200] if said else f"exit code {done.returncode}"
        raise MailSourceError(f"notmuch {args[0]} failed: {reason}")
    return done.stdout.decode("utf-8", "replace")


def list_notmuch(*, sent: Path | None, skip: Path | None, mark: str) -> Listing:
    """Files of messages notmuch indexed or changed since *mark* ("uuid:revision")."""
    parts = _notmuch("count", "--lastmod", "*").split()
    if len(parts) != 3 or not parts[2].isdigit():
        raise MailSourceError("notmuch count gave an answer coffeechat cannot read")
    uuid, revision = parts[1], int(parts[2])
    old_uuid, _, old_revision = mark.partition(":")
    if old_uuid == uuid and old_revision.isdigit():
        if int(old_revision) >= revision:
            return Listing([], f"{uuid}:{revision}")
        query = f"lastmod:{int(old_revision) + 1}..{revision}"
    else:
        query = "*"  # a first scan, or a database built anew
    every = _files(query)
    tagged_sent = set(_files(f"({query}) and tag:sent"))
    found = [
        Found(path, path in tagged_sent or _is_under(path, sent))
        for path in every
        if not _is_under(path, skip)
    ]
    return Listing(found, f"{uuid}:{revision}")


def _files(query: str) -> list[Path]:
    try:
        names = json.loads(
            _notmuch("search", "--format=json", "--output=files", "--exclude=false", query)
        )
    except ValueError:
        raise MailSourceError("notmuch search gave an answer coffeechat cannot read") from None
    if not isinstance(names, list):
        raise MailSourceError("notmuch search gave an answer coffeechat cannot read")
    return [Path(name) for name in names if isinstance(name, str)]
