"""The main screen's "looking back" actions (a mixin, like ResearchActions).

Interviews and Timeline tabs, the outcome form for a past call, the referral tree,
stats and recording a reply. Expects ``store``, ``contact`` and ``reload(keep_id)``.
"""

from __future__ import annotations

from textual.widgets import TabbedContent

from ...models import Contact
from ..widgets.looking_back import InterviewList, TimelineView
from .detail_mount import needs_detail

LOOKING_BACK_TABS = ("tab-interviews", "tab-timeline")


class LookingBackActions:
    contact: Contact | None

    def _show_looking_back(self, contact: Contact | None) -> None:
        """Refresh the Interviews / Timeline tab if it is the one showing (else on activate)."""
        active = self.query_one("#detail", TabbedContent).active  # type: ignore[attr-defined]
        contact_id = contact.id if contact else None
        # query(): empty until the tabs are mounted, a frame after the list.
        if active == "tab-interviews":
            for interviews in self.query(InterviewList):  # type: ignore[attr-defined]
                interviews.show(contact_id)
        elif active == "tab-timeline":
            for timeline in self.query(TimelineView):  # type: ignore[attr-defined]
                timeline.show(self.store, contact_id)  # type: ignore[attr-defined]

    def _on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in LOOKING_BACK_TABS:
            self._show_looking_back(self.contact)

    def _open_tab(self, tab: str) -> bool:
        if self.contact is None:
            self.notify("No contact highlighted.", severity="warning")  # type: ignore[attr-defined]
            return False
        self.query_one("#detail", TabbedContent).active = tab  # type: ignore[attr-defined]
        self._show_looking_back(self.contact)
        return True

    @needs_detail
    def action_show_interviews(self) -> None:
        if self._open_tab("tab-interviews"):
            self.query_one(InterviewList).focus()  # type: ignore[attr-defined]

    @needs_detail
    def action_show_timeline(self) -> None:
        if self._open_tab("tab-timeline"):
            self.query_one("#timeline-scroll").focus()  # type: ignore[attr-defined]

    def action_record_outcome(self) -> None:
        """The outcome of the highlighted contact's latest call (held or in progress)."""
        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")  # type: ignore[attr-defined]
            return
        interviews = self.store.interviews.for_contact(contact.id)  # type: ignore[attr-defined]
        past = [i for i in interviews if i.state == "held"]
        if not past:
            self.notify(  # type: ignore[attr-defined]
                "No call held with them yet: press c to start one.", severity="warning"
            )
            return
        latest = max(past, key=lambda i: (i.ended_at, i.id or 0))
        self.app.open_outcome(latest.id)  # type: ignore[attr-defined]

    def action_referral_tree(self) -> None:
        from .referral_tree import ReferralTreeScreen

        contact_id = self.contact.id if self.contact else None

        def closed(target: int | None) -> None:
            keep = target if target is not None else contact_id
            self.reload(keep_id=keep)  # type: ignore[attr-defined]

        self.app.push_screen(ReferralTreeScreen(self.store, contact_id), closed)  # type: ignore[attr-defined]

    def action_stats(self) -> None:
        from .stats import StatsScreen

        self.app.push_screen(StatsScreen(self.store))  # type: ignore[attr-defined]

    def action_record_reply(self) -> None:
        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")  # type: ignore[attr-defined]
            return
        today = self.app.clock.today().isoformat()  # type: ignore[attr-defined]
        self.store.contacts.with_changes(contact.id, replied_on=today)  # type: ignore[attr-defined]
        self.reload(keep_id=contact.id)  # type: ignore[attr-defined]
        self.notify(f"Reply from {contact.name} recorded ({today}).", markup=False)  # type: ignore[attr-defined]
