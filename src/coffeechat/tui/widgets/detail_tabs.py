"""The main screen's right-hand side: the highlighted contact in four tabs.

Profile is composed with the screen; Research (three editors, an article list),
Interviews and Timeline are not needed for the first paint and are added one frame
later (``mount_rest``). What needs them and comes in that frame is not dropped: it
waits for ``mounted``. Textual runs key actions one at a time on the app's message
queue, so keys pressed after it wait behind it and still act in the order pressed.

The tabs' widgets are imported where they are used: the first paint of the contact
list needs none of them.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widgets import TabbedContent, TabPane

if TYPE_CHECKING:
    from ...models import Contact
    from ...store import Store
    from .looking_back import InterviewList, TimelineView
    from .note_editor import NoteEditor
    from .research import ArticleList, ResearchPane

LOOKING_BACK_TABS = ("tab-interviews", "tab-timeline")


class DetailTabs(TabbedContent):
    """Profile, Research, Interviews and Timeline of one contact."""

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.contact: Contact | None = None
        self.mounted = asyncio.Event()
        """Set once the Research, Interviews and Timeline tabs have their widgets."""
        self.found: tuple[int, str] | None = None
        """(contact id, ``call:<id>`` or ``letter:<id>``): what a search jumped to, shown
        highlighted in the Interviews or Timeline tab until another contact is shown."""

    async def mount_rest(self) -> bool:
        """Add the tabs the first paint went without; False if the screen was left meanwhile."""
        from .looking_back import InterviewList, TimelineView
        from .research import ResearchPane

        store = self.store
        timeline = VerticalScroll(TimelineView(id="timeline"), id="timeline-scroll", can_focus=True)
        # Quitting meanwhile ends this where it is: the screen calls it through
        # after_first_frame, which drops the MountError of an app that has closed.
        await self.add_pane(
            TabPane("Research", ResearchPane(store, id="research"), id="tab-research")
        )
        await self.add_pane(
            TabPane("Interviews", InterviewList(store, id="interviews"), id="tab-interviews")
        )
        await self.add_pane(TabPane("Timeline", timeline, id="tab-timeline"))
        if not self.query(ResearchPane):
            return False  # the screen was left while the tabs were mounted
        self.mounted.set()
        self.show(self.contact)
        return True

    # --- what they show -----------------------------------------------------------------

    def show(self, contact: Contact | None) -> None:
        """Show *contact* in the tabs mounted later (kept for them until they are)."""
        self.contact = contact
        if self.mounted.is_set():
            self.research.show(contact)
            self._show_looking_back()

    @property
    def research(self) -> ResearchPane:
        from .research import ResearchPane

        return self.query_one(ResearchPane)

    @property
    def interviews(self) -> InterviewList:
        from .looking_back import InterviewList

        return self.query_one(InterviewList)

    @property
    def timeline(self) -> TimelineView:
        from .looking_back import TimelineView

        return self.query_one(TimelineView)

    def _show_looking_back(self) -> None:
        """Refresh the Interviews / Timeline tab if it is the one showing (else on activate)."""
        contact_id = self.contact.id if self.contact else None
        if self.found is not None and self.found[0] != contact_id:
            self.found = None
        mark = self.found[1] if self.found else ""
        if self.active == "tab-interviews":
            call = int(mark.removeprefix("call:")) if mark.startswith("call:") else None
            self.interviews.show(contact_id, highlight=call)
        elif self.active == "tab-timeline":
            self.timeline.show(self.store, contact_id, mark=mark)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if not self.mounted.is_set():
            return  # mount_rest shows the tab's contact once it is there
        if event.pane.id == "tab-research":
            self.research.activate()
        else:
            self.research.deactivate()
        if event.pane.id in LOOKING_BACK_TABS:
            self._show_looking_back()

    # --- going to a tab -----------------------------------------------------------------

    def open_tab(self, tab: str) -> None:
        """Show *tab* and focus what is in it (Profile gives the focus back to the list)."""
        self.active = tab
        self._show_looking_back()
        if tab == "tab-interviews":
            self.interviews.focus()
        elif tab == "tab-timeline":
            self.query_one("#timeline-scroll").focus()

    def open_research(self, focus: str = "contact") -> None:
        """Show the Research tab and focus one of its editors (or ``articles``)."""
        from .research import ArticleList

        self.active = "tab-research"
        research = self.research
        research.activate()
        # Scrolled into view once the tab just shown is laid out: before that the
        # widget has no place yet, and where it ends up would depend on timing.
        if focus == "articles":
            articles = research.query_one(ArticleList)
            articles.focus()
            self.call_after_refresh(articles.scroll_visible)
        elif research.editor(focus).focus_editor():
            self.call_after_refresh(research.editor(focus).scroll_visible)

    def note_being_edited(self) -> NoteEditor:
        """The note that has the focus, else the contact's notes (Research tab opened)."""
        from textual.widgets import TextArea

        from .note_editor import NoteEditor, NotePreview

        focused = self.screen.focused
        if isinstance(focused, TextArea | NotePreview) and isinstance(focused.parent, NoteEditor):
            return focused.parent
        self.open_research()
        return self.research.editor("contact")

    def articles(self) -> ArticleList:
        """The contact's articles, the Research tab opened on them."""
        from .research import ArticleList

        self.open_research("articles")
        return self.research.query_one(ArticleList)

    def show_call(self, contact_id: int, interview_id: int) -> None:
        """The call highlighted in the Interviews tab, which gets the focus."""
        self.found = (contact_id, f"call:{interview_id}")
        self.active = "tab-interviews"
        self.interviews.show(contact_id, highlight=interview_id)
        self.interviews.focus()

    def show_letter(self, contact_id: int, mark: str) -> None:
        """The letter *mark* highlighted in the Timeline tab, which gets the focus."""
        self.found = (contact_id, mark)
        self.active = "tab-timeline"
        self.timeline.show(self.store, contact_id, mark=mark)
        self.query_one("#timeline-scroll").focus()
