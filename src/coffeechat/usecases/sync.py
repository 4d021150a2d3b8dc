"""Keep a vdir in step with the database, both ways, with one merge for every item.

The vdir root holds ``contacts/``, ``followups/`` and ``calls/``. For each item the
sync keeps a base (:mod:`.sync_state`): the fields last written or read. Each run
(:mod:`.sync_run`) compares the app's fields (:mod:`.sync_items`), the base and the
file field by field (:mod:`coffeechat.domain.sync_merge`): what changed on one side
only takes that side (:mod:`.sync_apply` for what comes in); what changed on both keeps
the app's value and shows the other (report, a line on the contact, the Sync view,
:mod:`.sync_report`). A change in the app is patched into the file, keeping what
others added. Nothing is ever frozen: the app's later changes always go out.

Everything in the vdir is untrusted (:mod:`.sync_folder`); a file the sync cannot
use is named once and left alone (:mod:`.sync_foreign`), and the run goes on. Only a
sync that could not do its job (the folder unusable, another sync holding it, a write
failing) is a problem.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..store import Store
from .sync_folder import Busy, Refused, locked
from .sync_items import check_scope, in_scope
from .sync_report import SyncReport, log, sync_log
from .sync_run import Run
from .sync_state import STATE_FILE

__all__ = [
    "STATE_FILE",
    "SyncReport",
    "changes_saved",
    "check_scope",
    "in_scope",
    "sync",
    "sync_log",
]


def changes_saved(store: Store) -> int:
    """How many rows this connection has changed since it opened: when it moves,
    there is something new to sync."""
    return store.database.conn.total_changes


def sync(
    store: Store, root: str | os.PathLike[str], now: datetime, scope: str = "all"
) -> SyncReport:
    """Bring the vdir at *root* and the database in step; see the module's docstring."""
    report = SyncReport()
    wrong = check_scope(scope)
    if wrong:
        report.problems.append(wrong)
        return report
    base = Path(root).expanduser()
    try:
        if base.exists() and not base.is_dir():
            raise Refused(0, "not a folder")
        base.mkdir(parents=True, exist_ok=True)
        with locked(base):
            Run(store, base, now, scope, report).run()
    except Busy as error:
        report.problems.append(f"{base}: {error.strerror}")
    except OSError as error:
        report.problems.append(_one_line(error, base))
    log(store, report, now)
    return report


def _one_line(error: OSError, base: Path) -> str:
    if error.filename and error.strerror:
        return f"cannot use {error.filename}: {error.strerror}"
    return f"cannot use {base}: {error.strerror or error}"
