"""Undo, built once for every use case: a change records how to put each row back.

While a use case runs inside :func:`recording`, temporary triggers on the app's own
connection copy every row it inserts, updates or deletes (in any table, through any
store method or trigger) as it was before. The use case returns the result as an
:class:`Undo`: the rows as they were, in the order they changed, and the rows as the
change left them. :func:`undo` puts the old rows back in reverse order in one
transaction, after checking that nothing has touched those rows since; if something
has, it refuses in one line and changes nothing.

Nothing here knows what a follow-up or a call is: a new use case becomes undoable by
running inside ``recording``. The triggers are made once per connection and do nothing
unless a change is being recorded: other writers on that connection pay one look at a
flag per row they change.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from ..store import Store

_INSERT, _UPDATE, _DELETE = "insert", "update", "delete"
_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now')"


@dataclass(frozen=True, slots=True)
class RowChange:
    table: str
    op: str
    """What happened to the row: insert, update or delete."""
    rowid: int
    before: tuple[object, ...] = ()
    """The row's values before (an update or a delete), in the table's column order."""


@dataclass(frozen=True, slots=True)
class Undo:
    """How to reverse one change: what it was, and each row as it was before."""

    label: str
    """What undoing reverses, as a user reads it: "Done: Call Maria"."""
    changes: tuple[RowChange, ...] = ()
    after: tuple[tuple[str, int, tuple[object, ...] | None], ...] = ()
    """(table, rowid, row) as the change left them (None: the row was gone)."""

    def __bool__(self) -> bool:
        return bool(self.changes)

    def then(self, other: Undo, label: str = "") -> Undo:
        """One undo for two changes made one after the other (*other* second)."""
        rows = {(t, r): row for t, r, row in self.after}
        rows.update({(t, r): row for t, r, row in other.after})
        return Undo(
            label or other.label,
            self.changes + other.changes,
            tuple((t, r, row) for (t, r), row in rows.items()),
        )


NOTHING = Undo("")


def _value(value: object) -> object:
    return {"hex": value.hex()} if isinstance(value, bytes) else value


def _unvalue(value: object) -> object:
    return bytes.fromhex(value["hex"]) if isinstance(value, dict) else value


def to_text(change: Undo) -> str:
    """*change* as JSON text, to keep with the file (a call's discard outlives the
    session that started it)."""
    return json.dumps(
        {
            "label": change.label,
            "changes": [
                [c.table, c.op, c.rowid, [_value(v) for v in c.before]] for c in change.changes
            ],
            "after": [
                [table, rowid, None if row is None else [_value(v) for v in row]]
                for table, rowid, row in change.after
            ],
        }
    )


def from_text(text: str) -> Undo | None:
    """The change :func:`to_text` wrote; None if the text is not one (the file was
    edited by hand, say): nothing to undo then, rather than a wrong undo."""
    try:
        doc = json.loads(text)
        changes = tuple(
            RowChange(str(t), str(op), int(r), tuple(_unvalue(v) for v in before))
            for t, op, r, before in doc["changes"]
        )
        after = tuple(
            (str(t), int(r), None if row is None else tuple(_unvalue(v) for v in row))
            for t, r, row in doc["after"]
        )
        return Undo(str(doc["label"]), changes, after)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


class UndoStale(Exception):
    """Something changed the same records since: undoing would lose it."""


@dataclass(slots=True)
class Recorder:
    label: str
    undo: Undo = field(default=NOTHING)


_shapes: weakref.WeakKeyDictionary[sqlite3.Connection, tuple[int, dict[str, list[str]]]] = (
    weakref.WeakKeyDictionary()
)
"""Per connection: the main schema's version and its tables, as last read."""


def _tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every ordinary table of the main database and its columns (virtual tables and
    their shadow tables are kept in step by their own triggers). Read again only when
    the schema changed: reading it took 10-15 ms on a connection whose schema cache
    had just been dropped."""
    version = conn.execute("PRAGMA main.schema_version").fetchone()[0]
    known = _shapes.get(conn)
    if known is not None and known[0] == version:
        return known[1]
    tables = _read_tables(conn)
    _shapes[conn] = (version, tables)
    return tables


def _read_tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    rows = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables = {}
    for name, _sql in rows:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue
        tables[name] = [row[1] for row in conn.execute(f'PRAGMA main.table_info("{name}")')]
    return tables


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _install(conn: sqlite3.Connection, tables: dict[str, list[str]]) -> None:
    """The log tables and the triggers on every table, once per connection (again when
    a table or a column was added since). Creating 57 triggers took 12-19 ms, and
    every statement the connection had prepared was prepared again after it: paid by
    every recorded change (starting or ending a call, a done item) when the triggers
    were made and dropped around each one."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS undo_log("
        "seq INTEGER PRIMARY KEY, tbl TEXT, op TEXT, rid INTEGER)"
    )
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_value(seq INTEGER, pos INTEGER, value)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_state(recording INTEGER, tables TEXT)")
    shape = json.dumps(tables)
    state = conn.execute("SELECT tables FROM temp.undo_state").fetchone()
    if state is not None and state[0] == shape:
        return
    conn.execute("DELETE FROM temp.undo_state")
    conn.execute("INSERT INTO temp.undo_state(recording, tables) VALUES (0, ?)", (shape,))
    for (name,) in conn.execute(
        "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' "
        "ESCAPE '\\'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER temp.{_q(name)}")
    on = "(SELECT recording FROM temp.undo_state)"
    for index, (table, columns) in enumerate(tables.items()):
        log = "INSERT INTO undo_log(tbl, op, rid) VALUES ({tbl}, '{op}', {row}.rowid);"
        seq = "(SELECT max(seq) FROM undo_log)"
        values = ", ".join(
            f"({seq}, {pos}, old.{_q(column)})" for pos, column in enumerate(columns)
        )
        keep_old = f"INSERT INTO undo_value(seq, pos, value) VALUES {values};"
        literal = "'" + table.replace("'", "''") + "'"
        for op, row, body in (
            (_INSERT, "new", ""),
            (_UPDATE, "old", keep_old),
            (_DELETE, "old", keep_old),
        ):
            conn.execute(
                f"CREATE TEMP TRIGGER undo_{index}_{op} AFTER {op.upper()} ON main.{_q(table)} "
                f"WHEN {on} BEGIN {log.format(tbl=literal, op=op, row=row)} {body} END"
            )


