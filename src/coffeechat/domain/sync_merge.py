"""The three-way merge of one synced item, field by field.

For every item the sync keeps a *base*: the app's fields and the file's fields as they
were when the item was last written or read. A field changed on one side only takes
that side; changed on both to different values, the app's value wins and the other is
kept as a :class:`Conflict` (shown on the contact, in the report and in the Sync view).
Fields coffeechat has no place for (``incoming`` leaves them out) never come in: a
change made elsewhere is left in the file, and a later change in the app still goes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Conflict:
    field: str
    ours: str
    """The app's value, which was written."""
    theirs: str
    """The value changed elsewhere, kept for the user to see."""


@dataclass(slots=True)
class Merged:
    incoming: dict[str, str] = field(default_factory=dict)
    """Fields to take into the app: changed elsewhere only."""
    outgoing: dict[str, str] = field(default_factory=dict)
    """Fields to write into the file: changed in the app (conflicts included)."""
    conflicts: list[Conflict] = field(default_factory=list)


def merge(
    app: dict[str, str],
    app_base: dict[str, str],
    theirs: dict[str, str],
    their_base: dict[str, str],
    incoming: frozenset[str],
    stale: dict[str, str] | None = None,
) -> Merged:
    """Merge one item. *app_base* and *their_base* are the two sides' fields at the
    last sync (they differ where the file spells a value its own way); a field missing
    from a base counts as changed. *stale* holds the values the last write replaced:
    a copy that still has one predates that write (vdirsyncer let the server's copy win
    over ours) and changed nothing."""
    merged = Merged()
    stale = stale or {}
    for name, ours in app.items():
        value = theirs.get(name, "")
        app_changed = app_base.get(name) != ours
        if value != ours and value != their_base.get(name) and value == stale.get(name):
            merged.outgoing[name] = ours  # their copy predates our last write: again
            continue
        their_changed = their_base.get(name) != value
        if not app_changed and not their_changed:
            continue
        if ours == value:
            continue  # both sides made the same change
        if app_changed and their_changed:
            merged.outgoing[name] = ours
            merged.conflicts.append(Conflict(name, ours, value))
        elif app_changed:
            merged.outgoing[name] = ours
        elif name in incoming:
            merged.incoming[name] = value
    return merged
