"""The schema, as an ordered list of migrations.

We number migrations with SQLite's ``PRAGMA user_version`` rather than by name so that
a database written by a *newer* coffeechat can be recognised and refused untouched,
and ``PRAGMA application_id`` marks the file as ours so that another program's
SQLite file is never mistaken for an empty coffeechat database.

A migration runs inside the one transaction ``Database._migrate`` opens, after a backup.
What it may use there (tests/unit/test_sqlite_utils_fit.py holds these facts):

- adding a column: sqlite-utils ``table.add_column`` (it joins the transaction), as
  the migrations after the scripts do;
- reshaping a table: by hand (create the new table, copy, drop, rename), because
  sqlite-utils ``table.transform`` refuses inside a transaction for every table that
  others reference with ON DELETE rules, which is nearly all of ours;
- a script: ``schema_script.run_script``, not ``executescript`` (it commits first) and not
  sqlite-utils' script runner, which splits schema 1 in 15-25 ms instead of 0.1 ms
  (benchmarks/schema_script.py).

The search index is one FTS5 table over every kind of text (notes, articles, call
notes, answers, outcomes, letters sent), ranked together, with its own triggers;
sqlite-utils ``enable_fts`` builds one index per table, so it is kept as SQL
(search_schema.py builds today's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .schema_first import create_first_tables
from .schema_identity import add_identity
from .schema_last_interaction import add_last_interaction, last_interaction_by_start
from .schema_list_order import add_list_order_index, add_sort_name, sort_name_of_organizations
from .schema_tables import (
    add_advice_acted_on,
    add_call_discards,
    add_greeting,
    add_introductions,
    add_mail_noticed,
    add_method,
    add_reflection,
)
from .search_schema import fold_search_index, search_everything

APPLICATION_ID = 0x43434854  # "CCHT"

#: MIGRATIONS[n] brings a database from user_version n to n + 1. Append only.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    create_first_tables,
    add_identity,
    add_method,
    add_reflection,
    add_introductions,
    add_advice_acted_on,
    add_last_interaction,
    add_list_order_index,
    search_everything,
    add_mail_noticed,
    fold_search_index,
    add_greeting,
    add_sort_name,
    add_call_discards,
    last_interaction_by_start,
    sort_name_of_organizations,
]

SCHEMA_VERSION = len(MIGRATIONS)
