"""The question bank: the questions a call's checklist is drawn from.

The bank is seeded with the default questions the first time it is read (the store
does it, and never again, even after every question is deleted): a read that may
write, so the interface reads the bank here too.
"""

from __future__ import annotations

from ..models_activity import Question
from ..store import Store


def the_bank(store: Store) -> list[Question]:
    """Every question, in the bank's order."""
    return store.questions.all()


def default_checklist(store: Store, length_minutes: int) -> list[Question]:
    """The default questions, as many as fit a call of *length_minutes*."""
    return store.questions.defaults_for(length_minutes)


def add_question(store: Store, text: str, group: str) -> Question:
    with store.database.transaction():
        return store.questions.add(text, group)


def edit_question(store: Store, question_id: int, text: str, group: str) -> Question:
    with store.database.transaction():
        return store.questions.update(question_id, text=text, group=group)


def delete_question(store: Store, question_id: int) -> None:
    """Delete a question from the bank (the checklists that asked it keep their copy)."""
    with store.database.transaction():
        store.questions.delete(question_id)


def move_question(store: Store, question_id: int, delta: int) -> None:
    """Move a question *delta* places up (negative) or down in the bank."""
    with store.database.transaction():
        store.questions.move(question_id, delta)


def toggle_default(store: Store, question_id: int) -> bool:
    """Flip whether a new call's checklist starts with this question, as the file has it
    now (another window may have flipped it since this one listed it); the new state."""
    with store.database.transaction():
        question = store.questions.get(question_id)
        if question is None:
            return False
        store.questions.set_default(question_id, not question.is_default)
        return not question.is_default
