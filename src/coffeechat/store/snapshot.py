"""The whole database as one plain document, and back: the JSON backup's content.

Every column of every table is carried (read from the schema at run time, so columns
added by later migrations travel too). Restoring into an empty database keeps every
id, so ``export json`` → ``import json`` → ``export json`` gives the same document.
Restoring into a database that already has data matches contacts (UID, then the
identity rule of ``domain.identity``) and skips records already present, so importing
a file twice adds nothing. A restore's order and its one transaction are
usecases/backup.py's; here, the document, its checks and its rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from ..domain.identity import Identity, new_uid
from ..domain.import_report import ImportReport
from ..domain.names import sort_key
from ..domain.validation import EARLIEST_YEAR, LATEST_YEAR
from .db import Database
from .duplicates import ordered

FORMAT = "coffeechat"

SCHEMA_OF_BACKUP = {1: 8, 2: 11, 3: 16}
"""Backup version → the newest schema version whose data it holds. Version 1 was
written by schemas 1 to 8 alike (it did not follow the data then); from 2 on, a
migration that adds what a backup carries bumps :data:`VERSION` and adds a line here
(a unit test checks the newest line is today's schema). Schema 10 (the messages the
mail scan acted on) added nothing a backup carries: what the scan recorded, letters
sent and replies, is in the backup, and a scan after a restore notices nothing twice.
Schema 11 rebuilt the search index only (not backed up); schema 12 added
``contacts.greeting``; schema 13 ``contacts.sort_name``, derived from the names and
not backed up (a restore derives it again); schema 14 how to discard each call, not
backed up either (a restored call is kept); schema 15 remade the triggers of
``contacts.last_interaction``, derived and not backed up; schema 16 remade the sort
keys of contacts named after their organization, derived too."""
VERSION = max(SCHEMA_OF_BACKUP)


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    """Key in the document (top level, or inside the parent entry when nested)."""
    table: str
    refs: tuple[tuple[str, str], ...] = ()
    """Foreign-key columns and the table they point at."""
    parent: str = ""
    """Column naming the parent, for a part nested in its parent's entries."""


PARTS: tuple[Part, ...] = (
    Part("organizations", "organizations"),
    Part("contacts", "contacts", (("referred_by", "contacts"),)),
    Part("notes", "notes", (("contact_id", "contacts"), ("organization_id", "organizations"))),
    Part("articles", "articles", (("contact_id", "contacts"),)),
    Part("questions", "questions"),
    Part("interviews", "interviews", (("contact_id", "contacts"),)),
    Part("checklist", "checklist_items", (("question_id", "questions"),), "interview_id"),
    Part("note_log", "note_lines", (("checklist_item_id", "checklist_items"),), "interview_id"),
    Part("outcomes", "outcomes", (("interview_id", "interviews"),)),
    Part("referrals", "referrals", (("contact_id", "contacts"),), "outcome_id"),
    Part("advice_acted_on", "advice_acted_on", (("outcome_id", "outcomes"),)),
    Part("drafts", "drafts", (("contact_id", "contacts"),)),
    Part("interactions", "interactions", (("contact_id", "contacts"),)),
    Part(
        "followups",
        "followups",
        (("contact_id", "contacts"), ("draft_id", "drafts"), ("outcome_id", "outcomes")),
    ),
    Part("contact_identifiers", "contact_identifiers", (("contact_id", "contacts"),)),
    Part("duplicate_pairs", "contact_pairs", (("low_id", "contacts"), ("high_id", "contacts"))),
)
PARENT_TABLE = {"interview_id": "interviews", "outcome_id": "outcomes"}
NESTED_IN = {"checklist_items": "interviews", "note_lines": "interviews", "referrals": "outcomes"}
_NOT_COMPARED = {"id", "updated_at"}


class SnapshotError(ValueError):
    """The document does not fit the schema; the message says where."""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row["name"] for row in conn.execute(f"PRAGMA table_info({table})")]


