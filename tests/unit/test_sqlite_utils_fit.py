"""Which sqlite-utils helpers a migration can use inside its one transaction.

Migrations run in one transaction after a backup (db.py), so a helper that commits or
refuses to run inside a transaction cannot be used there. These tests hold the facts
schema.py's advice rests on; if a sqlite-utils upgrade changes them, the advice changes.
"""

from __future__ import annotations

import pytest
import sqlite_utils
from sqlite_utils.db import TransactionError

from coffeechat.store import Store


class Rollback(Exception):
    pass


def test_add_column_joins_the_migration_transaction(store: Store) -> None:
    database = store.database
    table = sqlite_utils.Database(database.conn)["contacts"]
    with pytest.raises(Rollback), database.transaction():
        table.add_column("pronouns", str, not_null_default="")
        assert "pronouns" in table.columns_dict
        raise Rollback
    assert "pronouns" not in table.columns_dict, "rolled back with the migration"
    assert not database.conn.in_transaction


@pytest.mark.parametrize("name", ["contacts", "organizations", "interviews", "outcomes"])
def test_transform_refuses_inside_the_migration_transaction(store: Store, name: str) -> None:
    """Each of these is referenced with ON DELETE rules, which dropping the old table
    would fire: such a reshape is written by hand (create, copy, drop, rename)."""
    database = store.database
    table = sqlite_utils.Database(database.conn)[name]
    with pytest.raises(TransactionError, match="ON DELETE"), database.transaction():
        table.transform(types={"id": int})
    assert not database.conn.in_transaction
