"""Restoring a JSON backup: checked whole first, then written in one transaction.

Records already present (the same person by the identity rule, the same note or call)
are skipped, so restoring a backup twice, or into a file that already holds some of it,
adds only what is missing. Into an empty file its settings come too; into one in use,
only those the file does not have.
"""

from __future__ import annotations

from ..domain.import_report import ImportReport
from ..store import Store
from ..store.snapshot import (
    SnapshotError,
    check_document,
    flatten,
    is_empty,
    restore_rows,
    restore_settings,
)


def restore_backup(store: Store, doc: dict, report: ImportReport | None = None) -> ImportReport:
    """Write *doc* into the file in one transaction; SnapshotError (nothing written) if
    it does not fit."""
    report = report or ImportReport()
    settings = doc.get("settings", {})
    if not isinstance(settings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in settings.items()
    ):
        raise SnapshotError("settings: expected an object of text values")
    rows = flatten(doc)
    check_document(store.database.conn, doc, report)
    with store.database.transaction() as conn:
        empty = is_empty(conn)
        restore_rows(conn, rows, report)
        restore_settings(conn, settings, replace=empty)
    return report
