"""Keep a vdir in step with the database; take back to-dos done and calls moved.

The vdir root holds ``contacts/``, ``followups/`` and ``calls/`` and a small state file,
``.coffeechat-sync.json``: for every item written, its digest, size and modification
time. A file that still matches what was written is ours to rewrite or remove; one that
does not was changed elsewhere (on a phone, through vdirsyncer). Of those, a to-do
marked COMPLETED and a call whose start moved are taken back; anything else is left as
it is and reported. Nothing here overwrites a file someone else changed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.pipeline import info
from ..interop import vdir
from ..models import Contact
from ..safe_files import write_file, write_files
from ..store import Store, sync_rows
from .followups import complete_followup
from .steps import settle

STATE_FILE = ".coffeechat-sync.json"
KEEP_DONE_DAYS = 30
"""How long a follow-up done stays in ``followups/`` as a completed to-do."""


@dataclass
class SyncReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    taken_back: list[str] = field(default_factory=list)
    """One line per change taken into coffeechat (a follow-up done, a call moved)."""
    left: list[str] = field(default_factory=list)
    """Items changed elsewhere that coffeechat does not take back: left as they are."""
    problems: list[str] = field(default_factory=list)
    """One line each: an unwritable folder, a foreign file, a malformed item."""

    @property
    def ok(self) -> bool:
        return not self.problems


def changes_saved(store: Store) -> int:
    """How many rows this connection has changed since it opened: when it moves,
    there is something new to sync."""
    return store.database.conn.total_changes


def check_scope(scope: str) -> str | None:
    """None if *scope* is "all", "active" or "tag:NAME"; else what is wrong with it."""
    if scope in ("all", "active") or (scope.startswith("tag:") and scope[4:].strip()):
        return None
    return f"unknown sync scope {scope!r}: use all, active or tag:NAME"


def _in_scope(contact: Contact, scope: str) -> bool:
    if contact.archived or not contact.uid:
        return False
    if scope == "active":
        return info(contact.status).active
    if scope.startswith("tag:"):
        wanted = scope[4:].strip().casefold()
        return wanted in {t.strip().casefold() for t in contact.tags.split(",")}
    return True


class _State:
    """What was last written: ``{"contacts/x.vcf": [digest, size, mtime_ns]}``."""

    def __init__(self, root: Path, report: SyncReport) -> None:
        self.path = root / STATE_FILE
        self.items: dict[str, list] = {}
        self.changed = False
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self.items = {k: v for k, v in loaded.get("items", {}).items() if len(v) == 3}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError):
            # Lost track: every file is compared by content instead; nothing is lost.
            report.problems.append(f"{self.path}: unreadable sync state, started afresh")

    def record(self, key: str, path: Path, data: bytes) -> None:
        info_ = path.stat()
        self.items[key] = [vdir.digest(data), info_.st_size, info_.st_mtime_ns]
        self.changed = True

    def forget(self, key: str) -> None:
        if self.items.pop(key, None) is not None:
            self.changed = True

    def unchanged(self, key: str, path: Path) -> bool | None:
        """True: the file is as written; False: changed (or gone); None: not ours."""
        recorded = self.items.get(key)
        if recorded is None:
            return None
        try:
            stat = path.stat()
        except FileNotFoundError:
            return False
        if [stat.st_size, stat.st_mtime_ns] == recorded[1:]:
            return True
        return vdir.digest(path.read_bytes()) == recorded[0]

    def save(self) -> None:
        if self.changed:
            write_file(self.path, json.dumps({"version": 1, "items": self.items}, indent=0))


def _listing(folder: Path) -> set[str]:
    return {entry.name for entry in os.scandir(folder) if not entry.name.startswith(".")}


def _take_back(store: Store, key: str, text: str, now: datetime, report: SyncReport) -> bool:
    """Apply a change made elsewhere, if it is one coffeechat takes; True if taken."""
    collection = key.split("/", 1)[0]
    parsed = vdir.parse_item(text)
    if collection == vdir.FOLLOWUPS and parsed.component == "VTODO":
        followup_id = vdir.id_from_uid(parsed.uid, "followup")
        followup = store.followups.get(followup_id) if followup_id else None
        if followup is not None and parsed.status == "COMPLETED":
            if followup.state == "open":
                complete_followup(store, followup.id or 0, now)
                report.taken_back.append(f"done: {followup.title or followup.kind} ({key})")
            return True
    if collection == vdir.CALLS and parsed.component == "VEVENT" and parsed.start:
        interview_id = vdir.id_from_uid(parsed.uid, "call")
        interview = store.interviews.get(interview_id) if interview_id else None
        if interview is not None and interview.state == "planned":
            if vdir.call_start(interview) == parsed.start:
                return False  # the time is the same: something else changed
            local = parsed.start.astimezone().replace(tzinfo=None)
            moved_to = local.isoformat(timespec="minutes")
            with store.database.transaction():
                store.interviews.update_plan(
                    interview.id or 0,
                    scheduled_at=moved_to,
                    medium=interview.medium,
                    length_minutes=interview.length_minutes,
                )
                settle(store, interview.contact_id, now.date())
            report.taken_back.append(f"call moved to {moved_to.replace('T', ' ')} ({key})")
            return True
    return False


def _expected(store: Store, scope: str, now: datetime) -> dict[str, vdir.Item]:
    contacts = {c.id: c for c in store.contacts.all(include_archived=False) if _in_scope(c, scope)}
    items = [vdir.contact_item(c) for c in contacts.values()]
    # A to-do done stays a while, marked completed: the phone shows it ticked, and the
    # collection is not emptied when the last one is done (vdirsyncer refuses to carry
    # a collection emptied at once, taking it for an accident).
    done_since = (now.date() - timedelta(days=KEEP_DONE_DAYS)).isoformat()
    for followup in sync_rows.followups_for_sync(store.database, done_since):
        contact = contacts.get(followup.contact_id)
        if contact is not None and len(followup.due_date) >= 10:
            items.append(vdir.followup_item(followup, contact))
    checklists = sync_rows.checklist_texts(store.database)
    for interview in sync_rows.calls(store.database):
        contact = contacts.get(interview.contact_id)
        if contact is None:
            continue
        item = vdir.call_item(
            interview, contact, checklists.get(interview.id or 0, []), contact.time_zone
        )
        if item is not None:
            items.append(item)
    return {f"{item.collection}/{item.file_name}": item for item in items}


def sync(
    store: Store, root: str | os.PathLike[str], now: datetime, scope: str = "all"
) -> SyncReport:
    """Bring the vdir at *root* in step with the database; see the module's docstring."""
    report = SyncReport()
    wrong = check_scope(scope)
    if wrong:
        report.problems.append(wrong)
        return report
    base = Path(root).expanduser()
    try:
        for collection in vdir.COLLECTIONS:
            (base / collection).mkdir(parents=True, exist_ok=True)
        present = {c: _listing(base / c) for c in vdir.COLLECTIONS}
    except OSError as error:
        report.problems.append(f"cannot use {base}: {error.strerror or error}")
        return report
    state = _State(base, report)
    keep: set[str] = set()  # changed elsewhere and not taken back: never overwritten
    for collection, names in present.items():
        for name in sorted(names):
            key = f"{collection}/{name}"
            try:
                if state.unchanged(key, base / key) is not False:
                    continue
                text = (base / key).read_bytes().decode("utf-8", "replace")
                taken = _take_back(store, key, text, now, report)
            except vdir.MalformedItem as error:
                report.problems.append(f"{base / key}: malformed item: {error}")
                keep.add(key)
                continue
            except OSError as error:
                report.problems.append(f"cannot read {base / key}: {error.strerror or error}")
                keep.add(key)
                continue
            if not taken:
                report.left.append(f"{key}: changed elsewhere, left as it is")
                keep.add(key)
    expected = _expected(store, scope, now)
    for collection, names in present.items():
        for name in sorted(names):
            key = f"{collection}/{name}"
            if key not in expected and key not in state.items and key not in keep:
                report.problems.append(f"{base / key}: not an item coffeechat wrote; left alone")
    try:
        _write_and_remove(base, expected, present, keep, state, report)
    except OSError as error:
        report.problems.append(str(error) if error.filename else f"cannot write in {base}: {error}")
    try:
        state.save()
    except OSError as error:
        report.problems.append(str(error))
    return report


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_and_remove(
    base: Path,
    expected: dict[str, vdir.Item],
    present: dict[str, set[str]],
    keep: set[str],
    state: _State,
    report: SyncReport,
) -> None:
    batches: dict[str, dict[str, bytes]] = {c: {} for c in vdir.COLLECTIONS}
    for key, item in expected.items():
        if key in keep:
            continue
        path = base / key
        data = item.text.encode("utf-8")
        exists = key.split("/", 1)[1] in present[item.collection]
        recorded = state.items.get(key)
        if exists and recorded and recorded[0] == vdir.digest(data):
            continue
        if not exists and recorded and recorded[0] == vdir.digest(data):
            # Deleted elsewhere (on the phone, on the server) since we wrote it: left
            # deleted, never written back blindly; a change made here writes it again.
            report.left.append(f"{key}: deleted elsewhere, left deleted")
            keep.add(key)
            continue
        if exists and recorded is None:
            if _holds(path, data):
                state.record(key, path, data)  # the state was lost; the file is ours
                continue
            report.left.append(f"{key}: not written by coffeechat, left as it is")
            keep.add(key)
            continue
        batches[item.collection][key.split("/", 1)[1]] = data
    for collection, batch in batches.items():
        if not batch:
            continue
        try:
            write_files(base / collection, batch)
        except OSError:
            # Stopped half way: what did reach its file is recorded as ours, so the
            # next run does not take it for a change made elsewhere.
            batch = {n: d for n, d in batch.items() if _holds(base / collection / n, d)}
            raise
        finally:
            for name, data in batch.items():
                key = f"{collection}/{name}"
                state.record(key, base / key, data)
                report.written.append(key)
    for key in sorted(set(state.items) - set(expected) - keep):
        path = base / key
        path.unlink(missing_ok=True)
        state.forget(key)
        report.removed.append(key)
