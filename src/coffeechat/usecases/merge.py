"""Merging two contacts by hand, and telling two look-alikes apart."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..store import Store
from ..store.duplicates import DuplicatePair, PickerRow
from ..store.merging import MergeError, MergePlan, merge, plan_merge
from .undo import Undo, recorded

__all__ = [
    "MergeError",
    "MergePlan",
    "Merged",
    "every_merge_candidate",
    "merge_candidates",
    "merge_contacts",
    "not_a_duplicate",
    "possible_duplicates",
    "preview_merge",
]


def possible_duplicates(store: Store, contact_id: int | None = None) -> list[DuplicatePair]:
    """Pairs an import listed and nobody has decided on yet."""
    return store.duplicates.possible(contact_id)


def merge_candidates(store: Store, contact_id: int, text: str = "") -> list[PickerRow]:
    """Whom *contact_id* could be merged with: possible duplicates first."""
    return store.duplicates.merge_candidates(contact_id, text)


def every_merge_candidate(
    store: Store, contact_id: int, conn: sqlite3.Connection | None = None
) -> list[PickerRow]:
    """Everyone *contact_id* could be merged with, for a picker that filters as you type."""
    return store.duplicates.every_candidate(contact_id, conn)


def preview_merge(store: Store, keep_id: int, other_id: int) -> MergePlan:
    """What merging would move and fill, without changing anything."""
    return plan_merge(store.database, store.contacts, keep_id, other_id)


@dataclass(frozen=True, slots=True)
class Merged:
    plan: MergePlan
    undo: Undo


def merge_contacts(store: Store, keep_id: int, other_id: int) -> Merged:
    """Merge *other_id* into *keep_id* in one transaction; raise MergeError if impossible."""
    kept, other = store.contacts.get(keep_id), store.contacts.get(other_id)
    label = f"Merged {other.name if other else 'contact'} into {kept.name if kept else 'contact'}"
    plan, undo = recorded(
        store, label, lambda: merge(store.database, store.contacts, keep_id, other_id)
    )
    return Merged(plan, undo)


def not_a_duplicate(store: Store, a: int, b: int) -> None:
    """Remember that *a* and *b* are two people; no re-import lists them again."""
    store.duplicates.mark_distinct(a, b)
