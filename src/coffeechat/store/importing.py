"""Importing parsed contacts: identify, merge or add, write everything in one transaction.

Identity follows :mod:`coffeechat.domain.identity`: a stored contact is the same
person when it shares an email or a profile URL with the record, or has the same name
and organization, and in every case no identifier conflicts. A record that only
conflicts (same name and organization, different email or URL) is added as a new
contact and the pair is listed as a possible duplicate, unless the user already
decided it is not one. A match fills fields that are still empty (an import never
overwrites what the user typed) and keeps every further value it brings (a second
phone or email, another title) in the research note's "Other phone: …" lines, which
the report counts ("1 phone added"); a NOTE is appended to the research note when it
is not already there. Matching uses in-memory maps built once, so 30,000 rows cost a few
statements, not 30,000 queries.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from ..domain.identity import Identity, email_key, email_key_raw, new_uid, url_key
from ..interop.records import EXTRA_LABELS, ImportedContact, extra_lines
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
    "uid",
    "name",
    "given_name",
    "family_name",
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
_NEW_STATE = ("name", *_FILL, "given_name", "family_name")
_new_state = attrgetter(*_NEW_STATE)
#: A name shared by hundreds of people at one employer must not make an import
#: quadratic: a new contact is paired with at most this many look-alikes.
MAX_PAIRS_PER_CONTACT = 20


@dataclass
class ImportReport:
    """What an import did, for the one-line summary."""

    added: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_columns: list[str] = field(default_factory=list)
    restored: dict[str, int] = field(default_factory=dict)
    possible_duplicates: int = 0
    not_restored: list[str] = field(default_factory=list)
    """Fields (``contacts.x``) and parts of a backup this version does not know."""
    values_added: Counter[str] = field(default_factory=Counter)
    """Further values a match brought to a person already here, by field."""

    def summary(self) -> str:
        total = sum(self.skipped.values())
        text = f"{self.added} added, {self.merged} merged, "
        for name in _SUMMARY_ORDER:
            count = self.values_added[name]
            if not count:
                continue
            word = _VALUE_WORDS.get(name, name)
            text += f"{count} {word}{'s' if count != 1 else ''} added, "
        text += f"{total} skipped"
        if total:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
            text += f" ({reasons})"
        restored = ", ".join(f"{n} {what}" for what, n in self.restored.items() if n)
        if restored:
            text += f"; also restored {restored}"
        if self.possible_duplicates:
            text += (
                f"; {self.possible_duplicates} possible duplicate"
                f"{'s' if self.possible_duplicates != 1 else ''} to review (Merge contacts)"
            )
        if self.unknown_columns:
            text += "; ignored columns: " + ", ".join(self.unknown_columns)
        if self.not_restored:
            text += "; not restored (unknown to this version): " + ", ".join(self.not_restored)
        return text


#: How the summary names a field whose values a match added ("2 phones added").
_VALUE_WORDS = {"department": "unit", "url": "URL"}
_SUMMARY_ORDER = ("email", "phone", "url", "title", "organization", "department")
#: Fields a person may hold several values of: the first in its column, the further
#: ones in the research note (see interop.records.EXTRA_LABELS).
_VALUE_FIELDS = tuple(EXTRA_LABELS)


def identity_of(record: ImportedContact) -> Identity:
    contact = record.contact
    return Identity.of(
        emails=(contact.email, *record.other_emails),
        urls=(contact.url, *record.other_urls),
        name=contact.name,
        organization=contact.organization,
        uid=contact.uid,
    )


def _index_under(index: dict, key, cid: int) -> None:
    # get() then a one-item list: most keys are new, and setdefault(key, []) would
    # build a list for every row to throw it away.
    ids = index.get(key)
    if ids is None:
        index[key] = [cid]
    elif cid not in ids:
        ids.append(cid)


class _Index:
    """Every stored contact's identity and fillable fields, held in memory."""

    def __init__(self, conn) -> None:
        self.by_email: dict[str, list[int]] = {}
        self.by_url: dict[str, list[int]] = {}
        self.by_name: dict[tuple[str, str], list[int]] = {}
        self.identity: dict[int, Identity] = {}
        self.state: dict[int, dict[str, str]] = {}
        self.orgs = {
            row["name"].lower(): row["id"]
            for row in conn.execute("SELECT id, name FROM organizations")
        }
        self.next_org = conn.execute(
            "SELECT ifnull(max(id), 0) + 1 AS next FROM organizations"
        ).fetchone()["next"]
        self.next_id = conn.execute(
            "SELECT ifnull(max(id), 0) + 1 AS next FROM contacts"
        ).fetchone()["next"]
        self.by_uid: dict[str, int] = {
            row["uid"]: row["id"]
            for row in conn.execute("SELECT uid, id FROM contacts WHERE uid != ''")
        }
        aliases: dict[int, list[tuple[str, str]]] = {}
        for row in conn.execute("SELECT contact_id, kind, value FROM contact_identifiers"):
            aliases.setdefault(row["contact_id"], []).append((row["kind"], row["value"]))
        names = ("name", "organization", "title", *_FILL[2:], "given_name", "family_name")
        columns = {name: f"c.{name}" for name in names} | {"organization": "ifnull(o.name, '')"}
        rows = conn.execute(
            "SELECT c.id AS contact_id, "
            + ", ".join(f"{column} AS {name}" for name, column in columns.items())
            + ", n.id AS note_id, ifnull(n.body, '') AS note FROM contacts c "
            "LEFT JOIN organizations o ON o.id = c.organization_id "
            "LEFT JOIN notes n ON n.contact_id = c.id AND n.kind = 'research'"
        )
        for row in rows:
            cid = row["contact_id"]
            state = {name: row[name] for name in (*names, "note_id", "note")}
            self.state[cid] = state
            identity = Identity.of(
                emails=(state["email"],),
                urls=(state["url"],),
                name=state["name"],
                organization=state["organization"],
            )
            for kind, value in aliases.get(cid, ()):
                if kind == "uid":
                    self.by_uid.setdefault(value, cid)
                else:
                    (identity.emails if kind == "email" else identity.urls).add(value)
            self.add(cid, identity)
        self.distinct = {
            (row["low_id"], row["high_id"])
            for row in conn.execute(
                "SELECT low_id, high_id FROM contact_pairs WHERE state = 'distinct'"
            )
        }

    def add(self, cid: int, identity: Identity) -> None:
        self.identity[cid] = identity
        _index_under(self.by_name, identity.name_key, cid)
        self.register(cid, identity)

    def register(self, cid: int, identity: Identity) -> None:
        """Index *cid* under every identifier it has (called again as it gains some)."""
        for key in identity.emails:
            _index_under(self.by_email, key, cid)
        for key in identity.urls:
            _index_under(self.by_url, key, cid)

    def candidates(self, identity: Identity) -> list[int]:
        """Contacts sharing an email or a URL, then the same name and organization."""
        found: list[int] = []
        for key in identity.emails:
            found.extend(self.by_email.get(key, ()))
        for key in identity.urls:
            found.extend(self.by_url.get(key, ()))
        found.extend(self.by_name.get(identity.name_key, ()))
        return found if len(found) < 2 else list(dict.fromkeys(found))

    def match(self, identity: Identity) -> tuple[int | None, list[int]]:
        """The same person, if any; else the look-alikes whose identifiers conflict."""
        for uid in identity.uids:
            # The same UID is the same address-book entry (our own export read back,
            # say), even if its email was changed here since.
            if uid in self.by_uid:
                return self.by_uid[uid], []
        doubtful = []
        for cid in self.candidates(identity):
            if not identity.conflicts_with(self.identity[cid]):
                return cid, []
            doubtful.append(cid)
        return None, doubtful

    def org_id(self, name: str, new_orgs: list[tuple[int, str]]) -> int | None:
        if not name:
            return None
        oid = self.orgs.get(name.lower())
        if oid is None:
            oid = self.orgs[name.lower()] = self.next_org
            self.next_org += 1
            new_orgs.append((oid, name))
        return oid

    def new_uid(self, cid: int, wanted: str) -> str:
        """The source's UID when it is free (so a card keeps its UID), else a new one."""
        uid = wanted if wanted and wanted not in self.by_uid else new_uid()
        self.by_uid[uid] = cid
        return uid


