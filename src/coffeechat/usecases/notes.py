"""Saving a note typed in an editor, against the text the editor loaded.

Two windows may edit one note. Each save carries the *base* its text was written from
(the body the editor loaded or last saved); if the stored note changed meanwhile, the
save raises :class:`NoteConflict` with the other version instead of writing over it,
and the editor merges both (domain/three_way.py) and saves again against that version.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store, StoreError
from ..store.notes import RESEARCH, SELF_ASSESSMENT, STORY


class NoteConflict(StoreError):
    """The note was changed elsewhere since *base* was read; nothing was written."""

    def __init__(self, current: str) -> None:
        super().__init__("the note was changed in another window")
        self.current = current


@dataclass(frozen=True, slots=True)
class NoteOf:
    """Which note: its kind and the contact or organization it is about (neither for
    the one "my story" card)."""

    kind: str
    contact_id: int | None = None
    organization_id: int | None = None


def research_on(contact_id: int) -> NoteOf:
    return NoteOf(RESEARCH, contact_id=contact_id)


def goals_for(contact_id: int) -> NoteOf:
    return NoteOf(SELF_ASSESSMENT, contact_id=contact_id)


def organization_research(organization_id: int) -> NoteOf:
    return NoteOf(RESEARCH, organization_id=organization_id)


MY_STORY = NoteOf(STORY)


def save_note(store: Store, note: NoteOf, body: str, base: str | None = None) -> bool:
    """Store *body* as *note*; whether anything was written. With *base*, raise
    NoteConflict (writing nothing) if the stored note is neither *base* nor *body*."""
    notes = store.notes
    where = {"contact_id": note.contact_id, "organization_id": note.organization_id}
    with store.database.transaction():
        stored = notes.body(note.kind, **where)
        if base is not None and stored not in (base, body):
            raise NoteConflict(stored)
        return notes.save(note.kind, body, **where)
