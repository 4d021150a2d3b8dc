"""Merging two contacts by hand, and telling two look-alikes apart.

The rules (what the kept contact takes) are domain/merging.py; the rows that move,
store/merging.py; here, the order and the one transaction around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.merging import MergeError, MergePlan, filled_fields, merged_fields, two_people
from ..models import Contact
from ..store import Store
from ..store.merging import absorb, moves
from .undo import Undo, recorded

__all__ = [
    "MergeError",
    "MergePlan",
    "Merged",
    "merge_contacts",
    "not_a_duplicate",
    "preview_merge",
]


def _two(store: Store, keep_id: int, other_id: int) -> tuple[Contact, Contact]:
    return two_people(keep_id, other_id, store.contacts.get(keep_id), store.contacts.get(other_id))


def preview_merge(store: Store, keep_id: int, other_id: int) -> MergePlan:
    """What merging would move and fill, without changing anything; MergeError if the
    two cannot be merged."""
    keep, other = _two(store, keep_id, other_id)
    return MergePlan(
        keep, other, moves(store.database.conn, keep_id, other_id), filled_fields(keep, other)
    )


@dataclass(frozen=True, slots=True)
class Merged:
    plan: MergePlan
    undo: Undo


def merge_contacts(store: Store, keep_id: int, other_id: int) -> Merged:
    """Merge *other_id* into *keep_id* in one transaction; raise MergeError if impossible."""
    kept, other = store.contacts.get(keep_id), store.contacts.get(other_id)
    label = f"Merged {other.name if other else 'contact'} into {kept.name if kept else 'contact'}"

    def work() -> MergePlan:
        with store.database.transaction() as conn:
            plan = preview_merge(store, keep_id, other_id)
            values, kept_aside = merged_fields(plan.keep, plan.other)
            absorb(conn, keep_id, plan.other, values, kept_aside)
        return plan

    plan, undo = recorded(store, label, work)
    return Merged(plan, undo)


def not_a_duplicate(store: Store, a: int, b: int) -> None:
    """Remember that *a* and *b* are two people; no re-import lists them again.
    MergeError if they are one contact, or one is gone (another window merged or
    deleted it since the pair was shown)."""
    with store.database.transaction():
        _two(store, a, b)
        store.duplicates.mark_distinct(a, b)
