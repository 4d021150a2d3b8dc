"""Keep a vdir in step with the database, both ways, with one merge for every item.

The vdir root holds ``contacts/``, ``followups/`` and ``calls/``. For each item the
sync keeps a base (:mod:`.sync_state`): the fields last written or read. Each run
compares the app's fields, the base and the file field by field
(:mod:`coffeechat.domain.sync_merge`): what changed on one side only takes that side;
what changed on both keeps the app's value and shows the other (report, a line on the
contact, the Sync view). A change in the app is patched into the file, keeping what
others added. Nothing is ever frozen: the app's later changes always go out.

Everything in the vdir is untrusted (:mod:`.sync_folder`); a file the sync cannot
use is named once and left alone, and the run goes on. Only a sync that could not do
its job (the folder unusable, another sync holding it, a write failing) is a problem.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.pipeline import info
from ..domain.sync_merge import Merged, merge
from ..interop import vdir, vdir_card
from ..interop.vdir import CALLS, COLLECTIONS, CONTACTS, FOLLOWUPS, Item, MalformedItem
from ..models import Contact
from ..safe_files import write_files
from ..store import Store, sync_rows
from . import sync_apply
from .sync_folder import (
    Busy,
    Refused,
    collection_folder,
    listing,
    locked,
    read_bounded,
    remove_partials,
)
from .sync_state import STATE_FILE, Entry, State

__all__ = ["STATE_FILE", "SyncReport", "sync"]

KEEP_DONE_DAYS = 30
"""How long a follow-up done stays in ``followups/`` as a completed to-do."""
WRITE_BATCH = 2000
"""Items written (and journaled) at a time: a kill loses at most one batch's record."""
LOG_KEY = "sync_log"
LOG_SIZE = 400
METADATA = frozenset({"displayname", "color", "description", "order", "meta"})
"""vdirsyncer's per-collection metadata files: not items, never reported."""


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


def changes_saved(store: Store) -> int:
    """How many rows this connection has changed since it opened: when it moves,
    there is something new to sync."""
    return store.database.conn.total_changes


def check_scope(scope: str) -> str | None:
    """None if *scope* is "all", "active" or "tag:NAME"; else what is wrong with it."""
    if scope in ("all", "active") or (scope.startswith("tag:") and scope[4:].strip()):
        return None
    return f"unknown sync scope {scope!r}: use all, active or tag:NAME"


def in_scope(contact: Contact, scope: str) -> bool:
    if contact.archived or not contact.uid:
        return False
    if scope == "active":
        return info(contact.status).active
    if scope.startswith("tag:"):
        wanted = scope[4:].strip().casefold()
        return wanted in {t.strip().casefold() for t in contact.tags.split(",")}
    return True


def sync(
    store: Store, root: str | os.PathLike[str], now: datetime, scope: str = "all"
) -> SyncReport:
    """Bring the vdir at *root* and the database in step; see the module's docstring."""
    report = SyncReport()
    wrong = check_scope(scope)
    if wrong:
        report.problems.append(wrong)
        return report
    base = Path(root).expanduser()
    try:
        if base.exists() and not base.is_dir():
            raise Refused(0, "not a folder")
        base.mkdir(parents=True, exist_ok=True)
        with locked(base):
            _Run(store, base, now, scope, report).run()
    except Busy as error:
        report.problems.append(f"{base}: {error.strerror}")
    except OSError as error:
        report.problems.append(_one_line(error, base))
    _log(store, report, now)
    return report


def _one_line(error: OSError, base: Path) -> str:
    if error.filename and error.strerror:
        return f"cannot use {error.filename}: {error.strerror}"
    return f"cannot use {base}: {error.strerror or error}"


