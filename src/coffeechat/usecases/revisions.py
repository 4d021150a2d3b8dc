"""One revision check for every save of something loaded earlier (a form, an editor).

A form or editor keeps the record as it loaded it (its *base*). Saving reads the
record again inside the write transaction: unchanged since, the edit is written as it
is; changed in another window meanwhile, the two edits are merged field by field
(domain/three_way.py): a field only one side changed takes that side, free text both
changed is merged line by line. A field both changed differently is never decided
silently: :class:`EditConflict` is raised with nothing written, and the screen asks
which to keep, then saves again against the version it showed (see
tui/screens/modal.py ``Modal.finish``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from ..domain.three_way import merge_records
from ..store import Store

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")
R = TypeVar("R")


class EditConflict(Exception, Generic[D]):
    """Both windows changed *fields* differently; nothing was written.

    *merged* holds every other change of both sides and mine in those fields;
    *current* is what is stored now (the base to save against next time).
    """

    def __init__(self, fields: Sequence[str], merged: D, current: D) -> None:
        super().__init__("changed in another window: " + ", ".join(fields))
        self.fields = tuple(fields)
        self.merged = merged
        self.current = current


def save_against(
    store: Store,
    base: D | None,
    mine: D,
    *,
    current: Callable[[], D | None],
    write: Callable[[D], R],
    texts: Sequence[str] = (),
) -> R:
    """Write *mine*, edited from *base*, merged with what *current* reads now.

    In one transaction: *current* is read under the write lock, so no other window
    can change the record between the check and the write. Raises EditConflict (and
    writes nothing) when a field both sides changed differently.
    """
    with store.database.transaction():
        now = current()
        if base is None or now is None or now == base:
            return write(mine)
        merged = merge_records(base, mine, now, texts=texts)
        if merged.conflicts:
            raise EditConflict(merged.conflicts, merged.value, now)
        return write(merged.value)


class Identified(Protocol):
    """A dataclass record with an id (None until it is added)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def id(self) -> int | None: ...


E = TypeVar("E", bound="Identified")


class Repository(Protocol[E]):
    """A store repository of records with an id: what :func:`add_or_save` needs."""

    def add(self, record: E, /) -> E: ...

    def get(self, record_id: int, /) -> E | None: ...

    def update(self, record: E, /) -> E: ...


def add_or_save(
    store: Store, repository: Repository[E], record: E, base: E | None, *, texts: Sequence[str] = ()
) -> E:
    """Add *record* if it is new; else save it against *base* (the record as its form
    loaded it) with :func:`save_against`: merged with another window's changes, or
    EditConflict. *texts*: the free-text fields merged line by line."""
    record_id = record.id
    if record_id is None:
        return repository.add(record)
    return save_against(
        store,
        base,
        record,
        current=lambda: repository.get(record_id),
        write=repository.update,
        texts=texts,
    )