def dump(database: Database) -> dict:
    """Every record, ordered by id, nested where the spec nests them."""
    conn = database.conn
    doc: dict = {"format": FORMAT, "version": VERSION}
    orgs = {row["id"]: row["name"] for row in conn.execute("SELECT id, name FROM organizations")}
    by_parent: dict[str, dict[int, list[dict]]] = {}
    for part in PARTS:
        # Every column, by name, in the table's order.
        rows = list(database.db.table(part.table).rows_where(order_by="id"))
        if part.table == "contacts":
            for row in rows:
                row["organization"] = orgs.get(row.pop("organization_id"), "")
                del row["sort_name"]  # derived from the names; a restore derives it again
        if part.parent:
            groups = by_parent.setdefault(part.key, {})
            for row in rows:
                groups.setdefault(row.pop(part.parent), []).append(row)
            continue
        doc[part.key] = rows
    for interview in doc["interviews"]:
        interview["checklist"] = by_parent.get("checklist", {}).get(interview["id"], [])
        interview["note_log"] = by_parent.get("note_log", {}).get(interview["id"], [])
    for outcome in doc["outcomes"]:
        outcome["referrals"] = by_parent.get("referrals", {}).get(outcome["id"], [])
    doc["settings"] = {
        row["key"]: row["value"] for row in database.db.table("settings").rows_where(order_by="key")
    }
    return doc


def _entries(doc: dict, key: str, where: str) -> list[dict]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise SnapshotError(f"{where}{key}: expected a list")
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise SnapshotError(f"{where}{key}[{i}]: expected an object")
        for name, item in entry.items():
            if item is not None and not isinstance(item, str | int | float | bool | list):
                raise SnapshotError(f"{where}{key}[{i}].{name}: expected text or a number")
    return value


_DATE_SUFFIXES = ("_at", "_date", "_on", "_since")
_DATE_COLUMNS = {"day"}
_NUMBER_KINDS = {"INTEGER": (int,), "REAL": (int, float)}


def _is_date_column(column: str) -> bool:
    return column in _DATE_COLUMNS or column.endswith(_DATE_SUFFIXES)


def _check_value(where: str, column: str, value: object, kind: str) -> None:
    """Refuse a value the column cannot hold, in one line naming the place (never the
    value: it is the file's content). Dates must read as ISO dates in the app's years."""
    if value is None:
        return
    if kind in _NUMBER_KINDS:
        if not isinstance(value, _NUMBER_KINDS[kind]):
            expected = "a whole number" if kind == "INTEGER" else "a number"
            raise SnapshotError(f"{where}.{column}: expected {expected}")
        return
    if isinstance(value, list):
        raise SnapshotError(f"{where}.{column}: expected text")
    if (
        _is_date_column(column)
        and value != ""
        and (not isinstance(value, str) or not _is_date(value))
    ):
        raise SnapshotError(
            f"{where}.{column}: expected a date (YYYY-MM-DD, years {EARLIEST_YEAR}-{LATEST_YEAR})"
        )


def _is_date(value: str) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return EARLIEST_YEAR <= moment.year <= LATEST_YEAR


