"""Contacts: the people in the pipeline."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any, NamedTuple

from ..domain.identity import Identity, new_uid, url_key
from ..domain.names import sort_key
from ..domain.pipeline import parse_status
from ..models import Contact, Status
from .db import Database, inserted_id, record, records
from .organizations import Organizations
from .schema_identity import NEW_UID_SQL

_SELECT = """
SELECT c.id, c.name, c.title, ifnull(o.name, '') AS organization, c.email, c.phone, c.url,
       c.how_found, c.referred_by, c.purpose, c.status, c.next_action, c.next_action_date, c.tags,
       c.archived, c.connected_on, c.replied_on, c.created_at, c.updated_at,
       c.time_zone, c.keep_in_touch_days, c.given_name, c.family_name, c.uid, c.greeting
FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id
"""

_WRITABLE = (
    "name",
    "title",
    "email",
    "phone",
    "url",
    "how_found",
    "referred_by",
    "purpose",
    "status",
    "next_action",
    "next_action_date",
    "tags",
    "archived",
    "connected_on",
    "replied_on",
    "time_zone",
    "keep_in_touch_days",
    "given_name",
    "family_name",
    "greeting",
)


class ContactRow(NamedTuple):
    """What the contact list needs for one row: small, so 30,000 of them stay cheap."""

    id: int
    name: str
    organization: str
    title: str
    email: str
    tags: str
    status: str
    next_action_date: str
    archived: bool
    last_interaction: str
    """ISO day of the latest letter, call, reply or touch ("" if none): kept by the
    schema's triggers, so the list reads it with its rows at no extra cost."""
    sort_name: str
    """Where the person files by name (family name first: ``domain.names.sort_key``)."""


_ROW_COLUMNS = {
    "organization": "ifnull(o.name, '')",
    "last_interaction": "max(c.last_interaction, c.replied_on)",
}
"""The list columns that are not a contacts column of the same name."""

# Written in ContactRow's field order, each column named after its field: the rows are
# read as plain tuples (30,000 of them, compared with the rows already held) and still
# every value lands in the field of its name.
_ROW_SELECT = (
    "SELECT "
    + ", ".join(f"{_ROW_COLUMNS.get(name, f'c.{name}')} AS {name}" for name in ContactRow._fields)
    + " FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id"
)


def _tuples(cursor: sqlite3.Cursor) -> sqlite3.Cursor:
    """*cursor* yielding plain tuples, for ContactRow (whose SELECT is built from its fields)."""
    cursor.row_factory = None
    return cursor


def list_order(row: ContactRow) -> tuple[bool, str, str, int]:
    """The sort key of ``Contacts.rows()`` in Python: where a changed row goes in the list.

    Soonest next action first, undated last, then by family name (the stored sort key;
    str comparison by code point matches SQLite's comparison of UTF-8 bytes).
    """
    return (row.next_action_date == "", row.next_action_date, row.sort_name, row.id)


def _contact(row: sqlite3.Row) -> Contact:
    return record(Contact, row, status=parse_status(row["status"]), archived=bool(row["archived"]))


_CONTACT_FIELDS = [field.name for field in fields(Contact)]


def _contacts(cursor: sqlite3.Cursor) -> list[Contact]:
    return records(Contact, _CONTACT_FIELDS, cursor, status=parse_status, archived=bool)


def _values(contact: Contact) -> dict[str, object]:
    values = {name: getattr(contact, name) for name in _WRITABLE}
    values["status"] = str(contact.status)
    values["archived"] = int(contact.archived)
    values["sort_name"] = sort_key(
        contact.name, contact.given_name, contact.family_name, contact.organization
    )
    return values


