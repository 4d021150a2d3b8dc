"""One sync run: every item the app has, merged with its file, field by field.

For each item the state (:mod:`.sync_state`) holds a base: the fields last written or
read. An item whose file and fields are both as recorded costs a dictionary compare
(an idle sync of 33,000 items reads no file). Otherwise the file is read and
:func:`coffeechat.domain.sync_merge.merge` says, field by field, what comes in, what
goes out and what clashed; what goes out is patched into the file, keeping whatever
others added.
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.sync_merge import Conflict, Merged, merge
from ..interop import vdir, vdir_anchor, vdir_card
from ..interop.vdir import COLLECTIONS, INCOMING, KIND_OF, Item, MalformedItem
from ..safe_files import write_files
from ..store import Store
from . import sync_apply, sync_foreign
from .sync_folder import collection_folder, listing, read_bounded
from .sync_items import AppItems, row_of
from .sync_report import SyncReport
from .sync_state import STATE_FILE, Entry, State

REMEMBER_REMOVED_DAYS = 30
"""How long a removed file's entry is kept, to know it if vdirsyncer puts it back."""
WRITE_BATCH = 2000
"""Items written (and journaled) at a time: a kill loses at most one batch's record."""


class Run:
    def __init__(
        self, store: Store, root: Path, now: datetime, scope: str, report: SyncReport
    ) -> None:
        self.store, self.root, self.now, self.scope, self.report = store, root, now, scope, report
        self.folders: dict[str, Path] = {}
        self.files: dict[str, dict[str, tuple[int, int]]] = {}
        self.others: dict[str, dict[str, str]] = {}
        self.writes: dict[str, dict[str, tuple[bytes, Entry]]] = {c: {} for c in COLLECTIONS}
        self.handled: set[str] = set()
        self.anchors: dict[str, dict[str, bytes]] = {}
        """Anchors to write (:mod:`coffeechat.interop.vdir_anchor`): not items, not listed."""
        self.state = State(root)
        self.by_ref: dict[str, str] = {}
        self.archived: set[int] = set()
        self.app = AppItems(store, scope, now, self._recorded)

    def _recorded(self, ref: str) -> Entry | None:
        key = self.by_ref.get(ref)
        return self.state.items.get(key) if key is not None else None

    def run(self) -> None:
        for collection in COLLECTIONS:
            folder = collection_folder(self.root, collection)
            self.folders[collection] = folder
            self.files[collection], self.others[collection] = listing(folder)
        for collection in vdir_anchor.COLLECTIONS:
            name = vdir_anchor.anchor_name(collection)
            if name not in self.files[collection] and name not in self.others[collection]:
                self.anchors[collection] = {name: vdir_anchor.anchor(collection)}
        self.state = State.load(self.root)
        if self.state.unreadable:
            self.report.notices.append(
                f"{self.root / STATE_FILE}: {self.state.unreadable}; files compared by content"
            )
        if self.state.dropped:
            self.report.notices.append(
                f"{self.root / STATE_FILE}: {self.state.dropped} entries not valid, ignored"
            )
        # An item kept cancelled by an older version (before the anchors) stands for a
        # row that is gone: a new row with its number is another item, in its own file.
        self.by_ref = {
            entry.ref: key
            for key, entry in self.state.items.items()
            if not entry.base.get("cancelled")
        }
        # To-dos and calls first: a to-do ticked or a call moved elsewhere changes the
        # contact's status, which the contact's card then carries in the same run.
        events = self.app.events()
        self._items(events)
        if self.report.came_in:
            self.app.load_contacts()
        self._items(self.app.contact_items())
        if self.archived:
            # A contact deleted on the phone was archived: its to-dos and calls go too,
            # in this run rather than the next.
            for item in events:
                if item.contact_id in self.archived:
                    self.handled.discard(self.by_ref.get(item.ref) or "")
                    self.handled.discard(f"{item.collection}/{item.file_name}")
        self.flush()
        since = (self.now.date() - timedelta(days=REMEMBER_REMOVED_DAYS)).isoformat()
        self.state.forget_removed(self.handled, since)
        for key in sorted(set(self.state.items) - self.handled):
            self._gone_from_app(key)
        sync_foreign.unknown_files(self)
        self.flush()
        self.state.save()

    def _items(self, items: list[Item]) -> None:
        for item in items:
            key = self.by_ref.get(item.ref)
            if key is None or self.state.items[key].uid != item.uid:
                # New, or a deleted row's number given again by SQLite to another row
                # (another contact's call): its own file; the old one goes.
                key = f"{item.collection}/{item.file_name}"
            if key not in self.handled:
                self.handled.add(key)
                self._item(key, item)

    # --- one item the app has -------------------------------------------------------------

    def _item(self, key: str, item: Item) -> None:
        collection, name = key.split("/")
        entry = self.state.items.get(key)
        if entry is not None and entry.ref != item.ref:
            entry = None  # the file was recorded for another row: compared by content
        if name in self.others[collection]:
            self.notice_once(key, f"{self.others[collection][name]}", (0, 0))
            return
        present = self.files[collection].get(name)
        if present is None:
            self._missing(key, item, entry)
            return
        if entry is not None and not entry.gone and (entry.size, entry.mtime) == present:
            if item.fields != entry.base:
                self._patch(key, item, entry, _changed(item.fields, entry.base), None)
            elif entry.source != item.source:
                entry.source = item.source  # a state from before sources were kept
                self.state.put(key, entry)
            return
        data = self.read(key, present)
        if data is None:
            return
        if entry is not None and not entry.gone and vdir.digest(data) == entry.digest:
            entry.size, entry.mtime = present
            self.state.put(key, entry)
            if item.fields != entry.base:
                self._patch(key, item, entry, _changed(item.fields, entry.base), data)
            return
        self._merge(key, item, entry, data, present)

    def read(self, key: str, present: tuple[int, int]) -> bytes | None:
        """The file's bytes, or None (and a notice) when it cannot be read."""
        collection, name = key.split("/")
        try:
            return read_bounded(self.folders[collection] / name)
        except OSError as error:
            self.notice_once(key, f"{error.strerror}", present)
            return None

    def _merge(
        self, key: str, item: Item, entry: Entry | None, data: bytes, present: tuple[int, int]
    ) -> None:
        collection = key.split("/")[0]
        try:
            read = vdir.read(collection, data)
        except MalformedItem as error:
            self.notice_once(key, f"malformed item ({error})", present)
            return
        expected_uid = entry.uid if entry is not None else item.uid
        if read.uid != expected_uid:
            self.notice_once(key, "its UID is not the one recorded for it", present)
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
            # A change the app could not take (a held call's time, a name emptied) is
            # written back and shown as a conflict, not left to differ without a word.
            for name, theirs in merged.incoming.items():
                ours = item.fields.get(name, "")
                if name not in vdir.KEPT_AS_TEXT and ours == before.get(name) != theirs:
                    merged.outgoing[name] = ours
                    merged.conflicts.append(Conflict(name, ours, theirs))
        self._conflicts(key, item, merged)
        # What taking a change in made the app spell its own way (a completion time for
        # a bare COMPLETED, the N that goes with a new name) goes out too.
        outgoing = set(merged.outgoing) | {
            k for k, v in item.fields.items() if v != before.get(k) and v != read.fields.get(k)
        }
        new_entry = based(Entry(item.ref, read.uid, vdir.digest(data), *present), item)
        new_entry.file = _differing(read.fields, item.fields)
        if outgoing:
            self._patch(key, item, new_entry, outgoing, data)
        else:
            self.state.put(key, new_entry)

    def _take_in(self, key: str, item: Item, merged: Merged) -> Item | None:
        kind, row_id = row_of(item)
        lines = sync_apply.take_in(self.store, kind, row_id, merged.incoming, self.now)
        self.report.came_in += [f"{line} ({key})" for line in lines]
        return self.app.fresh(item)

    def _conflicts(self, key: str, item: Item, merged: Merged) -> None:
        contact_id = self.app.contact_of(item)
        for conflict in merged.conflicts:
            theirs = conflict.theirs or "(empty)"
            line = f"{conflict.field}: kept “{conflict.ours}”, elsewhere it was “{theirs}”"
            self.report.conflicts.append(f"{line} ({key})")
            if contact_id is not None:
                day = self.now.date().isoformat()
                sync_apply.note_line(self.store, contact_id, f"Sync {day}: {item.kind} {line}")

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
        if data is None:
            data = self.read(key, (0, 0))
            if data is None:
                return
        try:
            patched = vdir.patch(item, data, names, self.now)
        except MalformedItem as error:
            self.notice_once(key, f"malformed item ({error})", (0, 0))
            return
        new_entry = Entry(item.ref, entry.uid)
        new_entry.file = {k: v for k, v in entry.file.items() if k not in names}
        before = entry.their_base()
        new_entry.stale = {
            k: before[k] for k in names if k in before and before[k] != item.fields[k]
        }
        self._queue(key, item, patched, new_entry)

    def _queue(self, key: str, item: Item, data: bytes, entry: Entry) -> None:
        collection, name = key.split("/")
        self.writes[collection][name] = (data, based(entry, item))
        if sum(len(w) for w in self.writes.values()) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what is queued, a collection at a time, and journal it."""
        for collection, batch in self.writes.items():
            anchors = self.anchors.pop(collection, {})
            if not batch and not anchors:
                continue
            folder = self.folders[collection]
            write_files(folder, anchors | {name: data for name, (data, _) in batch.items()})
            for name, (data, entry) in batch.items():
                info_ = os.lstat(os.path.join(folder, name))
                entry.digest = vdir.digest(data)
                entry.size, entry.mtime = info_.st_size, info_.st_mtime_ns
                entry.gone = False
                key = f"{collection}/{name}"
                self.state.put(key, entry)
                self.report.written.append(key)
            batch.clear()
        self.state.flush()

    # --- items the app no longer has ------------------------------------------------------

    def _gone_from_app(self, key: str) -> None:
        """Deleted, archived or out of scope in the app: the file goes, but what was
        changed in it elsewhere since the last sync is not lost with it (see
        :meth:`_changed_before_going`)."""
        collection, name = key.split("/")
        entry = self.state.items[key]
        present = self.files[collection].get(name)
        if present is not None:
            if (entry.size, entry.mtime) != present:
                self._changed_before_going(key, entry, present)
            with suppress(FileNotFoundError):  # taken away by bringing the contact back
                os.unlink(self.folders[collection] / name)
            self.report.removed.append(key)
            self.state.remember_removed(key, entry, self.now.date().isoformat())
        self.handled.add(key)
        self.state.drop(key)

    def came_back(self, key: str, present: tuple[int, int]) -> bool:
        """A file the sync removed lately is there again: vdirsyncer restores an item
        deleted on one side and changed on the other. Its changes are dealt with as if
        the file had changed before it went, and it goes again; True when it was ours."""
        collection, name = key.split("/")
        _, entry = self.state.removed.pop(key)
        self.state.changed = True
        if not self._changed_before_going(key, entry, present):
            return False
        self.handled.add(key)
        with suppress(FileNotFoundError):
            os.unlink(self.folders[collection] / name)
        self.report.removed.append(key)
        return True

    def _changed_before_going(self, key: str, entry: Entry, present: tuple[int, int]) -> bool:
        """A file changed elsewhere whose item the app no longer carries. A row still
        in the app (archived, out of scope) takes the changes in, merged as usual; a
        contact deleted here comes back archived, holding them; a follow-up or call
        deleted here stays deleted, and the conflict names what had changed. False
        when the file is not the recorded item (another UID, unreadable)."""
        collection = key.split("/")[0]
        data = self.read(key, present)
        if data is None:
            return False
        if vdir.digest(data) == entry.digest:
            return True
        try:
            read = vdir.read(collection, data)
        except MalformedItem:
            self.report.conflicts.append(f"removed here, it had changed elsewhere ({key})")
            return True
        if read.uid != entry.uid:
            return False
        kind = KIND_OF[collection]
        theirs = changed_elsewhere(read.fields, entry, kind)
        if not theirs:
            return True  # nothing a person changed (a server's own property)
        item = self.app.current(entry.ref)
        if item is not None:
            base = entry.their_base()
            merged = merge(item.fields, entry.base, read.fields, base, INCOMING[kind], entry.stale)
            if merged.incoming:
                self._take_in(key, item, merged)
            self._conflicts(key, item, merged)
        elif kind == "contact":
            self.bring_back(key, data, theirs)
        else:
            self.report.conflicts.append(
                f"deleted here, changed elsewhere ({_listed(theirs)}): left deleted ({key})"
            )
        return True

    def bring_back(self, key: str, data: bytes, theirs: dict[str, str]) -> None:
        """A card changed elsewhere for a contact deleted here: the contact comes back
        archived with the card's values (under the import's identity rule), so the
        change is kept where the user can find it and nothing else of theirs returns
        to the list; the card goes, as an archived contact's does."""
        collection, name = key.split("/")
        line = f"deleted here, changed elsewhere ({_listed(theirs)})"
        try:
            contact_id = sync_apply.new_contact(self.store, vdir_card.record(data))
        except MalformedItem:
            contact_id = None
        contact = self.store.contacts.get(contact_id) if contact_id else None
        if contact is None or contact.id is None:
            self.report.conflicts.append(f"{line}: merged into the same person's card ({key})")
        else:
            self.store.contacts.set_archived(contact.id, True)
            day = self.now.date().isoformat()
            sync_apply.note_line(
                self.store, contact.id, f"Sync {day}: contact {line}; kept archived"
            )
            self.report.conflicts.append(f"{line}: {contact.name} kept, archived ({key})")
        with suppress(FileNotFoundError):
            os.unlink(self.folders[collection] / name)

    def notice_once(self, key: str, why: str, present: tuple[int, int]) -> None:
        """Name a file left alone the first time it is met (and again if it changes)."""
        if self.state.mark_seen(key, *present):
            self.report.notices.append(f"{key}: {why}")


