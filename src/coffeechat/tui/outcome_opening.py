"""Opening a call's outcome form: after ``ctrl+e`` ends the call, or for a past call
found by a search (the form then shows what was found in the call's notes).

Imported when a form is opened, not before the first paint.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..usecases.outcomes import (
    forget_typed_outcome,
    keep_typed_outcome,
    save_outcome,
    typed_outcome,
)
from .screens.main import MainScreen
from .screens.modal import Saving
from .screens.outcome_form import TEXT_FIELDS, OutcomeForm
from .screens.outcome_found import call_record_for

if TYPE_CHECKING:
    from ..models_activity import Outcome, SearchHit
    from ..store.outcomes import Saved
    from .app_host import AppHost


def open_outcome(app: AppHost, interview_id: int, hit: SearchHit | None = None) -> None:
    """Open the outcome form of *interview_id* (after ``ctrl+e``, or for a past call,
    showing what search *hit* found in it); saving records outcome, referrals and
    agenda items in one transaction."""
    interview = app.store.interviews.get(interview_id)
    if interview is None:
        return
    contact = app.store.contacts.get(interview.contact_id)
    existing = app.store.outcomes.for_interview(interview_id)
    when = interview.happened_at[:16]
    record, found = call_record_for(app.store, interview_id, hit)

    results: list[Saved] = []

    def save(outcome: Outcome, base: Outcome | None) -> Outcome:
        today = app.clock.today()
        results.append(save_outcome(app.store, outcome, today, base, from_form=True))
        return outcome

    def saved(outcome: Outcome | None) -> None:
        if outcome is None:
            forget_typed_outcome(app.store, interview_id)  # cancelled: let it go
            return
        if not results:
            return
        result = results[-1]
        parts = ["Outcome saved; thank-you note on the agenda"]
        if result.created:
            parts.append(f"{len(result.created)} new contact(s)")
        if result.linked:
            parts.append(f"{len(result.linked)} linked to existing contact(s)")
        app.notify(", ".join(parts) + ".", markup=False)
        for screen in app.screen_stack:
            if isinstance(screen, MainScreen):
                screen.reload(keep_id=interview.contact_id)

    # The form saves itself against the outcome as it opened: a full disk or a lock
    # keeps it open with everything typed; another window's changes are merged.
    form = OutcomeForm(
        interview_id,
        contact_name=contact.name if contact else "",
        when=when.replace("T", " "),
        outcome=existing,
        organizations=app.store.organizations.names(),
        call_record=record,
        found=found,
        typed=typed_outcome(app.store, interview_id),
        keep_typed=partial(keep_typed_outcome, app.store, interview_id),
    ).saves_with(Saving(save, existing, dict(TEXT_FIELDS)))
    app.push_screen(form, saved)
