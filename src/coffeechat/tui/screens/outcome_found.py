"""The outcome form opened from a search hit: it shows and focuses what was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...models_activity import SearchHit
from ...store import Store
from ..widgets.call_notes import call_record_marked

if TYPE_CHECKING:
    from rich.text import Text


@dataclass(frozen=True, slots=True)
class Found:
    """What a search found in this call: the form opens showing it, focused."""

    field: str = ""
    """An outcome text field (learned, advice…)."""
    step: str = ""
    """The text of a next step."""
    referral_id: int | None = None
    record_at: int | None = None
    """Where the note line or answer found starts in the call record."""


def call_record_for(store: Store, interview_id: int, hit: SearchHit | None) -> tuple[Text, Found]:
    """The call record for the outcome form, and what *hit* (if any) found in the call."""
    marked = (hit.source, hit.ref_id) if hit and hit.source in ("call_note", "answer") else None
    record, at = call_record_marked(store, interview_id, marked)
    if hit is None:
        return record, Found()
    if hit.source == "outcome":
        return record, Found(field=hit.part)
    if hit.source == "next_step":
        step = store.followups.get(hit.ref_id)
        # The form shows a step as the store reads it back (without the agenda's prefix).
        return record, Found(step=step.title.removeprefix("Next step: ") if step else "")
    if hit.source == "referral":
        return record, Found(referral_id=hit.ref_id)
    return record, Found(record_at=at)
