"""Importing parsed contacts: deduplicate, merge, write everything in one transaction.

A contact is the same person as one already stored when the email matches, else the
profile URL, else name + organization. A match only fills fields that are still
empty (an import never overwrites what the user typed); a NOTE is appended to the
research note when it is not already there. Matching uses in-memory maps built once,
so 30,000 rows cost a few statements, not 30,000 queries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..interop.records import ImportedContact
from .db import Database

Progress = Callable[[int, int], None]

_FILL = (
    "title",
    "organization",
    "email",
    "phone",
    "url",
    "connected_on",
    "how_found",
    "tags",
    "purpose",
    "next_action",
    "next_action_date",
)
_INSERT = (
    "id",
    "name",
    "title",
    "organization_id",
    "email",
    "phone",
    "url",
    "how_found",
    "purpose",
    "status",
    "next_action",
    "next_action_date",
    "tags",
    "archived",
    "connected_on",
)


@dataclass
class ImportReport:
    """What an import did, for the one-line summary."""

    added: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_columns: list[str] = field(default_factory=list)
    restored: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        total = sum(self.skipped.values())
        text = f"{self.added} added, {self.merged} merged, {total} skipped"
        if total:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
            text += f" ({reasons})"
        restored = ", ".join(f"{n} {what}" for what, n in self.restored.items() if n)
        if restored:
            text += f"; also restored {restored}"
        if self.unknown_columns:
            text += "; ignored columns: " + ", ".join(self.unknown_columns)
        return text


def url_key(url: str) -> str:
    """A profile URL reduced to what identifies it: no scheme, www, query or trailing /."""
    key = url.strip().lower()
    key = re.sub(r"^[a-z]+://", "", key).removeprefix("www.")
    return key.split("?", 1)[0].split("#", 1)[0].rstrip("/")


class _Index:
    """Every stored contact's matching keys and fillable fields, held in memory."""

    def __init__(self, conn) -> None:
        self.by_email: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.state: dict[int, dict[str, str]] = {}
        self.orgs = {
            name.lower(): oid for oid, name in conn.execute("SELECT id, name FROM organizations")
        }
        self.next_org = conn.execute("SELECT ifnull(max(id), 0) + 1 FROM organizations").fetchone()[
            0
        ]
        self.next_id = conn.execute("SELECT ifnull(max(id), 0) + 1 FROM contacts").fetchone()[0]
        rows = conn.execute(
            "SELECT c.id, c.name, ifnull(o.name, ''), c.title, c.email, c.phone, c.url, "
            "c.connected_on, c.how_found, c.tags, c.purpose, c.next_action, c.next_action_date, "
            "n.id, ifnull(n.body, '') FROM contacts c "
            "LEFT JOIN organizations o ON o.id = c.organization_id "
            "LEFT JOIN notes n ON n.contact_id = c.id AND n.kind = 'research'"
        )
        names = ("name", "organization", *_FILL[:1], *_FILL[2:])
        for row in rows:
            cid = row[0]
            state = dict(zip(names, row[1:13], strict=True))
            state["note_id"], state["note"] = row[13], row[14]
            self.state[cid] = state
            self.register(cid, state)

    def register(self, cid: int, state: dict) -> None:
        if state["email"]:
            self.by_email.setdefault(state["email"].lower(), cid)
        if state["url"]:
            self.by_url.setdefault(url_key(state["url"]), cid)
        self.by_name.setdefault((state["name"].lower(), state["organization"].lower()), cid)

    def match(self, record: ImportedContact) -> int | None:
        contact = record.contact
        for email in (contact.email, *record.other_emails):
            if email and (cid := self.by_email.get(email.lower())) is not None:
                return cid
        if contact.url and (cid := self.by_url.get(url_key(contact.url))) is not None:
            return cid
        return self.by_name.get((contact.name.lower(), contact.organization.lower()))

    def org_id(self, name: str, new_orgs: list[tuple[int, str]]) -> int | None:
        if not name:
            return None
        oid = self.orgs.get(name.lower())
        if oid is None:
            oid = self.orgs[name.lower()] = self.next_org
            self.next_org += 1
            new_orgs.append((oid, name))
        return oid


def import_contacts(
    database: Database,
    records: Iterable[ImportedContact],
    report: ImportReport | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Add or merge *records*; all or nothing."""
    report = report or ImportReport()
    records = list(records)
    with database.transaction() as conn:
        index = _Index(conn)
        new: dict[int, dict] = {}
        dirty: set[int] = set()
        for done, record in enumerate(records, 1):
            if progress and done % 1000 == 0:
                progress(done, len(records))
            contact = record.contact
            cid = index.match(record)
            if cid is None:
                cid = index.next_id
                index.next_id += 1
                state = {name: getattr(contact, name) for name in ("name", *_FILL)}
                state.update(
                    status=str(contact.status),
                    archived=int(contact.archived),
                    note_id=None,
                    note=record.note,
                )
                new[cid] = state
                index.state[cid] = state
                index.register(cid, state)
                report.added += 1
                continue
            state = index.state[cid]
            changed = False
            for name in _FILL:
                value = getattr(contact, name)
                if value and not state[name]:
                    state[name] = value
                    changed = True
            if record.note and record.note not in state["note"]:
                state["note"] = (
                    f"{state['note']}\n\n{record.note}" if state["note"] else record.note
                )
                changed = True
            if changed:
                index.register(cid, state)
                if cid not in new:
                    dirty.add(cid)
                report.merged += 1
            else:
                report.skipped["already present"] += 1
        _write(conn, index, new, dirty)
        if progress:
            progress(len(records), len(records))
    return report


def _write(conn, index: _Index, new: dict[int, dict], dirty: set[int]) -> None:
    new_orgs: list[tuple[int, str]] = []
    inserts = []
    for cid, s in new.items():
        org = index.org_id(s["organization"], new_orgs)
        inserts.append(
            (cid, s["name"], s["title"], org, s["email"], s["phone"], s["url"], s["how_found"],
             s["purpose"], s["status"], s["next_action"], s["next_action_date"], s["tags"],
             s["archived"], s["connected_on"])
        )  # fmt: skip
    updates = []
    for cid in dirty:
        s = index.state[cid]
        org = index.org_id(s["organization"], new_orgs)
        updates.append(
            (s["title"], org, s["email"], s["phone"], s["url"], s["connected_on"],
             s["how_found"], s["tags"], s["purpose"], s["next_action"], s["next_action_date"], cid)
        )  # fmt: skip
    conn.executemany("INSERT INTO organizations(id, name) VALUES (?, ?)", new_orgs)
    marks = ", ".join("?" for _ in _INSERT)
    conn.executemany(f"INSERT INTO contacts({', '.join(_INSERT)}) VALUES ({marks})", inserts)
    conn.executemany(
        "UPDATE contacts SET title = ?, organization_id = ?, email = ?, phone = ?, url = ?, "
        "connected_on = ?, how_found = ?, tags = ?, purpose = ?, next_action = ?, "
        "next_action_date = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
        updates,
    )
    notes_new = [
        (cid, s["note"]) for cid, s in index.state.items() if s["note"] and not s["note_id"]
    ]
    notes_changed = [
        (index.state[cid]["note"], index.state[cid]["note_id"])
        for cid in dirty
        if index.state[cid]["note_id"]
    ]
    conn.executemany(
        "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, ?)", notes_new
    )
    conn.executemany(
        "UPDATE notes SET body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
        notes_changed,
    )