def prepare(store: Store) -> None:
    """Make the triggers now (while the app is idle), so that the first change recorded
    does not wait 12-19 ms for them."""
    conn = store.database.conn
    if not _depth.get(id(conn)):
        _install(conn, _tables(conn))


def _switch(conn: sqlite3.Connection, on: bool) -> None:
    """Start or stop recording: the triggers do nothing while it is off."""
    if on:
        conn.execute("DELETE FROM temp.undo_log")
        conn.execute("DELETE FROM temp.undo_value")
    conn.execute("UPDATE temp.undo_state SET recording = ?", (int(on),))


def _read_log(conn: sqlite3.Connection) -> tuple[RowChange, ...]:
    values: dict[int, list[tuple[int, object]]] = {}
    for seq, pos, value in conn.execute("SELECT seq, pos, value FROM temp.undo_value"):
        values.setdefault(seq, []).append((pos, value))
    changes = []
    for seq, table, op, rid in conn.execute(
        "SELECT seq, tbl, op, rid FROM temp.undo_log ORDER BY seq"
    ):
        before = tuple(value for _, value in sorted(values.get(seq, [])))
        changes.append(RowChange(table, op, rid, before))
    return tuple(changes)


def _row(conn: sqlite3.Connection, table: str, rowid: int) -> tuple[object, ...] | None:
    row = conn.execute(f"SELECT * FROM main.{_q(table)} WHERE rowid = ?", (rowid,)).fetchone()
    return tuple(row) if row is not None else None


_depth: dict[int, int] = {}
"""Recordings under way per connection: a use case that calls another records once."""


@contextmanager
def recording(store: Store, label: str) -> Iterator[Recorder]:
    """Record the changes made inside the block; ``recorder.undo`` reverses them."""
    conn = store.database.conn
    recorder = Recorder(label)
    key = id(conn)
    if _depth.get(key):
        _depth[key] += 1
        try:
            yield recorder
        finally:
            _depth[key] -= 1
        return
    _install(conn, _tables(conn))
    _switch(conn, True)
    _depth[key] = 1
    try:
        yield recorder
        changes = _read_log(conn)
        touched = dict.fromkeys((c.table, c.rowid) for c in changes)
        after = tuple((t, r, _row(conn, t, r)) for t, r in touched)
        recorder.undo = Undo(label, changes, after)
    finally:
        _depth[key] = 0
        _switch(conn, False)


def undo(store: Store, change: Undo, *, force: bool = False) -> None:
    """Put every row *change* touched back as it was, in one transaction; UndoStale
    (nothing changed) when one of them has been changed again since, unless *force*
    (discarding a call: what was written during it goes too)."""
    conn = store.database.conn
    tables = _tables(conn)
    with store.database.transaction():
        for table, rowid, row in change.after:
            if not force and table in tables and _row(conn, table, rowid) != row:
                raise UndoStale(f"{change.label}: changed again since, so not undone")
        # Rows come back in reverse order: a child may briefly point at a parent that
        # is not back yet.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for item in reversed(change.changes):
            columns = tables.get(item.table)
            if columns is None:
                continue
            name = _q(item.table)
            if item.op == _INSERT:
                conn.execute(f"DELETE FROM main.{name} WHERE rowid = ?", (item.rowid,))
                continue
            # A restored row counts as changed now, so a sync carries it out again.
            marks = [_NOW if c == "updated_at" else "?" for c in columns]
            values = [v for c, v in zip(columns, item.before, strict=True) if c != "updated_at"]
            if _row(conn, item.table, item.rowid) is not None:
                # Updated in place (a delete and insert would cascade to its children).
                sets = ", ".join(f"{_q(c)} = {m}" for c, m in zip(columns, marks, strict=True))
                conn.execute(
                    f"UPDATE main.{name} SET {sets} WHERE rowid = ?", (*values, item.rowid)
                )
            else:
                listed = ", ".join(["rowid", *(_q(c) for c in columns)])
                conn.execute(
                    f"INSERT INTO main.{name}({listed}) VALUES (?, {', '.join(marks)})",
                    (item.rowid, *values),
                )


T = TypeVar("T")


def recorded(store: Store, label: str, work: Callable[[], T]) -> tuple[T, Undo]:
    """Run *work* (a use case's body) while recording: its result and its undo."""
    with recording(store, label) as recorder:
        result = work()
    return result, recorder.undo
