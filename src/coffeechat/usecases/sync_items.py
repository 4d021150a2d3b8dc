"""What the app holds, as vdir items: the contacts in the sync's scope, their
follow-ups and their calls, read in bulk (a query each, not one per contact)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ..domain.pipeline import info
from ..interop import vdir
from ..interop.vdir import Item
from ..models import Contact
from ..models_activity import Interview
from ..store import Store, sync_rows
from .sync_state import Entry

KEEP_DONE_DAYS = 30
"""How long a follow-up done stays in ``followups/`` as a completed to-do."""


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


def row_of(item: Item) -> tuple[str, int]:
    """("contact", 12) for ``contact:12``."""
    kind, number = item.ref.split(":")
    return kind, int(number)


class AppItems:
    """The app's side of one sync run. *recorded* gives the state's entry for a row
    (``contact:12``), whose base spares working out a contact's N again."""

    def __init__(
        self, store: Store, scope: str, now: datetime, recorded: Callable[[str], Entry | None]
    ) -> None:
        self.store, self.scope, self.now, self.recorded = store, scope, now, recorded
        self.contacts: dict[int, Contact] = {}
        self._sort_names: dict[int, str] | None = None
        self.checklists: dict[int, list[str]] = {}

    def load_contacts(self) -> None:
        every = self.store.contacts.all(include_archived=False)
        self.contacts = {c.id or 0: c for c in every if in_scope(c, self.scope)}
        self._sort_names = None

    def contact_items(self) -> list[Item]:
        return [self.contact_item(contact) for contact in self.contacts.values()]

    def contact_item(self, contact: Contact) -> Item:
        """The contact's card, its N taken from the base while the names it is made
        from are unchanged, else cut where the stored sort key says."""
        entry = self.recorded(f"contact:{contact.id}")
        if entry is not None and entry.source == vdir.name_source(contact):
            n = entry.base.get("n")
            if n is not None:
                return vdir.contact_item(contact, n)
        if self._sort_names is None:  # read when a card first needs its N worked out
            self._sort_names = sync_rows.sort_names(self.store.database)
        return vdir.contact_item(contact, sort_name=self._sort_names.get(contact.id or 0, ""))

    def events(self) -> list[Item]:
        """The follow-ups and calls of the contacts in scope (loaded first)."""
        self.load_contacts()
        items: list[Item] = []
        # A to-do done stays a while, marked completed: the phone shows it ticked.
        done_since = (self.now.date() - timedelta(days=KEEP_DONE_DAYS)).isoformat()
        for followup in sync_rows.followups_for_sync(self.store.database, done_since):
            contact = self.contacts.get(followup.contact_id)
            if contact is not None and len(followup.due_date) >= 10:
                items.append(vdir.followup_item(followup, contact))
        self.checklists = sync_rows.checklist_texts(self.store.database)
        for interview in sync_rows.calls(self.store.database):
            call = self._call_item(interview)
            if call is not None:
                items.append(call)
        return items

    def _call_item(self, interview: Interview) -> Item | None:
        contact = self.contacts.get(interview.contact_id)
        if contact is None:
            return None
        questions = self.checklists.get(interview.id or 0, [])
        return vdir.call_item(interview, contact, questions, contact.time_zone)

    def fresh(self, item: Item) -> Item | None:
        """*item* as the database now holds it (after changes came in)."""
        kind, row_id = row_of(item)
        if kind == "contact":
            contact = self.store.contacts.get(row_id)
            if contact is None:
                return None
            self.contacts[row_id] = contact
            return vdir.contact_item(contact)
        if kind == "followup":
            followup = self.store.followups.get(row_id)
            contact = self.contacts.get(followup.contact_id) if followup else None
            return vdir.followup_item(followup, contact) if followup and contact else None
        interview = self.store.interviews.get(row_id)
        return self._call_item(interview) if interview else None

    def current(self, ref: str) -> Item | None:
        """The row *ref* (``contact:12``) as an item whether or not the sync carries it
        (archived, out of scope, done long ago); None when the row is gone."""
        kind, row_id = ref.split(":")[0], int(ref.split(":")[1])
        if kind == "contact":
            contact = self.store.contacts.get(row_id)
            return vdir.contact_item(contact) if contact is not None else None
        if kind == "followup":
            followup = self.store.followups.get(row_id)
            contact = self.store.contacts.get(followup.contact_id) if followup else None
            return vdir.followup_item(followup, contact) if followup and contact else None
        interview = self.store.interviews.get(row_id)
        contact = self.store.contacts.get(interview.contact_id) if interview else None
        if interview is None or contact is None:
            return None
        questions = self.checklists.get(row_id, [])
        return vdir.call_item(interview, contact, questions, contact.time_zone)

    def contact_of(self, item: Item) -> int | None:
        """The contact *item* belongs to, as the database now says."""
        kind, row_id = row_of(item)
        if kind == "contact":
            return row_id
        if kind == "followup":
            followup = self.store.followups.get(row_id)
            return followup.contact_id if followup else None
        interview = self.store.interviews.get(row_id)
        return interview.contact_id if interview else None
