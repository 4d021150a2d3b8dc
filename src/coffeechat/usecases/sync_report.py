"""What a sync did, for a person: the report the command and the app show, and the log
the Sync view lists (what came in, what went out, every conflict, files left alone)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from ..store import Store

LOG_KEY = "sync_log"
LOG_SIZE = 400
_LISTED = 20
"""Writes and removals listed one by one in the log; more are counted."""


@dataclass
class SyncReport:
    written: list[str] = field(default_factory=list)
    """Items written: new ones, and changes made in the app patched in."""
    removed: list[str] = field(default_factory=list)
    came_in: list[str] = field(default_factory=list)
    """One line per change taken into coffeechat."""
    conflicts: list[str] = field(default_factory=list)
    """Fields changed on both sides: the app's value kept, the other shown here."""
    notices: list[str] = field(default_factory=list)
    """Files left alone (made elsewhere, malformed, not regular), each named once."""
    problems: list[str] = field(default_factory=list)
    """What kept the sync from doing its job: the folder, the lock, a failed write."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> str:
        """``3 written, 0 removed, 1 came in, 0 conflicts, 2 left alone``."""
        return (
            f"{len(self.written)} written, {len(self.removed)} removed, "
            f"{len(self.came_in)} came in, {len(self.conflicts)} conflicts, "
            f"{len(self.notices)} left alone"
        )

    def lines(self, limit: int | None = None) -> list[str]:
        """What a person reads: what came in, every conflict, files left alone."""
        found = [f"came in: {line}" for line in self.came_in[:limit]]
        found += [f"conflict: {line}" for line in self.conflicts[:limit]]
        found += [f"left alone: {line}" for line in self.notices[:limit]]
        return found


def _listed(verb: str, keys: list[str]) -> list[tuple[str, str]]:
    lines = [("out", f"{verb} {key}") for key in keys[:_LISTED]]
    if len(keys) > _LISTED:
        lines.append(("out", f"and {len(keys) - _LISTED} more {verb}"))
    return lines


def log(store: Store, report: SyncReport, now: datetime) -> None:
    """Keep what came in, went out and clashed for the Sync view (the last few hundred
    lines, newest first)."""
    at = now.isoformat(timespec="seconds")
    lines = [("problem", line) for line in report.problems]
    lines += [("conflict", line) for line in report.conflicts]
    lines += [("in", line) for line in report.came_in]
    lines += [("notice", line) for line in report.notices]
    lines += _listed("written", report.written) + _listed("removed", report.removed)
    if not lines:
        return
    try:
        old = json.loads(store.settings.get(LOG_KEY, "[]"))
    except ValueError:
        old = []
    entries = [[at, kind, text] for kind, text in lines] + (old if isinstance(old, list) else [])
    with store.database.transaction():
        store.settings.set(LOG_KEY, json.dumps(entries[:LOG_SIZE]))


def sync_log(store: Store) -> list[tuple[str, str, str]]:
    """(when, in/out/conflict/notice/problem, what) of recent syncs, newest first."""
    try:
        entries = json.loads(store.settings.get(LOG_KEY, "[]"))
    except ValueError:
        return []
    return [
        (str(e[0]), str(e[1]), str(e[2])) for e in entries if isinstance(e, list) and len(e) == 3
    ]