class Contacts:
    def __init__(self, database: Database, organizations: Organizations) -> None:
        self._database = database
        self._organizations = organizations

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def add(self, contact: Contact) -> Contact:
        with self._database.transaction() as conn:
            values = _values(contact)
            values["organization_id"] = self._organizations.id_for(contact.organization)
            values["uid"] = contact.uid or new_uid()
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(
                f"INSERT INTO contacts({columns}) VALUES ({marks})", tuple(values.values())
            )
            new_id = inserted_id(cursor)
        created = self.get(new_id)
        assert created is not None
        return created

    def update(self, contact: Contact) -> Contact:
        if contact.id is None:
            raise ValueError("update() needs a contact with an id")
        with self._database.transaction() as conn:
            values = _values(contact)
            values["organization_id"] = self._organizations.id_for(contact.organization)
            stored = conn.execute(
                "SELECT name, given_name, family_name FROM contacts WHERE id = ?", (contact.id,)
            ).fetchone()
            if (
                stored
                and stored["name"] != contact.name
                and (stored["given_name"], stored["family_name"])
                == (contact.given_name, contact.family_name)
            ):
                # Renamed by hand: the source's given/family names no longer describe it.
                values["given_name"] = values["family_name"] = ""
                values["sort_name"] = sort_key(contact.name, "", "", contact.organization)
            assignments = ", ".join(f"{name} = ?" for name in values)
            conn.execute(
                f"UPDATE contacts SET {assignments}, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                (*values.values(), contact.id),
            )
        updated = self.get(contact.id)
        assert updated is not None
        return updated

    def get(self, contact_id: int) -> Contact | None:
        row = self._conn.execute(_SELECT + " WHERE c.id = ?", (contact_id,)).fetchone()
        return _contact(row) if row else None

    def all(self, include_archived: bool = True, *, by_name: bool = False) -> list[Contact]:
        """Every contact, in the order they were added, or *by_name* as lists of people
        file them (family name first)."""
        where = "" if include_archived else " WHERE c.archived = 0"
        order = " ORDER BY c.sort_name, c.id" if by_name else " ORDER BY c.id"
        return _contacts(self._conn.execute(_SELECT + where + order))

    def ids_by_sort_name(self) -> list[int]:
        """Every contact's id as lists of people file them (family name first)."""
        rows = self._conn.execute("SELECT id FROM contacts ORDER BY sort_name, id")
        return [row["id"] for row in rows]

    def ids_by_name(self) -> dict[str, int]:
        """Every contact's name and id in list order (by family name; of two people of one
        name, the later wins), for "referred by"."""
        rows = self._conn.execute("SELECT name, id FROM contacts ORDER BY sort_name, id")
        return {row["name"]: row["id"] for row in rows}

    def by_organization(self, organization_id: int) -> list[Contact]:
        rows = self._conn.execute(
            _SELECT + " WHERE c.organization_id = ? ORDER BY c.sort_name, c.id", (organization_id,)
        )
        return _contacts(rows)

    def set_status(self, contact_id: int, status: Status) -> None:
        self._conn.execute(
            "UPDATE contacts SET status = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
            (str(status), contact_id),
        )

    def status_of(self, contact_id: int) -> Status:
        row = self._conn.execute(
            "SELECT status FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            raise KeyError(contact_id)
        return parse_status(row["status"])

    def get_field(self, contact_id: int, column: str) -> object:
        """One column of one contact (a column of the contacts table, by name)."""
        if column not in _WRITABLE:
            raise ValueError(f"not a contact field: {column!r}")
        row = self._conn.execute(
            f"SELECT {column} FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            raise KeyError(contact_id)
        return row[column]

    def ids_with_status(self, statuses: tuple[Status, ...]) -> list[int]:
        marks = ", ".join("?" * len(statuses))
        rows = self._conn.execute(
            f"SELECT id FROM contacts WHERE status IN ({marks}) ORDER BY id",
            tuple(str(s) for s in statuses),
        )
        return [row["id"] for row in rows]

    def set_pipeline(
        self, contact_id: int, status: Status, next_action: str, next_action_date: str
    ) -> None:
        """Where the contact stands after a pipeline event: status and next action."""
        self._conn.execute(
            "UPDATE contacts SET status = ?, next_action = ?, next_action_date = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
            (str(status), next_action, next_action_date, contact_id),
        )

    def set_archived(self, contact_id: int, archived: bool) -> None:
        self._conn.execute(
            "UPDATE contacts SET archived = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
            (int(archived), contact_id),
        )

    def fill_missing_uids(self) -> int:
        """Give a UID to contacts written without one (by an older tool or a script)."""
        with self._database.transaction() as conn:
            return conn.execute(f"UPDATE contacts SET uid = {NEW_UID_SQL} WHERE uid = ''").rowcount

    def forget(self, contact_id: int) -> None:
        """Remove the person and, by cascade, every note, draft and follow-up about them."""
        with self._database.transaction() as conn:
            # Referral records name the person too: drop them rather than leave a trace.
            conn.execute("DELETE FROM referrals WHERE contact_id = ?", (contact_id,))
            conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
            # FTS5 keeps the words of deleted notes in its index segments (as delete
            # markers) until they are merged; merge now so the words leave the file.
            conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        # Copy the zeroed pages into the file now and empty the log, rather than leave
        # the old pages in the file until SQLite's next automatic checkpoint. (Best
        # effort: another open instance reading an older snapshot can delay it.)
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def count(self, include_archived: bool = True) -> int:
        where = "" if include_archived else " WHERE archived = 0"
        return self._conn.execute("SELECT count(*) AS n FROM contacts" + where).fetchone()["n"]

    def rows(
        self,
        include_archived: bool = False,
        *,
        limit: int | None = None,
        reuse: Mapping[Any, ContactRow] | None = None,
    ) -> list[ContactRow]:
        """Contacts for the list, soonest next action first, undated last.

        *limit* fetches just the first rows (the first screenful paints before the
        rest is read).
        *reuse* maps rows already held (the list before a re-read) to themselves: an
        unchanged row comes back as that same object. Only changed rows are built, so
        a re-read leaves 30,000 new objects neither to free nor for the cycle
        collector to scan (a full collection over them froze the screen 60 ms).
        """
        # Without archived contacts this is read along the index contacts_list_order
        # (schema_list_order.py LIST_ORDER_INDEX): keep the ORDER BY's expressions as it has them.
        where = "" if include_archived else "WHERE c.archived = 0"
        limit_clause = f" LIMIT {int(limit)}" if limit is not None else ""
        cursor = _tuples(
            self._conn.execute(
                f"{_ROW_SELECT} {where} ORDER BY c.next_action_date = '', c.next_action_date, "
                "c.sort_name, c.id" + limit_clause
            )
        )
        if reuse is None:
            return list(map(ContactRow._make, cursor))
        # A ContactRow equals (and hashes as) the plain tuple of its values.
        make = ContactRow._make
        return [reuse.get(values) or make(values) for values in cursor]

    def row(self, contact_id: int) -> ContactRow | None:
        """One contact's list row (to show a write at once), archived or not."""
        found = _tuples(self._conn.execute(_ROW_SELECT + " WHERE c.id = ?", (contact_id,)))
        row = found.fetchone()
        return ContactRow._make(row) if row else None

    def find_match(
        self, *, email: str = "", url: str = "", name: str = "", organization: str = ""
    ) -> int | None:
        """An existing contact that is the same person by the identity rule: a shared
        email, else a shared profile URL, else the same name and organization, and in
        every case no email or URL that conflicts."""
        mine = Identity.of(emails=(email,), urls=(url,))
        for kind, keys in (("email", mine.emails), ("url", mine.urls)):
            for key in sorted(keys):
                # A further address or profile kept for the contact (an import's second
                # email, a merged contact's): shared, so the same person.
                alias = self._conn.execute(
                    "SELECT contact_id FROM contact_identifiers WHERE kind = ? AND value = ? "
                    "ORDER BY contact_id LIMIT 1",
                    (kind, key),
                ).fetchone()
                if alias:
                    return int(alias["contact_id"])
        candidates: list[sqlite3.Row] = []
        if mine.emails:
            candidates += self._conn.execute(
                "SELECT id, email, url FROM contacts WHERE email = ? COLLATE NOCASE "
                "AND email != '' ORDER BY id",
                (email.strip(),),
            ).fetchall()
        for key in mine.urls:
            # Narrow by the URL's last part, then compare normalised keys.
            tail = key.rsplit("/", 1)[-1]
            candidates += [
                row
                for row in self._conn.execute(
                    "SELECT id, email, url FROM contacts WHERE url LIKE ? ORDER BY id",
                    (f"%{tail}%",),
                )
                if url_key(row["url"]) == key
            ]
        if name.strip():
            candidates += self._conn.execute(
                "SELECT c.id, c.email, c.url FROM contacts c LEFT JOIN organizations o "
                "ON o.id = c.organization_id WHERE c.name = ? COLLATE NOCASE "
                "AND ifnull(o.name, '') = ? COLLATE NOCASE ORDER BY c.id",
                (name.strip(), organization.strip()),
            ).fetchall()
        for candidate in candidates:
            theirs = Identity.of(emails=(candidate["email"],), urls=(candidate["url"],))
            if not mine.conflicts_with(theirs):
                return candidate["id"]
        return None

    def with_changes(self, contact_id: int, **changes: Any) -> Contact:
        current = self.get(contact_id)
        if current is None:
            raise KeyError(contact_id)
        return self.update(replace(current, **changes))
