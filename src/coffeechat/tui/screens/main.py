"""The main screen: contact list on the left, the highlighted contact on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, TabbedContent, TabPane
from textual.worker import get_current_worker

from ...domain.contact_filter import ContactFilter
from ...domain.text import one_line
from ...store import ContactRow, Store
from ..commands import bindings
from ..first_frame import after_first_frame
from ..key_order import focus_at_end
from ..long_lived import freeze_long_lived
from ..undone import Undone
from ..widgets.contact_list import ContactList
from ..widgets.contact_pane import ContactPane
from ..widgets.footer import CalmFooter
from ..widgets.profile import ProfileView
from ..workers import background
from .detail_mount import DetailMount
from .looking_back_actions import LookingBackActions
from .merge_actions import MergeActions
from .method_actions import MethodActions
from .research_actions import ResearchActions

if TYPE_CHECKING:
    from ...models import Contact, Status
    from ...usecases.calls import Plan


# Screens opened by an action, and the use cases it calls, are imported inside it: the
# first paint of the contact list should not wait for modules it does not show.
class MainScreen(
    LookingBackActions, ResearchActions, MethodActions, MergeActions, DetailMount, Screen[None]
):
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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield ContactPane(today=self.app.clock.today(), id="contacts")
            with TabbedContent(id="detail"):
                with TabPane("Profile", id="tab-profile"):
                    yield ProfileView(id="profile")
                # Research, Interviews and Timeline are added one frame later
                # (mount_detail): not needed for the first paint.
        yield CalmFooter()

    FIRST_PAGE = 200
    """Rows read before the first paint; the rest arrive from a worker thread."""

    NARROW = 100
    """Below this width the detail tabs close up so all four names fit."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def on_mount(self) -> None:
        self.restore_last_interaction()
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
        if not first and getattr(self.app, "show_welcome", True):
            self._welcome()

    def _welcome(self) -> None:
        """An empty database opens on the welcome, until it was once dismissed."""
        # Imported here: a database with contacts never shows it.
        from ...usecases.first_run import welcome_due
        from .welcome import WelcomeScreen

        if welcome_due(self.store):
            # After the first paint, so the empty list shows behind the welcome.
            label = getattr(self.app, "db_label", "")
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
            "my_story": self.action_my_story,
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
        label = getattr(self.app, "db_label", "")
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
        self._read_rows_in_thread(self._rows_generation, self.show_archived, self.pane.row_filter)

    @background(thread=True, exclusive=True, group="contact-rows")
    def _read_rows_in_thread(
        self, generation: int, include_archived: bool, shown: ContactFilter[ContactRow]
    ) -> None:
        # Its own connection: a sqlite3 connection belongs to the thread that made it.
        known = {row: row for row in list(shown.rows)}  # copied first: patch() may edit it
        with self.store.database.reader() as conn:
            rows = self.store.contacts.rows(include_archived, conn=conn, reuse=known)
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
        self.show_detail(self.contact)

    def show_detail(self, contact: Contact | None) -> None:
        if self.detail_mounted.is_set():
            self._research().show(contact)
            self._show_looking_back(contact)

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
        from ...usecases import contacts
        from .status_picker import StatusPicker

        contact = self.contact
        if contact is None:
            return

        def chosen(status: Status | None) -> None:
            if status is not None and contact.id is not None:
                changed = contacts.change_status(
                    self.store, contact.id, status, self.app.clock.today()
                )
                self.reload(keep_id=contact.id)
                self.app.offer_undo(f"{contact.name}: {status}", changed.undo)

        self.app.push_screen(StatusPicker(contact.status, contact.name), chosen)

    def action_toggle_archive(self) -> None:
        from ...usecases import contacts

        contact = self.contact
        if contact is None or contact.id is None:
            return
        undo = contacts.set_archived(self.store, contact.id, not contact.archived)
        self.reload(keep_id=contact.id)
        done = "Restored" if contact.archived else "Archived"
        hint = "" if contact.archived or self.show_archived else " (palette: Show archived)"
        self.app.offer_undo(f"{done} {contact.name}{hint}", undo)

    def action_delete_contact(self) -> None:
        from ...usecases import contacts
        from .confirm import ConfirmScreen

        contact = self.contact
        if contact is None or contact.id is None:
            return
        contact_id = contact.id

        def answered(yes: bool | None) -> None:
            if yes:
                undo = contacts.delete_contact(self.store, contact_id)
                self.reload(keep_id=contact_id)  # its row goes at once
                self.app.offer_undo(f"Deleted {contact.name}", undo)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {contact.name} and every note, draft and follow-up about them? "
                "Undo brings them back until your next change.",
                confirm_label="Delete",
            ),
            answered,
        )

    def action_refresh(self) -> None:
        """Show what another instance or a command-line import wrote meanwhile."""
        self.reload(keep_id=self.contact.id if self.contact else None)
        self.notify("Refreshed from the database")

    def action_toggle_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload(keep_id=self.contact.id if self.contact else None)
        self.notify("Showing archived contacts" if self.show_archived else "Archived hidden")

    # --- import and export ----------------------------------------------------------

    def action_import_file(self) -> None:
        self._transfer("import")

    def action_export_file(self) -> None:
        self._transfer("export")

    def _transfer(self, mode: str) -> None:
        from .transfer import TransferScreen

        def done(report: str | None) -> None:
            if report is None:
                return
            self.reload(keep_id=self.contact.id if self.contact else None)
            self.notify(report, markup=False, timeout=8)

        self.app.push_screen(TransferScreen(mode, self.store), done)

    # --- outreach -----------------------------------------------------------------------

    def action_draft_email(self) -> None:
        from .draft_editor import DraftEditor

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        self.app.push_screen(
            DraftEditor(self.store, contact), lambda _: self.reload(keep_id=contact.id)
        )

    def action_agenda(self) -> None:
        from .agenda import AgendaScreen

        keep = self.contact.id if self.contact else None
        self.app.push_screen(AgendaScreen(self.store), lambda _: self.reload(keep_id=keep))

    # --- calls ----------------------------------------------------------------------------

    def action_start_call(self) -> None:
        """Open the call screen: pick up a call in progress or a planned interview, else
        start a fresh one (30 minutes by phone, default questions)."""
        from ...usecases import calls
        from .call import CallScreen

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        started = calls.start_call(self.store, contact.id, self.app.clock.now())
        interview = started.interview
        assert interview.id is not None
        self.app.push_screen(CallScreen(self.store, interview.id, contact), self._call_closed)

    def _call_closed(self, interview_id: int | None) -> None:
        self.reload(keep_id=self.contact.id if self.contact else None)
        if interview_id is not None:
            self.app.open_outcome(interview_id)

    def action_plan_interview(self) -> None:
        """Date, medium, length and the ordered checklist of the contact's next interview."""
        from ...domain.purposes import suggested_questions
        from ...models import Medium
        from ...models_activity import Question
        from ...usecases import calls
        from ...usecases.question_bank import default_checklist, the_bank
        from .modal import Saving
        from .plan_interview import PlanInterview

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted: press n to add one.", severity="warning")
            return
        interviews = self.store.interviews
        planned = interviews.open_for(contact.id)
        if planned is not None and planned.state == "in progress":
            self.notify("A call with them is in progress: press c to return to it.")
            return
        # The questions the contact's purpose calls for come first, then the bank,
        # without repeating one the bank already has.
        bank = the_bank(self.store)
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
            picked = default_checklist(self.store, 30)
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
        store = self.store

        def save(plan: Plan, base: Plan | None) -> Plan | None:
            # Against the plan as the dialog loaded it: a re-plan saved in another
            # window meanwhile is merged, or asked about (Modal.finish).
            try:
                interview = calls.save_plan(store, contact_id, plan, self.app.clock.now(), base)
            except calls.CallInProgress:
                self.notify("A call with them is in progress: press c to return to it.")
                return None
            return calls.stored_plan(store, interview)

        def saved(plan: Plan | None) -> None:
            if plan is None:
                return
            self.reload(keep_id=contact_id)
            when = plan.scheduled_at.replace("T", " ") or "no date yet"
            self.notify(
                f"Interview planned: {when}, {plan.medium}, {plan.length_minutes} min, "
                f"{len(plan.questions)} questions",
                markup=False,
            )

        base = calls.stored_plan(store, planned) if planned and planned.id else None
        self.app.push_screen(screen.saves_with(Saving(save, base)), saved)
