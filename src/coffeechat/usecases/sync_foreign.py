"""Files in the vdir the app did not write: a card made on the phone comes in as a new
contact (under the import's identity rule); a to-do or event made elsewhere, and
anything else, is named once and left alone; vdirsyncer's metadata files are not items
and are never named."""

from __future__ import annotations

from typing import Protocol

from ..interop import vdir, vdir_anchor, vdir_card
from ..interop.vdir import CALLS, COLLECTIONS, CONTACTS, FOLLOWUPS, MalformedItem
from ..store import Store
from . import sync_apply
from .sync_items import in_scope
from .sync_report import SyncReport
from .sync_state import Entry, State


class Run(Protocol):
    """What a sync run lends to the look at foreign files (``sync_run.Run`` is one): named
    here so that this module does not import the run that calls it."""

    store: Store
    scope: str
    report: SyncReport
    state: State
    files: dict[str, dict[str, tuple[int, int]]]
    others: dict[str, dict[str, str]]
    handled: set[str]

    def read(self, key: str, present: tuple[int, int]) -> bytes | None: ...

    def notice_once(self, key: str, why: str, present: tuple[int, int]) -> None: ...

    def came_back(self, key: str, present: tuple[int, int]) -> bool: ...


ANCHORED = frozenset(vdir_anchor.COLLECTIONS)
METADATA = frozenset({"displayname", "color", "description", "order", "meta"})
"""vdirsyncer's per-collection metadata files: not items, never reported."""


def unknown_files(run: Run) -> None:
    present = {f"{c}/{n}" for c in COLLECTIONS for n in [*run.files[c], *run.others[c]]}
    for collection in COLLECTIONS:
        for name, why in run.others[collection].items():
            key = f"{collection}/{name}"
            if key not in run.handled:
                run.notice_once(key, why, (0, 0))
        for name, stat_ in sorted(run.files[collection].items()):
            key = f"{collection}/{name}"
            if key in run.handled or key in run.state.items or name in METADATA:
                continue
            if collection in ANCHORED and name == vdir_anchor.anchor_name(collection):
                continue  # the collection's anchor: the sync's own, never an item
            if key in run.state.removed and run.came_back(key, stat_):
                continue
            present.add(key)
            if collection == CONTACTS and name.endswith(".vcf") and _new_contact(run, key, stat_):
                present.discard(key)
                continue
            run.notice_once(key, f"{_what(collection, name)} made elsewhere", stat_)
    run.state.forget_seen(present)


def _what(collection: str, name: str) -> str:
    if collection == FOLLOWUPS and name.endswith(".ics"):
        return "a to-do"
    if collection == CALLS and name.endswith(".ics"):
        return "an event"
    return "a file"


def _new_contact(run: Run, key: str, present: tuple[int, int]) -> bool:
    """A card made elsewhere: added under the identity rule; True once recorded."""
    if run.state.seen.get(key) == list(present):
        return False  # already looked at, and left alone
    data = run.read(key, present)
    if data is None:
        return False
    try:
        record = vdir_card.record(data)
        uid, fields = vdir_card.read(data)
    except MalformedItem as error:
        run.notice_once(key, f"malformed item ({error})", present)
        return False
    taken = {e.ref for e in run.state.items.values()}
    existing = run.store.database.conn.execute(
        "SELECT id FROM contacts WHERE uid = ?", (uid,)
    ).fetchone()
    if existing is not None and f"contact:{existing[0]}" in taken:
        run.notice_once(key, "a second card for a contact already synced", present)
        return False
    contact_id = sync_apply.new_contact(run.store, record)
    contact = run.store.contacts.get(contact_id) if contact_id else None
    if contact is None or not in_scope(contact, run.scope) or f"contact:{contact_id}" in taken:
        run.notice_once(key, "came in, but is outside the sync", present)
        return False
    item = vdir.contact_item(contact)
    entry = Entry(item.ref, uid, vdir.digest(data), *present, dict(item.fields), source=item.source)
    entry.file = {k: v for k, v in fields.items() if item.fields.get(k) != v}
    run.state.put(key, entry)
    run.handled.add(key)
    run.report.came_in.append(f"new contact {contact.name} ({key})")
    return True
