"""What the call screen writes while a call goes on: note lines, the line being typed,
answers, ticked questions and the timer. Each is one transaction, small enough to
run between two keys (the screen queues what a full disk or a locked file refused)."""

from __future__ import annotations

from datetime import datetime

from ..models_activity import Interview, NoteLine
from ..store import Store


def log_note_line(
    store: Store,
    interview_id: int,
    text: str,
    *,
    minute: int,
    question_id: int | None,
    at: datetime,
) -> NoteLine:
    """Log a note line at *minute*, under the highlighted checklist item (if any), and
    clear the line being typed: both or neither (a crash in between can neither lose
    the line nor leave it twice)."""
    with store.database.transaction():
        return store.interviews.add_note(
            interview_id, text, minute=minute, checklist_item_id=question_id, now=at
        )


def keep_typed_line(store: Store, interview_id: int, text: str) -> None:
    """The note line typed but not yet logged, kept so a crash does not lose it."""
    with store.database.transaction():
        store.interviews.save_draft(interview_id, text)


def save_answer(store: Store, item_id: int, text: str) -> None:
    with store.database.transaction():
        store.interviews.set_answer(item_id, text)


def tick_question(store: Store, item_id: int, asked: bool, at: datetime) -> None:
    """Mark a checklist question asked at *at* (or not asked)."""
    with store.database.transaction():
        store.interviews.set_asked(item_id, asked, at)


def toggle_timer(store: Store, interview_id: int, now: datetime) -> Interview:
    """Pause the call's timer if it runs, else start it again, as the file has it now
    (another window may have paused the call since this one drew it)."""
    with store.database.transaction():
        interview = store.interviews.get(interview_id)
        if interview is not None and interview.running_since:
            return store.interviews.pause(interview_id, now)
        return store.interviews.resume(interview_id, now)
