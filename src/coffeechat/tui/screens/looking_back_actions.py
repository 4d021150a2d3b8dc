"""The main screen's looking back: a past call's outcome and advice, the referral tree,
stats, and recording a reply.

The Interviews and Timeline tabs themselves are ``DetailTabs``'; the use cases and the
dialogs are imported where they are used (the first paint of the list needs none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...store import Store
    from ...usecases.outreach import ReplyRecorded
    from .contacts_view import ContactsView


class LookingBackActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def open_tab(self, tab: str) -> bool:
        """Show *tab* of the highlighted contact; False (and why) without one."""
        if self.view.contact is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return False
        self.view.detail.open_tab(tab)
        return True

    def record_outcome(self) -> None:
        """The outcome of the highlighted contact's latest call (held or in progress)."""
        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        interviews = self.view.store.interviews.for_contact(contact.id)
        past = [i for i in interviews if i.state == "held"]
        if not past:
            self.view.app.notify(
                "No call held with them yet: press c to start one.", severity="warning"
            )
            return
        latest = max(past, key=lambda i: (i.ended_at, i.id or 0))
        assert latest.id is not None  # read back from the store
        self.view.app.open_outcome(latest.id)

    def mark_advice(self) -> None:
        """The advice of the highlighted contact's latest call that has some."""
        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        held = [
            i
            for i in self.view.store.interviews.for_contact(contact.id)
            if i.id is not None and advice_of(self.view.store, i.id)
        ]
        if not held:
            self.view.app.notify(
                f"No advice recorded from a call with {contact.name} yet "
                "(o opens the outcome form).",
                severity="warning",
                markup=False,
            )
            return
        latest = max(held, key=lambda i: (i.ended_at, i.id or 0))
        self.open_advice(latest.id or 0)

    def open_advice(self, interview_id: int) -> None:
        """Tick the pieces of that call's advice that were acted on."""
        from .advice import AdviceScreen

        interview = self.view.store.interviews.get(interview_id)
        outcome = self.view.store.outcomes.for_interview(interview_id)
        if interview is None or outcome is None or outcome.id is None or not outcome.advice.strip():
            self.view.app.notify(
                "No advice recorded for that call: add it in its outcome form (enter).",
                severity="warning",
            )
            return
        contact = self.view.store.contacts.get(interview.contact_id)
        who = contact.name if contact else ""
        day = interview.happened_at[:10]

        def closed(changed: bool | None) -> None:
            if changed:
                self.view.reload(keep_id=interview.contact_id)

        self.view.app.push_screen(
            AdviceScreen(self.view.store, outcome.id, outcome.advice, who, day), closed
        )

    def referral_tree(self) -> None:
        from .referral_tree import ReferralTreeScreen

        contact_id = self.view.contact.id if self.view.contact else None

        def closed(target: int | None) -> None:
            keep = target if target is not None else contact_id
            self.view.reload(keep_id=keep)

        self.view.app.push_screen(ReferralTreeScreen(self.view.store, contact_id), closed)

    def stats(self) -> None:
        from .stats import StatsScreen

        self.view.app.push_screen(StatsScreen(self.view.store))

    def record_reply(self) -> None:
        """Record a reply; when the latest was noticed in the mail, change its kind."""
        from ...usecases.outreach import change_noticed_reply, noticed_reply, record_reply
        from .reply_form import Reply, ReplyForm

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        contact_id = contact.id
        noticed = noticed_reply(self.view.store, contact_id)

        def answered(reply: Reply | None) -> None:
            if reply is None:
                return
            back_on, referral = reply.back_on, reply.referral
            changed = (
                change_noticed_reply(
                    self.view.store, contact_id, reply.kind, back_on=back_on, referral=referral
                )
                if noticed is not None
                else None
            )
            recorded = changed or record_reply(
                self.view.store,
                contact_id,
                self.view.app.clock.today(),
                reply.kind,
                back_on=back_on,
                referral=referral,
            )
            keep = recorded.referral.id if recorded.referral else contact_id
            self.view.reload(keep_id=keep)
            self.view.app.notify(reply_message(recorded), markup=False)

        mail_day = noticed.day if noticed is not None else ""
        self.view.app.push_screen(ReplyForm(contact.name, noticed_on=mail_day), answered)


def advice_of(store: Store, interview_id: int) -> str:
    """The advice recorded in a call's outcome ("" without one)."""
    outcome = store.outcomes.for_interview(interview_id)
    return outcome.advice.strip() if outcome else ""


def reply_message(recorded: ReplyRecorded) -> str:
    """What the notification says once a reply is recorded."""
    from ...models import ReplyKind

    name = recorded.contact.name
    if recorded.kind is ReplyKind.OUT_OF_OFFICE:
        return f"{name} is away: {recorded.moved} follow-up(s) moved past their return."
    closed = f"; {recorded.closed} follow-up(s) closed" if recorded.closed else ""
    if recorded.kind is ReplyKind.DECLINED:
        return f"{name} declined{closed}. They are off the agenda."
    if recorded.kind is ReplyKind.REFERRAL_ONLY and recorded.referral is not None:
        return (
            f"{name} pointed you to {recorded.referral.name}{closed}. "
            "A thank-you for the pointer is on the agenda."
        )
    return f"Reply from {name} recorded{closed}. Next: schedule the call (i)."