class _Run:
    def __init__(
        self, store: Store, root: Path, now: datetime, scope: str, report: SyncReport
    ) -> None:
        self.store, self.root, self.now, self.scope, self.report = store, root, now, scope, report
        self.folders: dict[str, Path] = {}
        self.files: dict[str, dict[str, tuple[int, int]]] = {}
        self.others: dict[str, dict[str, str]] = {}
        self.writes: dict[str, dict[str, tuple[bytes, Entry]]] = {c: {} for c in COLLECTIONS}
        self.handled: set[str] = set()
        self.state = State(root)
        self.contacts: dict[int, Contact] = {}
        self.checklists: dict[int, list[str]] = {}
        self.by_ref: dict[str, str] = {}
        self.archived: set[int] = set()

    # --- the run ------------------------------------------------------------------------

    def run(self) -> None:
        for collection in COLLECTIONS:
            folder = collection_folder(self.root, collection)
            self.folders[collection] = folder
            remove_partials(folder)
            self.files[collection], self.others[collection] = listing(folder)
        self.state = State.load(self.root)
        if self.state.unreadable:
            self.report.notices.append(
                f"{self.root / STATE_FILE}: {self.state.unreadable}; files compared by content"
            )
        if self.state.dropped:
            self.report.notices.append(
                f"{self.root / STATE_FILE}: {self.state.dropped} entries not valid, ignored"
            )
        self.by_ref = {entry.ref: key for key, entry in self.state.items.items()}
        # To-dos and calls first: a to-do ticked or a call moved elsewhere changes the
        # contact's status, which the contact's card then carries in the same run.
        events = self._event_items()
        self._items(events)
        if self.report.came_in:
            self._load_contacts()
        self._items([vdir.contact_item(c) for c in self.contacts.values()])
        if self.archived:
            # A contact deleted on the phone was archived: its to-dos and calls go too,
            # in this run rather than the next.
            for item in events:
                if item.contact_id in self.archived:
                    self.handled.discard(self.by_ref.get(item.ref) or "")
                    self.handled.discard(f"{item.collection}/{item.file_name}")
        self._flush()
        for key in sorted(set(self.state.items) - self.handled):
            self._gone_from_app(key)
        self._unknown_files()
        self._flush()
        self.state.save()

    def _items(self, items: list[Item]) -> None:
        for item in items:
            key = self.by_ref.get(item.ref) or f"{item.collection}/{item.file_name}"
            if key not in self.handled:
                self.handled.add(key)
                self._item(key, item)

    def _load_contacts(self) -> None:
        every = self.store.contacts.all(include_archived=False)
        self.contacts = {c.id or 0: c for c in every if in_scope(c, self.scope)}

    def _event_items(self) -> list[Item]:
        """The follow-ups and calls of the contacts in scope."""
        store = self.store
        self._load_contacts()
        items: list[Item] = []
        # A to-do done stays a while, marked completed: the phone shows it ticked, and the
        # collection is not emptied when the last one is done (vdirsyncer refuses to carry
        # a collection emptied at once, taking it for an accident).
        done_since = (self.now.date() - timedelta(days=KEEP_DONE_DAYS)).isoformat()
        for followup in sync_rows.followups_for_sync(store.database, done_since):
            contact = self.contacts.get(followup.contact_id)
            if contact is not None and len(followup.due_date) >= 10:
                items.append(vdir.followup_item(followup, contact))
        self.checklists = sync_rows.checklist_texts(store.database)
        for interview in sync_rows.calls(store.database):
            call = self._call_item(interview.contact_id, interview)
            if call is not None:
                items.append(call)
        return items

    def _call_item(self, contact_id: int, interview) -> Item | None:
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        questions = self.checklists.get(interview.id or 0, [])
        return vdir.call_item(interview, contact, questions, contact.time_zone)

    def _fresh(self, item: Item) -> Item | None:
        """*item* as the database now holds it (after changes came in)."""
        kind, number = item.ref.split(":")
        row_id = int(number)
        if kind == "contact":
            contact = self.store.contacts.get(row_id)
            if contact is not None:
                self.contacts[row_id] = contact
                return vdir.contact_item(contact)
            return None
        if kind == "followup":
            followup = self.store.followups.get(row_id)
            contact = self.contacts.get(followup.contact_id) if followup else None
            return vdir.followup_item(followup, contact) if followup and contact else None
        interview = self.store.interviews.get(row_id)
        return self._call_item(interview.contact_id, interview) if interview else None

    # --- one item the app has -------------------------------------------------------------

    def _item(self, key: str, item: Item) -> None:
        collection, name = key.split("/")
        entry = self.state.items.get(key)
        if entry is not None and entry.ref != item.ref:
            entry = None  # the file was recorded for another row: compared by content
        if name in self.others[collection]:
            self._notice_once(key, f"{self.others[collection][name]}", (0, 0))
            return
        present = self.files[collection].get(name)
        if present is None:
            self._missing(key, item, entry)
            return
        if entry is not None and not entry.gone and (entry.size, entry.mtime) == present:
            if item.fields != entry.base:
                self._patch(key, item, entry, _changed(item.fields, entry.base), None)
            return
        try:
            data = read_bounded(self.folders[collection] / name)
        except OSError as error:
            self._notice_once(key, f"{error.strerror}", present)
            return
        if entry is not None and not entry.gone and vdir.digest(data) == entry.digest:
            entry.size, entry.mtime = present
            self.state.put(key, entry)
            if item.fields != entry.base:
                self._patch(key, item, entry, _changed(item.fields, entry.base), data)
            return
        self._merge(key, item, entry, data, present)

    def _merge(
        self, key: str, item: Item, entry: Entry | None, data: bytes, present: tuple[int, int]
    ) -> None:
        collection = key.split("/")[0]
        try:
            read = vdir.read(collection, data)
        except MalformedItem as error:
            self._notice_once(key, f"malformed item ({error})", present)
            return
        expected_uid = entry.uid if entry is not None else item.uid
        if read.uid != expected_uid:
            self._notice_once(key, "its UID is not the one recorded for it", present)
            return
        if entry is None:
            # No base (a first sync over existing files, or a lost state): nothing says
            # who changed what, so the app's fields are written where they differ.
            merged = Merged(outgoing=_differing(item.fields, read.fields))
        else:
            merged = merge(
                item.fields,
                entry.base,
                read.fields,
                entry.their_base(),
                vdir.INCOMING[item.kind],
                entry.stale,
            )
        before = item.fields
        if merged.incoming:
            item = self._take_in(key, item, merged) or item
        self._conflicts(key, item, merged)
        # What taking a change in made the app spell its own way (a completion time for
        # a bare COMPLETED, the N that goes with a new name) goes out too.
        outgoing = set(merged.outgoing) | {
            k for k, v in item.fields.items() if v != before.get(k) and v != read.fields.get(k)
        }
        new_entry = Entry(item.ref, read.uid, vdir.digest(data), *present, dict(item.fields))
        new_entry.file = _differing(read.fields, item.fields)
        if outgoing:
            self._patch(key, item, new_entry, outgoing, data)
        else:
            self.state.put(key, new_entry)

    def _take_in(self, key: str, item: Item, merged: Merged) -> Item | None:
        kind, number = item.ref.split(":")
        row_id = int(number)
        if kind == "contact":
            lines = sync_apply.contact_fields(self.store, row_id, merged.incoming)
        elif kind == "followup":
            lines = sync_apply.followup_fields(self.store, row_id, merged.incoming, self.now)
        else:
            lines = sync_apply.call_fields(self.store, row_id, merged.incoming, self.now)
        self.report.came_in += [f"{line} ({key})" for line in lines]
        return self._fresh(item)

    def _conflicts(self, key: str, item: Item, merged: Merged) -> None:
        contact_id = self._contact_of(item)
        for conflict in merged.conflicts:
            label = conflict.field
            theirs = conflict.theirs or "(empty)"
            line = f"{label}: kept “{conflict.ours}”, elsewhere it was “{theirs}”"
            self.report.conflicts.append(f"{line} ({key})")
            if contact_id is not None:
                day = self.now.date().isoformat()
                sync_apply.note_line(self.store, contact_id, f"Sync {day}: {item.kind} {line}")

    def _contact_of(self, item: Item) -> int | None:
        kind, number = item.ref.split(":")
        if kind == "contact":
            return int(number)
        if kind == "followup":
            followup = self.store.followups.get(int(number))
            return followup.contact_id if followup else None
        interview = self.store.interviews.get(int(number))
        return interview.contact_id if interview else None

    def _missing(self, key: str, item: Item, entry: Entry | None) -> None:
        """The app has the item; the vdir does not (new, or deleted elsewhere)."""
        if entry is None or item.fields != entry.base:
            if entry is not None and not entry.gone:
                self.report.conflicts.append(
                    f"deleted elsewhere, changed here: written again ({key})"
                )
            self._queue(key, item, vdir.render(item, self.now), Entry(item.ref, item.uid))
            return
        if entry.gone:
            return
        if item.kind == "contact":
            line = sync_apply.archive(self.store, item.contact_id)
            self.archived.add(item.contact_id)
            if line:
                self.report.came_in.append(f"{line} ({key})")
            self.state.drop(key)
            return
        entry.gone = True
        self.state.put(key, entry)
        self.report.notices.append(f"{key}: deleted elsewhere, left deleted until it changes here")

    def _patch(
        self, key: str, item: Item, entry: Entry, names: set[str], data: bytes | None
    ) -> None:
        collection, name = key.split("/")
        if data is None:
            try:
                data = read_bounded(self.folders[collection] / name)
            except OSError as error:
                self._notice_once(key, f"{error.strerror}", (0, 0))
                return
        try:
            patched = vdir.patch(item, data, names, self.now)
        except MalformedItem as error:
            self._notice_once(key, f"malformed item ({error})", (0, 0))
            return
        new_entry = Entry(item.ref, entry.uid, base=dict(item.fields))
        new_entry.file = {k: v for k, v in entry.file.items() if k not in names}
        before = entry.their_base()
        new_entry.stale = {
            k: before[k] for k in names if k in before and before[k] != item.fields[k]
        }
        self._queue(key, item, patched, new_entry)

    def _queue(self, key: str, item: Item, data: bytes, entry: Entry) -> None:
        entry.base = dict(item.fields)
        collection, name = key.split("/")
        self.writes[collection][name] = (data, entry)
        if sum(len(w) for w in self.writes.values()) >= WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        """Write what is queued, a collection at a time, and journal it."""
        for collection, batch in self.writes.items():
            if not batch:
                continue
            folder = self.folders[collection]
            write_files(folder, {name: data for name, (data, _) in batch.items()})
            for name, (data, entry) in batch.items():
                info_ = os.lstat(folder / name)
                entry.digest = vdir.digest(data)
                entry.size, entry.mtime = info_.st_size, info_.st_mtime_ns
                entry.gone = False
                key = f"{collection}/{name}"
                self.state.put(key, entry)
                self.report.written.append(key)
            batch.clear()
        self.state.flush()

    # --- items the app no longer has, files it never had ----------------------------------

    def _gone_from_app(self, key: str) -> None:
        """Deleted, archived or out of scope in the app: the file goes (even one changed
        elsewhere: the app's deletion wins, and the report says what it held)."""
        collection, name = key.split("/")
        entry = self.state.items[key]
        present = self.files[collection].get(name)
        if present is not None:
            if (entry.size, entry.mtime) != present:
                try:
                    changed = vdir.digest(read_bounded(self.folders[collection] / name))
                except OSError:
                    changed = ""
                if changed != entry.digest:
                    self.report.conflicts.append(f"removed here, it had changed elsewhere ({key})")
            os.unlink(self.folders[collection] / name)
            self.report.removed.append(key)
        self.handled.add(key)
        self.state.drop(key)

    def _unknown_files(self) -> None:
        present = {f"{c}/{n}" for c in COLLECTIONS for n in [*self.files[c], *self.others[c]]}
        for collection in COLLECTIONS:
            for name, why in self.others[collection].items():
                key = f"{collection}/{name}"
                if key not in self.handled:
                    self._notice_once(key, f"{why}", (0, 0))
            for name, stat_ in sorted(self.files[collection].items()):
                key = f"{collection}/{name}"
                if key in self.handled or key in self.state.items or name in METADATA:
                    continue
                present.add(key)
                if (
                    collection == CONTACTS
                    and name.endswith(".vcf")
                    and self._new_contact(key, stat_)
                ):
                    present.discard(key)
                    continue
                what = "a to-do" if collection == FOLLOWUPS else "an event"
                what = "a file" if collection == CONTACTS else what
                if collection == CALLS and not name.endswith(".ics"):
                    what = "a file"
                self._notice_once(key, f"{what} made elsewhere", stat_)
        self.state.forget_seen(present)

    def _new_contact(self, key: str, present: tuple[int, int]) -> bool:
        """A card made elsewhere: added under the identity rule; True once recorded."""
        if self.state.seen.get(key) == list(present):
            return False  # already looked at, and left alone
        path = self.folders[CONTACTS] / key.split("/")[1]
        try:
            data = read_bounded(path)
            record = vdir_card.record(data)
            uid, fields = vdir_card.read(data)
        except MalformedItem as error:
            self._notice_once(key, f"malformed item ({error})", present)
            return False
        except OSError as error:
            self._notice_once(key, f"{error.strerror}", present)
            return False
        taken = {e.ref for e in self.state.items.values()}
        existing = self.store.database.conn.execute(
            "SELECT id FROM contacts WHERE uid = ?", (uid,)
        ).fetchone()
        if existing is not None and f"contact:{existing[0]}" in taken:
            self._notice_once(key, "a second card for a contact already synced", present)
            return False
        contact_id = sync_apply.new_contact(self.store, record)
        contact = self.store.contacts.get(contact_id) if contact_id else None
        if contact is None or not in_scope(contact, self.scope) or f"contact:{contact_id}" in taken:
            self._notice_once(key, "came in, but is outside the sync", present)
            return False
        item = vdir.contact_item(contact)
        entry = Entry(item.ref, uid, vdir.digest(data), *present, dict(item.fields))
        entry.file = {k: v for k, v in fields.items() if item.fields.get(k) != v}
        self.state.put(key, entry)
        self.handled.add(key)
        self.report.came_in.append(f"new contact {contact.name} ({key})")
        return True

    def _notice_once(self, key: str, why: str, present: tuple[int, int]) -> None:
        """Name a file left alone the first time it is met (and again if it changes)."""
        if self.state.mark_seen(key, *present):
            self.report.notices.append(f"{key}: {why}")


def _changed(app: dict[str, str], base: dict[str, str]) -> set[str]:
    return {name for name, value in app.items() if base.get(name) != value}


def _differing(fields: dict[str, str], other: dict[str, str]) -> dict[str, str]:
    """The fields of *fields* whose value *other* does not share."""
    return {name: value for name, value in fields.items() if other.get(name) != value}


def _log(store: Store, report: SyncReport, now: datetime) -> None:
    """Keep what came in, went out and clashed for the Sync view (the last few hundred
    lines, newest first)."""
    at = now.isoformat(timespec="seconds")
    lines = [("problem", line) for line in report.problems]
    lines += [("conflict", line) for line in report.conflicts]
    lines += [("in", line) for line in report.came_in]
    lines += [("notice", line) for line in report.notices]
    written = report.written
    if len(written) > 20:
        lines.append(("out", f"{len(written)} items written"))
    else:
        lines += [("out", f"written {key}") for key in written]
    lines += [("out", f"removed {key}") for key in report.removed[:20]]
    if len(report.removed) > 20:
        lines.append(("out", f"and {len(report.removed) - 20} more removed"))
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