@dataclass
class _Changes:
    new: dict[int, dict] = field(default_factory=dict)
    dirty: set[int] = field(default_factory=set)
    aliases: list[tuple[int, str, str]] = field(default_factory=list)
    pairs: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class _Counts:
    """What matching decided, applied to the report once the write succeeded."""

    added: int = 0
    merged: int = 0
    present: int = 0
    values_added: Counter[str] = field(default_factory=Counter)


def import_contacts(
    database: Database,
    records: Iterable[ImportedContact],
    report: ImportReport | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Add or merge *records*; all or nothing.

    The file is read, matched and every row prepared before the write transaction,
    from one consistent snapshot on a reader connection, so that the transaction
    itself (and the write lock the app's other writers wait on) lasts only as long as
    the inserts. If anything was written in between (by this connection or another),
    the matching is done again inside the transaction, against the file as it is."""
    report = report or ImportReport()
    records = list(records)
    before = _written(database.conn)
    with database.reader() as reader:
        reader.execute("BEGIN")  # one snapshot for every read of the index
        try:
            index = _Index(reader)
        finally:
            reader.execute("COMMIT")
    changes, counts = _match(index, records, progress)
    rows = _prepare(index, changes)
    with database.transaction() as conn:
        if _written(conn) != before:
            index = _Index(conn)
            changes, counts = _match(index, records, None)
            rows = _prepare(index, changes)
        report.possible_duplicates += _write(conn, rows)
    report.added += counts.added
    report.merged += counts.merged
    if counts.present:
        report.skipped["already present"] += counts.present
    report.values_added.update(counts.values_added)
    if progress:
        progress(len(records), len(records))
    return report


def _written(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes since: ``data_version`` moves when another connection commits,
    ``total_changes`` when this one writes."""
    return conn.execute("PRAGMA data_version").fetchone()["data_version"], conn.total_changes


def _match(
    index: _Index, records: list[ImportedContact], progress: Progress | None
) -> tuple[_Changes, _Counts]:
    changes, counts = _Changes(), _Counts()
    for done, record in enumerate(records, 1):
        if progress and done % 1000 == 0:
            progress(done, len(records))
        identity = identity_of(record)
        cid, doubtful = index.match(identity)
        if cid is None:
            _add(index, changes, record, identity, doubtful)
            counts.added += 1
        elif _fill(index, changes, cid, record, identity, counts.values_added):
            counts.merged += 1
        else:
            counts.present += 1
    return changes, counts


def _add(index: _Index, changes: _Changes, record, identity: Identity, doubtful) -> None:
    contact = record.contact
    cid = index.next_id
    index.next_id += 1
    state = dict(zip(_NEW_STATE, _new_state(contact), strict=True))
    state["uid"] = index.new_uid(cid, contact.uid.strip())
    state["status"] = str(contact.status)
    state["archived"] = int(contact.archived)
    state["note_id"] = None
    state["note"] = record.full_note()
    changes.new[cid] = state
    index.state[cid] = state
    index.add(cid, identity)
    if record.extras:
        _record_aliases(changes, cid, state, identity)
    for other in doubtful[:MAX_PAIRS_PER_CONTACT]:
        pair = (min(cid, other), max(cid, other))
        if pair not in index.distinct:
            changes.pairs.add(pair)


def _fill(
    index: _Index, changes: _Changes, cid: int, record, identity: Identity, added: Counter[str]
) -> bool:
    """Fill the empty fields of *cid* from *record* and keep its further values (counted
    in *added*); whether anything changed."""
    contact = record.contact
    state = index.state[cid]
    changed = False
    for name in _FILL:
        value = getattr(contact, name)
        if value and not state[name]:
            state[name] = value
            changed = True
            if name in EXTRA_LABELS:
                added[name] += 1
    # Given/family names describe the stored name only when the names agree. Filling
    # them is written but not reported as a merge: nothing the user sees changed.
    quiet = False
    same_name = state["name"].casefold() == contact.name.casefold()
    if same_name and (contact.given_name or contact.family_name):
        for name in ("given_name", "family_name"):
            if not state[name] and getattr(contact, name):
                state[name] = getattr(contact, name)
                quiet = True
    if record.note and record.note not in state["note"]:
        state["note"] = f"{state['note']}\n\n{record.note}" if state["note"] else record.note
        changed = True
    further = _further_values(state, record)
    if further:
        state["note"] = _with_lines(state["note"], extra_lines(further))
        for name, _ in further:
            added[name] += 1
        changed = True
    known = index.identity[cid]
    if not (identity.emails <= known.emails and identity.urls <= known.urls):
        known.absorb(identity)
        index.register(cid, known)
        _record_aliases(changes, cid, state, identity)
        changed = True
    if (changed or quiet) and cid not in changes.new:
        changes.dirty.add(cid)
    return changed


def _value_key(name: str, value: str) -> str:
    """A value as compared with the ones a person has: phones by their digits."""
    if name == "email":
        return email_key_raw(value)
    if name == "url":
        return url_key(value) or value.casefold()
    if name == "phone":
        return "".join(c for c in value if c.isdigit()) or value.casefold()
    return " ".join(value.casefold().split())


def _further_values(state: dict, record: ImportedContact) -> tuple[tuple[str, str], ...]:
    """The values *record* brings that the person (*state*) has nowhere yet: not in the
    field, nor on the research note's line for it."""
    contact = record.contact
    offered = [(name, getattr(contact, name)) for name in _VALUE_FIELDS if name != "department"]
    offered += record.extras
    lines = state["note"].splitlines() if state["note"] else []
    found: list[tuple[str, str]] = []
    for name, value in offered:
        if not value:
            continue
        key = _value_key(name, value)
        if key == _value_key(name, state.get(name, "")) or any(
            key == _value_key(n, v) for n, v in found if n == name
        ):
            continue
        prefix = EXTRA_LABELS[name] + ": "
        kept = [line[len(prefix) :] for line in lines if line.startswith(prefix)]
        if any(value in line or key in map(_key_of(name), line.split(", ")) for line in kept):
            continue
        found.append((name, value))
    return tuple(found)


def _key_of(name: str) -> Callable[[str], str]:
    return lambda value: _value_key(name, value)


def _with_lines(note: str, lines: list[str]) -> str:
    """*note* with each "Label: values" line of *lines* joined to the note's own line of
    that label (", " between values), or added at the end."""
    body = note.splitlines() if note else []
    for line in lines:
        label = line.split(": ", 1)[0] + ": "
        at = next((i for i, mine in enumerate(body) if mine.startswith(label)), None)
        if at is None:
            body.append(line)
        else:
            body[at] += ", " + line[len(label) :]
    return "\n".join(body)


def _record_aliases(changes: _Changes, cid: int, state: dict, identity: Identity) -> None:
    """Identifiers beyond the contact's own email and URL columns (a second address)."""
    primary_email, primary_url = email_key(state["email"]), url_key(state["url"])
    for key in identity.emails:
        if key != primary_email:
            changes.aliases.append((cid, "email", key))
    for key in identity.urls:
        if key != primary_url:
            changes.aliases.append((cid, "url", key))


@dataclass
class _Rows:
    """Every statement's parameters, ready before the write transaction begins."""

    organizations: list[tuple[int, str]]
    inserts: list[tuple]
    updates: list[tuple]
    notes_new: list[tuple[int, str]]
    notes_changed: list[tuple]
    aliases: list[tuple[int, str, str]]
    pairs: list[tuple[int, int]]


def _prepare(index: _Index, changes: _Changes) -> _Rows:
    """The rows to write for *changes* (organization ids are handed out here)."""
    new_orgs: list[tuple[int, str]] = []
    inserts = []
    for cid, s in changes.new.items():
        org = index.org_id(s["organization"], new_orgs)
        inserts.append(
            (cid, s["uid"], s["name"], s["given_name"], s["family_name"], s["title"], org,
             s["email"], s["phone"], s["url"], s["how_found"], s["purpose"], s["status"],
             s["next_action"], s["next_action_date"], s["tags"], s["archived"], s["connected_on"])
        )  # fmt: skip
    updates = []
    for cid in changes.dirty:
        s = index.state[cid]
        org = index.org_id(s["organization"], new_orgs)
        updates.append(
            (s["title"], org, s["email"], s["phone"], s["url"], s["connected_on"],
             s["how_found"], s["tags"], s["purpose"], s["next_action"], s["next_action_date"],
             s["given_name"], s["family_name"], cid)
        )  # fmt: skip
    notes_new = [
        (cid, s["note"]) for cid, s in index.state.items() if s["note"] and not s["note_id"]
    ]
    notes_changed = [
        (index.state[cid]["note"], index.state[cid]["note_id"])
        for cid in changes.dirty
        if index.state[cid]["note_id"]
    ]
    return _Rows(
        new_orgs, inserts, updates, notes_new, notes_changed, changes.aliases, sorted(changes.pairs)
    )


def _write(conn: sqlite3.Connection, rows: _Rows) -> int:
    """Write *rows*; return how many new possible-duplicate pairs were listed.

    Raw ``executemany`` rather than sqlite-utils' ``insert_all``/``upsert_all``: for
    30,000 contacts it costs 0.22 s of CPU against 0.6 s (measured on this schema),
    time spent holding the write lock that the app's other writers wait on."""
    conn.executemany("INSERT INTO organizations(id, name) VALUES (?, ?)", rows.organizations)
    marks = ", ".join("?" for _ in _INSERT)
    conn.executemany(f"INSERT INTO contacts({', '.join(_INSERT)}) VALUES ({marks})", rows.inserts)
    conn.executemany(
        "UPDATE contacts SET title = ?, organization_id = ?, email = ?, phone = ?, url = ?, "
        "connected_on = ?, how_found = ?, tags = ?, purpose = ?, next_action = ?, "
        "next_action_date = ?, given_name = ?, family_name = ?, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
        rows.updates,
    )
    conn.executemany(
        "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, ?)", rows.notes_new
    )
    conn.executemany(
        "UPDATE notes SET body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
        rows.notes_changed,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO contact_identifiers(contact_id, kind, value) VALUES (?, ?, ?)",
        rows.aliases,
    )
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO contact_pairs(low_id, high_id) VALUES (?, ?)", rows.pairs
    )
    return conn.total_changes - before
