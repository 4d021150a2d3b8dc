"""The main screen: contact list on the left, the highlighted contact on the right."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, TabPane
from textual.worker import get_current_worker

from ...domain.contact_filter import ContactFilter
from ...domain.text import one_line
from ...store import ContactRow, Store
from ..commands import bindings
from ..fill_in import FILL_WAIT, still_filling
from ..first_frame import after_first_frame
from ..key_order import focus_at_end
from ..long_lived import freeze_long_lived
from ..undone import Undone
from ..widgets.contact_list import ContactList
from ..widgets.contact_pane import ContactPane
from ..widgets.detail_tabs import DetailTabs
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader
from ..widgets.profile import ProfileView
from ..workers import background
from .contact_actions import ContactActions
from .looking_back_actions import LookingBackActions
from .merge_actions import MergeActions
from .method_actions import MethodActions
from .outreach_actions import OutreachActions
from .research_actions import ResearchActions

if TYPE_CHECKING:
    from ...models import Contact
    from ..app_host import AppHost
    from ..widgets.looking_back import InterviewList
    from ..widgets.research import ArticleList


READ_AFTER_FILL = 0.05
"""How often a re-read of every row waiting for a screen to fill in looks again (s)."""


# Screens opened by an action, and the use cases it calls, are imported inside it: the
# first paint of the contact list should not wait for modules it does not show.
class MainScreen(Screen[None]):
    """The keys of the contact list and its detail tabs (scope "contacts"), bound here so
    each works wherever the focus is on this screen. An action the screen does not do
    itself hands it to its owner in a line (what is in the detail tabs waits for them
    first): the contact pane, the detail tabs, or one of the action groups made below,
    each of which sees the screen as a ``ContactsView``."""

    if TYPE_CHECKING:
        app: AppHost

    BINDINGS = bindings("contacts")
    HELP_NAME = "Contact list"

    DEFAULT_CSS = """
    MainScreen #body { height: 1fr; }
    MainScreen #contacts { width: 50%; min-width: 38; }
    MainScreen #detail { width: 1fr; height: 100%; border: round $primary-muted; }
    MainScreen #detail:focus-within { border: round $primary; }
    /* Under 100 columns the four tab names need every cell: one space between them. */
    MainScreen.-narrow #detail Tab { padding: 0 0 0 1; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.show_archived = False
        self.contact: Contact | None = None
        """The highlighted contact, fully loaded."""
        self._rows_generation = 0
        """Counts list re-reads: only the latest one's rows are shown."""
        self._long_lived_frozen = False
        self.detail = DetailTabs(store, id="detail")
        self.research = ResearchActions(self)
        self.looking_back = LookingBackActions(self)
        self.method = MethodActions(self)
        self.merging = MergeActions(self)
        self.contacts = ContactActions(self)
        self.outreach = OutreachActions(self)

    @property
    def detail_mounted(self) -> asyncio.Event:
        """Set once the detail tabs the first paint went without are there."""
        return self.detail.mounted

    async def mount_detail(self) -> None:
        await self.detail.mount_rest()

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="body"):
            yield ContactPane(today=self.app.clock.today(), id="contacts")
            with self.detail:
                with TabPane("Profile", id="tab-profile"):
                    yield ProfileView(id="profile")
                # Research, Interviews and Timeline are added one frame later
                # (DetailTabs.mount_rest): not needed for the first paint.
        yield CalmFooter()

    FIRST_PAGE = 200
    """Rows read before the first paint; the rest arrive from a worker thread."""

    NARROW = 100
    """Below this width the detail tabs close up so all four names fit."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def on_mount(self) -> None:
        self.pane.restore_last_interaction()
        self.pane.contact_list.on_highlight = self._show
        first = self.store.contacts.rows(self.show_archived, limit=self.FIRST_PAGE)
        if len(first) < self.FIRST_PAGE:
            self.pane.load(first)
        else:
            self.pane.load_first_page(first, self.store.contacts.count(self.show_archived))
            after_first_frame(self, self._read_all_rows)
        self._show(self.pane.contact_list.highlighted_id)
        self._show_calls_in_progress()
        self.query_one(ContactList).focus()
        after_first_frame(self, self.mount_detail)
        if not first and self.app.show_welcome:
            self._welcome()

    def _welcome(self) -> None:
        """An empty database opens on the welcome, until it was once dismissed."""
        # Imported here: a database with contacts never shows it.
        from ...usecases.first_run import welcome_due
        from .welcome import WelcomeScreen

        if welcome_due(self.store):
            # After the first paint, so the empty list shows behind the welcome.
            label = self.app.db_label
            after_first_frame(
                self, self.app.push_screen, WelcomeScreen(label), self._welcome_closed
            )

    def _welcome_closed(self, action: str | None) -> None:
        """Remember the welcome was seen; then do what the user picked in it."""
        from ...usecases.first_run import dismiss_welcome

        dismiss_welcome(self.store)
        chosen = {
            "new_contact": self.action_new_contact,
            "import_file": self.action_import_file,
            "my_story": self.research.my_story,
        }
        if action in chosen:
            chosen[action]()

    @property
    def pane(self) -> ContactPane:
        return self.query_one(ContactPane)

    def on_undone(self, _message: Undone) -> None:
        self.reload(keep_id=self.contact.id if self.contact else None)

    def reload(self, keep_id: int | None = None) -> None:
        """Show a write at once, then re-read the whole list off the event loop.

        *keep_id*'s row (the contact just written) is read alone and patched into the
        list: updated and moved to its place, added if new, removed if it was deleted
        or archived while archived contacts are hidden. Every other row (what an
        import, another window or a referral added) arrives from a worker thread; the
        cursor stays on the contact highlighted by then."""
        if keep_id is not None:
            row = self.store.contacts.row(keep_id)
            if row is not None and row.archived and not self.show_archived:
                row = None
            self.pane.patch(keep_id, row)
        self._show(self.pane.contact_list.highlighted_id)
        self._show_calls_in_progress()
        self._rows_generation += 1
        # After the patched row is painted: a thread reading rows holds the GIL often
        # enough to make that paint twice as slow.
        self.call_after_refresh(self._read_all_rows, self._rows_generation)

    def _show_calls_in_progress(self) -> None:
        """A call left running (or cut off by a crash) shows in the list and the header,
        so nobody has to remember to press c."""
        running = self.store.interviews.calls_in_progress()
        self.pane.contact_list.mark_calls(frozenset(running))
        label = self.app.db_label
        if running:
            names = ", ".join(one_line(name) for name in running.values())
            self.sub_title = f"☎ call in progress: {names} (c returns) · {label}"
        else:
            self.sub_title = label

    def _read_all_rows(self, generation: int | None = None) -> None:
        if generation is None:
            self._rows_generation += 1
        elif generation != self._rows_generation:
            return  # a later write asked for a newer read
        if still_filling(self.app.screen, FILL_WAIT):
            # The screen on top is filling in (the outcome form as a call ends): it comes
            # first. A thread reading every row holds the GIL often enough to slow that
            # fill, and the keys held until it ends, by half.
            self.set_timer(READ_AFTER_FILL, partial(self._read_all_rows, self._rows_generation))
            return
        self._read_rows_in_thread(self._rows_generation, self.show_archived, self.pane.row_filter)

    @background(thread=True, exclusive=True, group="contact-rows")
    def _read_rows_in_thread(
        self, generation: int, include_archived: bool, shown: ContactFilter[ContactRow]
    ) -> None:
        # Its own connection: a sqlite3 connection belongs to the thread that made it.
        known = {row: row for row in list(shown.rows)}  # copied first: patch() may edit it
        with self.store.reading() as store:
            rows = store.contacts.rows(include_archived, reuse=known)
        prepared = ContactFilter(rows, reuse=shown)  # the filter's haystacks, built here
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._all_rows_read, generation, prepared)

    def _all_rows_read(self, generation: int, prepared: ContactFilter[ContactRow]) -> None:
        if generation != self._rows_generation:
            return  # a later write started a newer read: this one may predate it
        self.pane.load_prepared(prepared, keep_id=self.pane.contact_list.highlighted_id)
        if not self._long_lived_frozen:
            self._long_lived_frozen = True
            self.call_after_refresh(freeze_long_lived)
            from .. import warm_up

            warm_up.start(self.app)  # the list is whole: now what the keys open

    @on(ContactList.Selected)
    def _selected(self, event: ContactList.Selected) -> None:
        self.action_edit_contact()

    def _show(self, contact_id: int | None) -> None:
        self.contact = self.store.contacts.get(contact_id) if contact_id is not None else None
        referrer = ""
        if self.contact and self.contact.referred_by is not None:
            found = self.store.contacts.get(self.contact.referred_by)
            referrer = found.name if found else ""
        last_in_touch = ""
        if self.contact is not None and self.contact.id is not None:
            day, what = self.store.history.last_interaction(self.contact.id)
            last_in_touch = f"{day} ({what})" if day else ""
        self.query_one(ProfileView).show(
            self.contact,
            referred_by=referrer,
            now=self.app.clock.now(),
            last_in_touch=last_in_touch,
        )
        self.detail.show(self.contact)

    def select_contact(self, contact_id: int) -> None:
        """Highlight *contact_id*: shown archived contacts if it is one, the filter cleared."""
        contact = self.store.contacts.get(contact_id)
        if contact is not None and contact.archived and not self.show_archived:
            self.show_archived = True
        filter_input = self.pane.filter_input
        if filter_input.value:
            with filter_input.prevent(Input.Changed):
                filter_input.value = ""
        self.reload(keep_id=contact_id)

    def on_interview_list_advice_wanted(self, event: InterviewList.AdviceWanted) -> None:
        event.stop()
        self.looking_back.open_advice(event.interview_id)

    # --- actions ------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        focus_at_end(self.pane.filter_input)

    def action_new_contact(self) -> None:
        self._open_form(None)

    def action_edit_contact(self) -> None:
        if self.contact is None:
            self.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        self._open_form(self.contact)

    @background()
    async def _open_form(self, contact: Contact | None) -> None:
        from functools import partial

        from ...usecases import contacts
        from .contact_form import ContactForm, names_in
        from .modal import Saving

        referred_by_name = ""
        if contact and contact.referred_by is not None:
            referrer = self.store.contacts.get(contact.referred_by)
            referred_by_name = referrer.name if referrer else ""
        store = self.store
        # The form saves itself against the contact as loaded: a full disk or a lock
        # keeps it open with everything typed; another window's changes are merged.
        form = ContactForm(
            contact,
            organizations=store.organizations.names(),
            # Names only (building every Contact took ~0.3 s at 30,000 people), read in
            # a thread once the form is on screen.
            contact_names=names_in(store),
            referred_by_name=referred_by_name,
        ).saves_with(Saving(partial(contacts.save_contact, store), contact))
        saved = await self.app.push_screen_wait(form)
        if saved is None:
            return
        self.reload(keep_id=saved.id)
        verb = "Saved" if contact else "Added"
        self.notify(f"{verb} {saved.name}", markup=False)

    def action_change_status(self) -> None:
        self.contacts.change_status()

    def action_toggle_archive(self) -> None:
        self.contacts.toggle_archive()

    def action_delete_contact(self) -> None:
        self.contacts.delete()

    def action_import_file(self) -> None:
        self.contacts.transfer("import")

    def action_export_file(self) -> None:
        self.contacts.transfer("export")

    def action_draft_email(self) -> None:
        self.outreach.draft_letter()

    def action_agenda(self) -> None:
        self.outreach.agenda()

    def action_start_call(self) -> None:
        self.outreach.start_call()

    def action_plan_interview(self) -> None:
        self.outreach.plan_interview()

    def action_refresh(self) -> None:
        """Show what another instance or a command-line import wrote meanwhile."""
        self.reload(keep_id=self.contact.id if self.contact else None)
        self.notify("Refreshed from the database")

    def action_toggle_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload(keep_id=self.contact.id if self.contact else None)
        self.notify("Showing archived contacts" if self.show_archived else "Archived hidden")

    # --- the detail tabs (each waits for the tabs mounted after the first frame) ------

    async def action_show_profile(self) -> None:
        await self.detail_mounted.wait()
        if self.looking_back.open_tab("tab-profile"):
            self.pane.contact_list.focus()

    async def action_show_interviews(self) -> None:
        await self.detail_mounted.wait()
        self.looking_back.open_tab("tab-interviews")

    async def action_show_timeline(self) -> None:
        await self.detail_mounted.wait()
        self.looking_back.open_tab("tab-timeline")

    async def action_research(self) -> None:
        await self.detail_mounted.wait()
        self.research.open()

    # The palette's note and article commands: on the note being edited, else on the
    # highlighted contact's (the Research tab opened on them).

    async def action_toggle_preview(self) -> None:
        await self.detail_mounted.wait()
        self.detail.note_being_edited().action_toggle_preview()

    async def action_edit_in_editor(self) -> None:
        await self.detail_mounted.wait()
        self.detail.note_being_edited().action_edit_in_editor()

    async def _articles(self) -> ArticleList | None:
        """The highlighted contact's articles, the Research tab opened on them (None
        without a contact), once the tabs are mounted."""
        await self.detail_mounted.wait()
        return self.detail.articles() if self.contact is not None else None

    async def action_add_article(self) -> None:
        if (articles := await self._articles()) is not None:
            articles.action_add_article()

    async def action_edit_article(self) -> None:
        if (articles := await self._articles()) is not None:
            articles.action_edit_article()

    async def action_toggle_read(self) -> None:
        if (articles := await self._articles()) is not None:
            articles.action_toggle_read()

    async def action_delete_article(self) -> None:
        if (articles := await self._articles()) is not None:
            articles.action_delete_article()

    # --- research, looking back, the method, merging: each group's own --------------

    def action_back_to_list(self) -> None:
        self.research.back_to_list()

    def action_brief(self) -> None:
        self.research.brief()

    def action_my_story(self) -> None:
        self.research.my_story()

    @background()
    async def action_search_notes(self) -> None:
        from .research_screens import SearchScreen

        hit = await self.app.push_screen_wait(SearchScreen(self.store))
        if hit is not None:
            await self.detail_mounted.wait()
            self.research.jump_to(hit)

    def action_record_outcome(self) -> None:
        self.looking_back.record_outcome()

    def action_mark_advice(self) -> None:
        self.looking_back.mark_advice()

    def action_referral_tree(self) -> None:
        self.looking_back.referral_tree()

    def action_stats(self) -> None:
        self.looking_back.stats()

    def action_record_reply(self) -> None:
        self.looking_back.record_reply()

    def action_toggle_last_interaction(self) -> None:
        self.pane.toggle_last_interaction()

    def action_target_employers(self) -> None:
        self.method.target_employers()

    def action_log_touch(self) -> None:
        self.method.log_touch()

    def action_keep_in_touch_tags(self) -> None:
        self.method.keep_in_touch_tags()

    def action_holiday_country(self) -> None:
        self.method.holiday_country()

    def action_note_limit(self) -> None:
        self.method.note_limit()

    def action_merge_contacts(self) -> None:
        self.merging.merge_highlighted()

    def action_possible_duplicates(self) -> None:
        self.merging.review_duplicates()
