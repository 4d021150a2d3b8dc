"""The main screen's research: the Research tab, the brief, "my story", and where a
search hit was written.

The notes and articles themselves are the Research tab's (``DetailTabs``); what is
here opens dialogs over the list and moves it to what a search found.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...models_activity import SearchHit
    from .contacts_view import ContactsView


class ResearchActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def open(self) -> None:
        """The Research tab, on the notes about the highlighted contact."""
        if self.view.contact is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        self.view.detail.open_research("contact")

    def back_to_list(self) -> None:
        """escape: back to the list; on the list, clear the filter (as its hint says)."""
        view = self.view
        contact_list = view.pane.contact_list
        if contact_list.screen.focused is contact_list and view.pane.filter_input.value:
            view.pane.filter_input.action_clear_or_leave()
            return
        contact_list.focus()

    def brief(self) -> None:
        from .research_screens import BriefScreen

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        self.view.app.push_screen(BriefScreen(self.view.store, contact.id))

    def my_story(self) -> None:
        from ...domain.story import story_or_template
        from ...usecases.notes import MY_STORY, save_note
        from .research_screens import NoteScreen

        store = self.view.store
        self.view.app.push_screen(
            NoteScreen(
                "My story: what I will be asked back",
                story_or_template(store.notes.story()),
                partial(save_note, store, MY_STORY),
            )
        )

    def jump_to(self, hit: SearchHit) -> None:
        """Show where a search hit was written: the Research tab for notes and articles,
        the call (Interviews tab, then its outcome form) for what a call left behind,
        the Timeline for a letter sent."""
        view = self.view
        if hit.interview_id is not None and hit.contact_id is not None:
            self._jump_to_call(hit.contact_id, hit.interview_id, hit)
            return
        if hit.source == "letter" and hit.contact_id is not None:
            view.select_contact(hit.contact_id)
            view.detail.show_letter(hit.contact_id, f"letter:{hit.ref_id}")
            return
        if hit.kind == "story":
            self.my_story()
            return
        contact_id = hit.contact_id
        if contact_id is None and hit.organization_id is not None:
            people = view.store.contacts.by_organization(hit.organization_id)
            if not people:
                self._open_organization_alone(hit.organization_id)
                return
            contact_id = people[0].id
        if contact_id is None:
            return
        view.select_contact(contact_id)
        focus = {"self_assessment": "goals", "article": "articles"}.get(hit.kind, "contact")
        if hit.contact_id is None:
            focus = "organization"
        view.detail.open_research(focus)

    def _open_organization_alone(self, organization_id: int) -> None:
        from ...usecases.notes import organization_research, save_note
        from .research_screens import NoteScreen

        store = self.view.store
        organization = store.organizations.get(organization_id)
        if organization is None:
            return
        self.view.app.push_screen(
            NoteScreen(
                f"Organization: {organization.name}",
                organization.notes,
                partial(save_note, store, organization_research(organization_id)),
            )
        )

    def _jump_to_call(self, contact_id: int, interview_id: int, hit: SearchHit) -> None:
        """The call highlighted in the Interviews tab, then (a call held) its outcome
        form, which shows the call's notes and answers: opened on what was found."""
        view = self.view
        view.select_contact(contact_id)
        view.detail.show_call(contact_id, interview_id)
        interview = view.store.interviews.get(interview_id)
        if interview is not None and interview.state != "held":
            view.app.notify("That call is still going: press c on the list to return to it.")
            return
        view.app.open_outcome(interview_id, hit)
