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
is not already there. Matching uses in-memory maps built once (store/importing.py), so
30,000 rows cost a few statements, not 30,000 queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from ..domain.identity import Identity, email_key, email_key_raw, url_key
from ..domain.import_report import ImportReport
from ..interop.records import EXTRA_LABELS, ImportedContact, extra_lines
from ..store.db import Database
from ..store.importing import (
    FILLABLE,
    Changes,
    ImportIndex,
    data_written,
    prepare_rows,
    write_rows,
)

__all__ = ["ImportReport", "Progress", "identity_of", "import_contacts"]

Progress = Callable[[int, int], None]

_NEW_STATE = ("name", *FILLABLE, "given_name", "family_name")
_new_state = attrgetter(*_NEW_STATE)
#: A name shared by hundreds of people at one employer must not make an import
#: quadratic: a new contact is paired with at most this many look-alikes.
MAX_PAIRS_PER_CONTACT = 20
#: Fields a person may hold several values of: the first in its column, the further
#: ones in the research note (see interop.records.EXTRA_LABELS).
_VALUE_FIELDS = tuple(EXTRA_LABELS)


def identity_of(record: ImportedContact) -> Identity:
    contact = record.contact
    if not record.extras:  # most rows: one email and one URL at most
        return Identity.of(
            emails=(contact.email,),
            urls=(contact.url,),
            name=contact.name,
            organization=contact.organization,
            uid=contact.uid,
        )
    return Identity.of(
        emails=(contact.email, *record.other_emails),
        urls=(contact.url, *record.other_urls),
        name=contact.name,
        organization=contact.organization,
        uid=contact.uid,
    )


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
    before = data_written(database.conn)
    with database.reader() as reader:
        reader.execute("BEGIN")  # one snapshot for every read of the index
        try:
            index = ImportIndex(reader)
        finally:
            reader.execute("COMMIT")
    changes, counts = _match(index, records, progress)
    rows = prepare_rows(index, changes)
    with database.transaction() as conn:
        if data_written(conn) != before:
            index = ImportIndex(conn)
            changes, counts = _match(index, records, None)
            rows = prepare_rows(index, changes)
        report.possible_duplicates += write_rows(conn, rows)
    report.added += counts.added
    report.merged += counts.merged
    if counts.present:
        report.skipped["already present"] += counts.present
    report.values_added.update(counts.values_added)
    if progress:
        progress(len(records), len(records))
    return report


def _match(
    index: ImportIndex, records: list[ImportedContact], progress: Progress | None
) -> tuple[Changes, _Counts]:
    changes, counts = Changes(), _Counts()
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


def _add(index: ImportIndex, changes: Changes, record, identity: Identity, doubtful) -> None:
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
    index: ImportIndex, changes: Changes, cid: int, record, identity: Identity, added: Counter[str]
) -> bool:
    """Fill the empty fields of *cid* from *record* and keep its further values (counted
    in *added*); whether anything changed."""
    contact = record.contact
    state = index.state[cid]
    changed = False
    for name in FILLABLE:
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


def _record_aliases(changes: Changes, cid: int, state: dict, identity: Identity) -> None:
    """Identifiers beyond the contact's own email and URL columns (a second address)."""
    primary_email, primary_url = email_key(state["email"]), url_key(state["url"])
    for key in identity.emails:
        if key != primary_email:
            changes.aliases.append((cid, "email", key))
    for key in identity.urls:
        if key != primary_url:
            changes.aliases.append((cid, "url", key))
