"""The main screen's "looking back" actions (a mixin, like ResearchActions).

Interviews and Timeline tabs, the outcome form for a past call, the referral tree,
stats and recording a reply. Expects ``store``, ``contact`` and ``reload(keep_id)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TabbedContent

from .detail_mount import needs_detail
from .main_host import MainScreenHost

if TYPE_CHECKING:
    from ...models import Contact
    from ...store import Store
    from ...usecases.outreach import ReplyRecorded
    from ..widgets.looking_back import InterviewList

# The tabs' widgets and the use cases are imported where they are used: the tabs are
# mounted after the first paint of the contact list, which needs neither.

LOOKING_BACK_TABS = ("tab-interviews", "tab-timeline")


class LookingBackActions(MainScreenHost):
    contact: Contact | None
    found: tuple[int, str] | None = None
    """(contact id, ``call:<id>`` or ``letter:<id>``): what a search jumped to, shown
    highlighted in the Interviews or Timeline tab until another contact is shown."""

    def _show_looking_back(self, contact: Contact | None) -> None:
        """Refresh the Interviews / Timeline tab if it is the one showing (else on activate)."""
        active = self.query_one("#detail", TabbedContent).active
        contact_id = contact.id if contact else None
        if self.found is not None and self.found[0] != contact_id:
            self.found = None
        mark = self.found[1] if self.found else ""
        # query(): empty until the tabs are mounted, a frame after the list.
        if active not in LOOKING_BACK_TABS:
            return
        from ..widgets.looking_back import InterviewList, TimelineView

        if active == "tab-interviews":
            call = int(mark.removeprefix("call:")) if mark.startswith("call:") else None
            for interviews in self.query(InterviewList):
                interviews.show(contact_id, highlight=call)
        elif active == "tab-timeline":
            for timeline in self.query(TimelineView):
                timeline.show(self.store, contact_id, mark=mark)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in LOOKING_BACK_TABS:
            self._show_looking_back(self.contact)

    def _open_tab(self, tab: str) -> bool:
        if self.contact is None:
            self.notify("No contact highlighted.", severity="warning")
            return False
        self.query_one("#detail", TabbedContent).active = tab
        self._show_looking_back(self.contact)
        return True

    @needs_detail
    def action_show_profile(self) -> None:
        from ..widgets.contact_list import ContactList

        if self._open_tab("tab-profile"):
            self.query_one(ContactList).focus()

    @needs_detail
    def action_show_interviews(self) -> None:
        from ..widgets.looking_back import InterviewList

        if self._open_tab("tab-interviews"):
            self.query_one(InterviewList).focus()

    @needs_detail
    def action_show_timeline(self) -> None:
        if self._open_tab("tab-timeline"):
            self.query_one("#timeline-scroll").focus()

    def action_record_outcome(self) -> None:
        """The outcome of the highlighted contact's latest call (held or in progress)."""
        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        interviews = self.store.interviews.for_contact(contact.id)
        past = [i for i in interviews if i.state == "held"]
        if not past:
            self.notify("No call held with them yet: press c to start one.", severity="warning")
            return
        latest = max(past, key=lambda i: (i.ended_at, i.id or 0))
        assert latest.id is not None  # read back from the store
        self.app.open_outcome(latest.id)

    def on_interview_list_advice_wanted(self, event: InterviewList.AdviceWanted) -> None:
        event.stop()
        self.open_advice(event.interview_id)

    def action_mark_advice(self) -> None:
        """The advice of the highlighted contact's latest call that has some."""
        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        held = [
            i
            for i in self.store.interviews.for_contact(contact.id)
            if i.id is not None and advice_of(self.store, i.id)
        ]
        if not held:
            self.notify(
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

        interview = self.store.interviews.get(interview_id)
        outcome = self.store.outcomes.for_interview(interview_id)
        if interview is None or outcome is None or outcome.id is None or not outcome.advice.strip():
            self.notify(
                "No advice recorded for that call: add it in its outcome form (enter).",
                severity="warning",
            )
            return
        contact = self.store.contacts.get(interview.contact_id)
        who = contact.name if contact else ""
        day = interview.happened_at[:10]

        def closed(changed: bool | None) -> None:
            if changed:
                self.reload(keep_id=interview.contact_id)
                self._show_looking_back(self.contact)

        self.app.push_screen(AdviceScreen(self.store, outcome.id, outcome.advice, who, day), closed)

    def action_referral_tree(self) -> None:
        from .referral_tree import ReferralTreeScreen

        contact_id = self.contact.id if self.contact else None

        def closed(target: int | None) -> None:
            keep = target if target is not None else contact_id
            self.reload(keep_id=keep)

        self.app.push_screen(ReferralTreeScreen(self.store, contact_id), closed)

    def action_stats(self) -> None:
        from .stats import StatsScreen

        self.app.push_screen(StatsScreen(self.store))

    def action_record_reply(self) -> None:
        """Record a reply; when the latest was noticed in the mail, change its kind."""
        from ...usecases.outreach import change_noticed_reply, noticed_reply, record_reply
        from .reply_form import Reply, ReplyForm

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        contact_id = contact.id
        noticed = noticed_reply(self.store, contact_id)

        def answered(reply: Reply | None) -> None:
            if reply is None:
                return
            back_on, referral = reply.back_on, reply.referral
            changed = (
                change_noticed_reply(
                    self.store, contact_id, reply.kind, back_on=back_on, referral=referral
                )
                if noticed is not None
                else None
            )
            recorded = changed or record_reply(
                self.store,
                contact_id,
                self.app.clock.today(),
                reply.kind,
                back_on=back_on,
                referral=referral,
            )
            keep = recorded.referral.id if recorded.referral else contact_id
            self.reload(keep_id=keep)
            self.notify(reply_message(recorded), markup=False)

        mail_day = noticed.day if noticed is not None else ""
        self.app.push_screen(ReplyForm(contact.name, noticed_on=mail_day), answered)


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
