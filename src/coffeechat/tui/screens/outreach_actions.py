"""The main screen's outreach: a letter to the highlighted contact, the agenda, and
their call, planned or started."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...usecases.calls import Plan
    from .contacts_view import ContactsView


class OutreachActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def draft_letter(self) -> None:
        from .draft_editor import DraftEditor

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        self.view.app.push_screen(
            DraftEditor(self.view.store, contact), lambda _: self.view.reload(keep_id=contact.id)
        )

    def agenda(self) -> None:
        from .agenda import AgendaScreen

        keep = self.view.contact.id if self.view.contact else None
        self.view.app.push_screen(
            AgendaScreen(self.view.store), lambda _: self.view.reload(keep_id=keep)
        )

    def start_call(self) -> None:
        """Open the call screen: pick up a call in progress or a planned interview, else
        start a fresh one (30 minutes by phone, default questions)."""
        from ...usecases import calls
        from .call import CallScreen

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        started = calls.start_call(self.view.store, contact.id, self.view.app.clock.now())
        interview = started.interview
        assert interview.id is not None
        self.view.app.push_screen(
            CallScreen(self.view.store, interview.id, contact), self._call_closed
        )

    def _call_closed(self, interview_id: int | None) -> None:
        keep_id = self.view.contact.id if self.view.contact else None
        if interview_id is None:
            self.view.reload(keep_id=keep_id)
            return
        # The outcome form first; the list under it shows the ended call after the
        # form's first frame (and reads its other rows once the form is whole).
        self.view.app.open_outcome(interview_id)
        self.view.app.call_after_refresh(self.view.reload, keep_id)

    def plan_interview(self) -> None:
        """Date, medium, length and the ordered checklist of the contact's next interview."""
        from ...domain.purposes import suggested_questions
        from ...models import Medium
        from ...models_activity import Question
        from ...usecases import calls
        from ...usecases.question_bank import default_checklist, the_bank
        from .modal import Saving
        from .plan_interview import PlanInterview

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        interviews = self.view.store.interviews
        planned = interviews.open_for(contact.id)
        if planned is not None and planned.state == "in progress":
            self.view.app.notify("A call with them is in progress: press c to return to it.")
            return
        # The questions the contact's purpose calls for come first, then the bank,
        # without repeating one the bank already has.
        bank = the_bank(self.view.store)
        known = {q.text.casefold() for q in bank}
        bank = [
            q for q in suggested_questions(contact.purpose) if q.text.casefold() not in known
        ] + bank
        if planned is not None and planned.id is not None:
            picked = [
                Question(text=item.text, id=item.question_id)
                for item in interviews.checklist(planned.id)
            ]
        else:
            picked = default_checklist(self.view.store, 30)
        screen = PlanInterview(
            contact.name,
            bank=bank,
            picked=picked,
            scheduled_at=planned.scheduled_at if planned else "",
            medium=planned.medium if planned else Medium.PHONE,
            length_minutes=planned.length_minutes if planned else 30,
            time_zone=contact.time_zone,
        )
        contact_id = contact.id
        store = self.view.store

        def save(plan: Plan, base: Plan | None) -> Plan | None:
            # Against the plan as the dialog loaded it: a re-plan saved in another
            # window meanwhile is merged, or asked about (Modal.finish).
            try:
                interview = calls.save_plan(
                    store, contact_id, plan, self.view.app.clock.now(), base
                )
            except calls.CallInProgress:
                self.view.app.notify("A call with them is in progress: press c to return to it.")
                return None
            return calls.stored_plan(store, interview)

        def saved(plan: Plan | None) -> None:
            if plan is None:
                return
            self.view.reload(keep_id=contact_id)
            when = plan.scheduled_at.replace("T", " ") or "no date yet"
            self.view.app.notify(
                f"Interview planned: {when}, {plan.medium}, {plan.length_minutes} min, "
                f"{len(plan.questions)} questions",
                markup=False,
            )

        base = calls.stored_plan(store, planned) if planned and planned.id else None
        self.view.app.push_screen(screen.saves_with(Saving(save, base)), saved)
