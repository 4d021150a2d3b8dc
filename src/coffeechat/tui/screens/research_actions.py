"""The main screen's research actions (a mixin, to keep main.py about the contact list).

Research tab, brief, "my story", full-text search and the note/article commands the
palette offers. Expects the host screen to have ``store``, ``contact``, ``pane``,
``show_archived`` and ``reload(keep_id)``, as MainScreen does.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.widgets import Input, TabbedContent

from ..widgets.contact_list import ContactList
from ..workers import background
from .detail_mount import needs_detail
from .main_host import MainScreenHost

if TYPE_CHECKING:
    from ...models_activity import SearchHit
    from ..widgets.note_editor import NoteEditor
    from ..widgets.research import ArticleList, ResearchPane


class ResearchActions(MainScreenHost):
    def _research(self) -> ResearchPane:
        # Imported here: the Research tab (and Markdown) load after the first paint.
        from ..widgets.research import ResearchPane

        return self.query_one(ResearchPane)

    def _open_research(self, focus: str = "contact") -> None:
        """Show the Research tab and focus one of its editors (or ``articles``)."""
        self.query_one(TabbedContent).active = "tab-research"
        from ..widgets.research import ArticleList

        research = self._research()
        research.activate()
        # Scrolled into view once the tab just shown is laid out: before that the
        # widget has no place yet, and where it ends up would depend on timing.
        if focus == "articles":
            research.query_one(ArticleList).focus()
            self.call_after_refresh(research.query_one(ArticleList).scroll_visible)
        elif research.editor(focus).focus_editor():
            self.call_after_refresh(research.editor(focus).scroll_visible)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if not self.detail_mounted.is_set():
            return  # mount_detail shows the tab's contact once it is there
        research = self._research()
        if event.pane.id == "tab-research":
            research.activate()
        else:
            research.deactivate()

    @needs_detail
    def action_research(self) -> None:
        if self.contact is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        self._open_research("contact")

    def action_back_to_list(self) -> None:
        """escape: back to the list; on the list, clear the filter (as its hint says)."""
        contact_list = self.query_one(ContactList)
        if self.focused is contact_list and self.pane.filter_input.value:
            self.pane.filter_input.action_clear_or_leave()
            return
        contact_list.focus()

    def action_brief(self) -> None:
        from .research_screens import BriefScreen

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        self.app.push_screen(BriefScreen(self.store, contact.id))

    def action_my_story(self) -> None:
        from ...domain.story import story_or_template
        from ...usecases.notes import MY_STORY, save_note
        from .research_screens import NoteScreen

        self.app.push_screen(
            NoteScreen(
                "My story: what I will be asked back",
                story_or_template(self.store.notes.story()),
                partial(save_note, self.store, MY_STORY),
            )
        )

    # --- notes and articles, for the palette -------------------------------------------

    def _focused_editor(self) -> NoteEditor:
        """The note being edited, else the contact's notes (Research tab opened, loaded)."""
        from textual.widgets import TextArea

        from ..widgets.note_editor import NoteEditor, NotePreview

        focused = self.focused
        if isinstance(focused, TextArea | NotePreview) and isinstance(focused.parent, NoteEditor):
            return focused.parent
        self._open_research()
        return self._research().editor("contact")

    @needs_detail
    def action_toggle_preview(self) -> None:
        self._focused_editor().action_toggle_preview()

    @needs_detail
    def action_edit_in_editor(self) -> None:
        self._focused_editor().action_edit_in_editor()

    @needs_detail
    def action_add_article(self) -> None:
        if self.contact is None:
            return
        self._articles().action_add_article()

    def _articles(self) -> ArticleList:
        """The contact's articles, the Research tab opened on them (called with a contact
        highlighted)."""
        from ..widgets.research import ArticleList

        self._open_research("articles")
        return self._research().query_one(ArticleList)

    @needs_detail
    def action_edit_article(self) -> None:
        if self.contact is not None:
            self._articles().action_edit_article()

    @needs_detail
    def action_toggle_read(self) -> None:
        if self.contact is not None:
            self._articles().action_toggle_read()

    @needs_detail
    def action_delete_article(self) -> None:
        if self.contact is not None:
            self._articles().action_delete_article()

    # --- search -------------------------------------------------------------------------

    @background()
    async def action_search_notes(self) -> None:
        from .research_screens import SearchScreen

        hit = await self.app.push_screen_wait(SearchScreen(self.store))
        if hit is not None:
            await self.detail_mounted.wait()
            self.jump_to(hit)

    def jump_to(self, hit: SearchHit) -> None:
        """Show where a search hit was written: the Research tab for notes and articles,
        the call (Interviews tab, then its outcome form) for what a call left behind,
        the Timeline for a letter sent."""
        store = self.store
        if hit.interview_id is not None and hit.contact_id is not None:
            self._jump_to_call(hit.contact_id, hit.interview_id, hit)
            return
        if hit.source == "letter" and hit.contact_id is not None:
            self._show_in_timeline(hit.contact_id, f"letter:{hit.ref_id}")
            return
        if hit.kind == "story":
            self.action_my_story()
            return
        contact_id = hit.contact_id
        if contact_id is None and hit.organization_id is not None:
            people = store.contacts.by_organization(hit.organization_id)
            if not people:
                self._open_organization_alone(hit.organization_id)
                return
            contact_id = people[0].id
        if contact_id is None:
            return
        self._select_contact(contact_id)
        focus = {"self_assessment": "goals", "article": "articles"}.get(hit.kind, "contact")
        if hit.contact_id is None:
            focus = "organization"
        self._open_research(focus)

    def _select_contact(self, contact_id: int) -> None:
        contact = self.store.contacts.get(contact_id)
        if contact is not None and contact.archived and not self.show_archived:
            self.show_archived = True
        filter_input = self.pane.filter_input
        if filter_input.value:
            with filter_input.prevent(Input.Changed):
                filter_input.value = ""
        self.reload(keep_id=contact_id)

    def _open_organization_alone(self, organization_id: int) -> None:
        from ...usecases.notes import organization_research, save_note
        from .research_screens import NoteScreen

        store = self.store
        organization = store.organizations.get(organization_id)
        if organization is None:
            return
        self.app.push_screen(
            NoteScreen(
                f"Organization: {organization.name}",
                organization.notes,
                partial(save_note, store, organization_research(organization_id)),
            )
        )

    def _jump_to_call(self, contact_id: int, interview_id: int, hit: SearchHit) -> None:
        """The call highlighted in the Interviews tab, then (a call held) its outcome
        form, which shows the call's notes and answers: opened on what was found."""
        from ..widgets.looking_back import InterviewList

        self.found = (contact_id, f"call:{interview_id}")
        self._select_contact(contact_id)
        self.query_one("#detail", TabbedContent).active = "tab-interviews"
        calls = self.query_one(InterviewList)
        calls.show(contact_id, highlight=interview_id)
        calls.focus()
        interview = self.store.interviews.get(interview_id)
        if interview is not None and interview.state != "held":
            self.notify("That call is still going: press c on the list to return to it.")
            return
        self.app.open_outcome(interview_id, hit)

    def _show_in_timeline(self, contact_id: int, mark: str) -> None:
        from ..widgets.looking_back import TimelineView

        self.found = (contact_id, mark)
        self._select_contact(contact_id)
        self.query_one("#detail", TabbedContent).active = "tab-timeline"
        self.query_one(TimelineView).show(self.store, contact_id, mark=mark)
        self.query_one("#timeline-scroll").focus()