def _column_kinds(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {row["name"]: row["type"].upper() for row in conn.execute(f"PRAGMA table_info({table})")}


_CARRIED = {"organization"} | {"checklist", "note_log", "referrals"}
"""Keys of an entry that are not its table's columns but are read all the same."""


def check_document(conn: sqlite3.Connection, doc: dict, report: ImportReport) -> None:
    """Refuse a value of the wrong type anywhere in *doc* (SnapshotError, one line);
    note every field and table this version does not know in *report* (restored
    without them: the summary says which)."""
    known_keys = {part.key for part in PARTS} | {"format", "version", "settings"}
    for key in doc:
        if key not in known_keys:
            report.not_restored.append(str(key))
    unknown: dict[str, int] = {}
    kinds = {part.table: _column_kinds(conn, part.table) for part in PARTS}
    for part, where, row in flatten(doc):
        columns = kinds[part.table]
        for column, value in row.items():
            if column in columns:
                _check_value(where, column, value, columns[column])
            elif column not in _CARRIED and column != part.parent:
                name = f"{part.key}.{column}"
                unknown[name] = unknown.get(name, 0) + 1
    report.not_restored.extend(unknown)


def flatten(doc: dict) -> list[tuple[Part, str, dict]]:
    """(part, where, row) in restore order, nested rows carrying their parent's old id."""
    out: list[tuple[Part, str, dict]] = []
    by_key = {part.key: part for part in PARTS}
    for part in PARTS:
        if part.parent:
            continue
        for i, entry in enumerate(_entries(doc, part.key, "")):
            out.append((part, f"{part.key}[{i}]", entry))
    nested: list[tuple[Part, str, dict]] = []
    for parent_key, children in (
        ("interviews", ("checklist", "note_log")),
        ("outcomes", ("referrals",)),
    ):
        for i, entry in enumerate(_entries(doc, parent_key, "")):
            for child in children:
                part = by_key[child]
                for j, row in enumerate(_entries(entry, child, f"{parent_key}[{i}].")):
                    nested.append(
                        (
                            part,
                            f"{parent_key}[{i}].{child}[{j}]",
                            {**row, part.parent: entry.get("id")},
                        )
                    )
    # Children go right after their parent table so references resolve in one pass.
    order = [p.table for p in PARTS]
    out.extend(nested)
    out.sort(key=lambda item: order.index(item[0].table))
    return out


def restore_rows(
    conn: sqlite3.Connection, rows: list[tuple[Part, str, dict]], report: ImportReport
) -> None:
    """Write every record of a document (*rows*, from :func:`flatten`; checked by
    :func:`check_document`), inside the
    caller's transaction; raise SnapshotError naming the record that does not fit."""
    tables = [p.table for p in PARTS]
    added: dict[str, set[int]] = {t: set() for t in tables}
    ids: dict[str, dict[object, int]] = {t: {} for t in tables}
    columns = {t: _columns(conn, t) for t in tables}
    referred: list[tuple[int, object]] = []
    for part, where, row in rows:
        try:
            _restore_row(conn, part, row, columns[part.table], ids, added, report, referred)
        except sqlite3.Error as error:
            raise SnapshotError(f"{where}: {error}") from None
        except (KeyError, TypeError, ValueError) as error:
            raise SnapshotError(f"{where}: {error}") from None
    for cid, old in referred:
        conn.execute(
            "UPDATE contacts SET referred_by = ? WHERE id = ?", (ids["contacts"].get(old), cid)
        )


def restore_settings(conn: sqlite3.Connection, settings: dict[str, str], *, replace: bool) -> None:
    """Write a backup's settings: over the file's own when *replace*, else only those the
    file does not have yet."""
    for key, value in settings.items():
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO "
            + ("UPDATE SET value = excluded.value" if replace else "NOTHING"),
            (key, value),
        )


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether the file holds no contact yet (a backup restored into it is the whole)."""
    return not conn.execute("SELECT 1 FROM contacts LIMIT 1").fetchone()


def _restore_row(conn, part, row, table_columns, ids, added, report, referred) -> None:
    values = {c: row[c] for c in table_columns if c in row and c != "id"}
    if part.parent:
        values[part.parent] = ids[PARENT_TABLE[part.parent]].get(row.get(part.parent))
    for column, target in part.refs:
        if values.get(column) is not None:
            values[column] = ids[target].get(values[column])
    if part.table == "contacts":
        if not values.get("uid"):
            values["uid"] = new_uid()  # a backup from before UIDs
        org = row.get("organization") or ""
        values["organization_id"] = _org_id(conn, str(org), ids) if org else None
        name, given, family = (
            str(values.get(c) or "") for c in ("name", "given_name", "family_name")
        )
        values["sort_name"] = sort_key(name, given, family, str(org))
        old_ref = values.pop("referred_by", None)
    if part.table == "contact_pairs" and values.get("low_id") and values.get("high_id"):
        # New ids may come in the other order; the pair is stored lower id first.
        values["low_id"], values["high_id"] = ordered(values["low_id"], values["high_id"])
    old_id = row.get("id")
    existing = _existing(conn, part.table, values, added[part.table])
    if existing is not None:
        ids[part.table][old_id] = existing
        if part.table == "notes" and values.get("body"):
            # Two notes about one person: keep both texts rather than drop one.
            conn.execute(
                "UPDATE notes SET body = body || char(10) || char(10) || ? "
                "WHERE id = ? AND instr(body, ?) = 0",
                (values["body"], existing, values["body"]),
            )
        if part.table == "contacts":
            report.skipped["already present"] += 1
        return
    # Keep the id when it is free, so a restore into a new database is exact.
    if (
        isinstance(old_id, int)
        and not conn.execute(f"SELECT 1 FROM {part.table} WHERE id = ?", (old_id,)).fetchone()
    ):
        values["id"] = old_id
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    new_id = conn.execute(
        f"INSERT INTO {part.table}({names}) VALUES ({marks})", tuple(values.values())
    ).lastrowid
    ids[part.table][old_id] = new_id
    added[part.table].add(new_id)
    if part.table == "contacts":
        report.added += 1
        if old_ref is not None:
            referred.append((new_id, old_ref))
    else:
        report.restored[part.key] = report.restored.get(part.key, 0) + 1


def _org_id(conn, name: str, ids) -> int:
    row = conn.execute("SELECT id FROM organizations WHERE name = ? COLLATE NOCASE", (name,))
    found = row.fetchone()
    if found:
        return found["id"]
    return conn.execute("INSERT INTO organizations(name) VALUES (?)", (name,)).lastrowid


def _existing(conn, table: str, values: dict, added: set[int]) -> int | None:
    """An already stored record that is the same one (so a second import adds nothing).

    Records written by this same restore never count: two equal note lines in one
    backup are two lines.
    """
    for candidate in _candidates(conn, table, values):
        if candidate not in added:
            return candidate
    return None


def _candidates(conn, table: str, values: dict) -> list[int]:
    return [row["id"] for row in _matches(conn, table, values)]


def _same_person(conn, values: dict) -> list[sqlite3.Row]:
    """The stored contacts that are this one: the same UID, else the identity rule
    (a shared email or URL, or the same name and organization, and nothing conflicting)."""
    uid = values.get("uid") or ""
    if uid:
        hit = conn.execute("SELECT id FROM contacts WHERE uid = ?", (uid,)).fetchall()
        if hit:
            return hit
    # A hand-edited backup may hold a number where text belongs: compare it as text.
    email, url = str(values.get("email") or ""), str(values.get("url") or "")
    mine = Identity.of(emails=(email,), urls=(url,))
    # A placeholder ("-", "n/a", noreply@…) identifies no one: not looked up at all.
    email = email if mine.emails else ""
    url = url if mine.urls else ""
    rows = conn.execute(
        "SELECT id, email, url FROM contacts WHERE (email = ?1 COLLATE NOCASE AND ?1 != '') "
        "OR (url = ?2 AND ?2 != '') OR (name = ?3 COLLATE NOCASE AND organization_id IS ?4) "
        "ORDER BY email = ?1 COLLATE NOCASE DESC, url = ?2 DESC, id",
        (email, url, values.get("name"), values.get("organization_id")),
    ).fetchall()
    return [
        row
        for row in rows
        if not mine.conflicts_with(Identity.of(emails=(row["email"],), urls=(row["url"],)))
    ]


def _matches(conn, table: str, values: dict):
    if table == "contacts":
        return _same_person(conn, values)
    if table == "organizations":
        return conn.execute(
            "SELECT id FROM organizations WHERE name = ? COLLATE NOCASE", (values.get("name"),)
        ).fetchall()
    if table == "notes":
        return conn.execute(
            "SELECT id FROM notes WHERE kind = ? AND contact_id IS ? AND organization_id IS ?",
            (values.get("kind"), values.get("contact_id"), values.get("organization_id")),
        ).fetchall()
    compared = [c for c in values if c not in _NOT_COMPARED]
    if table == "questions":
        compared = [c for c in ("text", "grp") if c in values]
    if not compared:
        return []
    where = " AND ".join(f"{c} IS ?" for c in compared)
    return conn.execute(
        f"SELECT id FROM {table} WHERE {where}", tuple(values[c] for c in compared)
    ).fetchall()