def based(entry: Entry, item: Item) -> Entry:
    """*entry* with *item*'s fields as its base (and what they were made from)."""
    entry.base = dict(item.fields)
    entry.source = item.source
    return entry


def changed_elsewhere(fields: dict[str, str], entry: Entry, kind: str) -> dict[str, str]:
    """The fields of a file, as read, that a person changed elsewhere since the last
    sync and coffeechat has a place for (not a copy that predates its own last write)."""
    base = entry.their_base()
    return {
        name: value
        for name, value in fields.items()
        if name in INCOMING[kind] and value != base.get(name) and value != entry.stale.get(name)
    }


def _listed(fields: dict[str, str]) -> str:
    """``phone “+47 22”, title “Lead”``: values cut at 60 characters."""
    return ", ".join(
        f"{name} “{value[:60] + ('…' if len(value) > 60 else '')}”" if value else f"{name} cleared"
        for name, value in fields.items()
    )


def _changed(app: dict[str, str], base: dict[str, str]) -> set[str]:
    return {name for name, value in app.items() if base.get(name) != value}


def _differing(fields: dict[str, str], other: dict[str, str]) -> dict[str, str]:
    """The fields of *fields* whose value *other* does not share."""
    return {name: value for name, value in fields.items() if other.get(name) != value}
