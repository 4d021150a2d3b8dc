"""The contact list's last-interaction column and the triggers that keep it."""

from __future__ import annotations

import sqlite3

from .schema_script import run_script
from .tables import tables

# The contact list shows each contact's last interaction, read with its rows: a column
# kept by triggers, because an aggregate over letters, calls and interactions for
# 30,000 rows costs start-up what a stored value does not. The day of the latest letter
# sent, call held (the day it started, as Interview.happened_at dates it: a call from
# 23:50 to 00:20 is the first day's), reply or touch (an out-of-office reply is not
# one): the same events keeping in touch counts from (store/history.py,
# ``last_interaction``), except ``contacts.replied_on``, which the list reads beside
# it. Each trigger recomputes the whole value for the contacts a row belongs to (and
# belonged to: a merge moves rows), so a deleted letter or an edited date is right too.
_LAST_INTERACTION_OF = """(
    SELECT ifnull(max(day), '') FROM (
        SELECT substr(sent_at, 1, 10) AS day FROM drafts WHERE contact_id = {who}
            AND sent_at != ''
        UNION ALL SELECT substr(coalesce(nullif(started_at, ''), ended_at), 1, 10)
            FROM interviews WHERE contact_id = {who} AND ended_at != ''
        UNION ALL SELECT day FROM interactions WHERE contact_id = {who}
            AND kind != 'out of office'))"""


def _recompute(who: str) -> str:
    return (
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who=who)} "
        f"WHERE id = {who};"
    )


def _last_interaction_triggers() -> str:
    statements = []
    # (table, the columns that carry an interaction, when a new row counts)
    watched = (
        ("drafts", ("sent_at",), "new.sent_at != ''"),
        ("interviews", ("ended_at", "started_at"), "new.ended_at != ''"),
        ("interactions", ("day", "kind"), "new.kind != 'out of office'"),
    )
    for table, columns, counts in watched:
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in (*columns, "contact_id"))
        statements += [
            f"CREATE TRIGGER {table}_last_interaction_ai AFTER INSERT ON {table} "
            f"WHEN {counts} BEGIN\n    {_recompute('new.contact_id')}\nEND;",
            # Autosaving a draft rewrites its row on every pause: only a change of what
            # counts recomputes.
            f"CREATE TRIGGER {table}_last_interaction_au AFTER UPDATE ON {table} "
            f"WHEN {changed} BEGIN\n    {_recompute('new.contact_id')}\n"
            f"    {_recompute('old.contact_id')}\nEND;",
            f"CREATE TRIGGER {table}_last_interaction_ad AFTER DELETE ON {table} BEGIN\n"
            f"    {_recompute('old.contact_id')}\nEND;",
        ]
    return "\n".join(statements)


def add_last_interaction(conn: sqlite3.Connection) -> None:
    tables(conn).table("contacts").add_column("last_interaction", str, not_null_default="")
    # What the contacts already had: every row at once (contacts.id is each row's own).
    conn.execute(
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who='contacts.id')}"
    )
    run_script(conn, _last_interaction_triggers())


def last_interaction_by_start(conn: sqlite3.Connection) -> None:
    """A held call counts on the day it started, not the day it ended: the triggers
    made again (they read the start now) and every contact's value recomputed."""
    for table in ("drafts", "interviews", "interactions"):
        for suffix in ("ai", "au", "ad"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_last_interaction_{suffix}")
    conn.execute(
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who='contacts.id')}"
    )
    run_script(conn, _last_interaction_triggers())
