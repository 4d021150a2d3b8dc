"""The outcome form opened from a search hit: it shows and focuses what was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, TextArea

from ...models_activity import SearchHit
from ...store import Store
from ..widgets.call_notes import call_record_marked

if TYPE_CHECKING:
    from rich.text import Text

    from .outcome_form import OutcomeForm


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


def show_found(form: OutcomeForm, found: Found) -> None:
    """Opened from a search: show and focus what it found."""
    target: Widget | None = None
    if found.record_at is not None:
        form.set_class(True, "-record-shown")
        form.set_class(False, "-record-hidden")
        record = form.query_one("#call-record", VerticalScroll)
        record.focus()
        record.scroll_to_widget(form.query_one("#call-record-found"), top=True, animate=False)
        return
    if found.field:
        target = form.query_one(f"#area-{found.field}", TextArea)
    elif found.step:
        steps = [row for row in form.step_rows() if row.step.text == found.step]
        target = steps[0].query_one(Input) if steps else None
    elif found.referral_id is not None:
        people = [r for r in form.referral_rows() if r.referral.id == found.referral_id]
        target = people[0].fields()["name"].input if people else None
    if target is not None:
        target.focus()
        form.call_after_refresh(target.scroll_visible, animate=False)


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
