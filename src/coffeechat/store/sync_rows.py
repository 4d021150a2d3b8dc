"""What a vdir sync reads in bulk: open follow-ups, calls and their checklists.

One query each, so a sync of 30,000 contacts does not run 30,000 queries.
"""

from __future__ import annotations

from collections import defaultdict

from ..models_activity import FollowUp, Interview
from .db import Database
from .followups import _COLUMNS, _followup
from .interviews import _INTERVIEW, _interview


def followups_for_sync(database: Database, done_since: str) -> list[FollowUp]:
    """Open follow-ups, and those done on or after *done_since* (ISO date)."""
    rows = database.conn.execute(
        f"SELECT {_COLUMNS} FROM followups f WHERE f.due_date != '' "
        "AND (f.state = 'open' OR f.done_at >= ?) ORDER BY f.id",
        (done_since,),
    )
    return [_followup(r) for r in rows]


def calls(database: Database) -> list[Interview]:
    """Planned and held calls (one in progress is shown as planned until it ends)."""
    rows = database.conn.execute(_INTERVIEW + " ORDER BY id")
    return [_interview(r) for r in rows]


def checklist_texts(database: Database) -> dict[int, list[str]]:
    """Each interview's checklist questions, in their order."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = database.conn.execute(
        "SELECT interview_id, text FROM checklist_items ORDER BY interview_id, position, id"
    )
    for row in rows:
        found[row["interview_id"]].append(row["text"])
    return found


def sort_names(database: Database) -> dict[int, str]:
    """Each contact's stored sort key, which says where its family name begins (a
    card's N is cut there instead of parsing the name again)."""
    rows = database.conn.execute("SELECT id, sort_name FROM contacts")
    return {row["id"]: row["sort_name"] for row in rows}
