"""The draft editor: a template filled for one contact, edited with a live checker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.worker import get_current_worker

from ... import clipboard, paths
from ...domain.draft_checker import Finding, Level, check_draft
from ...domain.outreach import plan_for_sent
from ...domain.pipeline import status_after
from ...domain.templates import (
    TEMPLATES,
    blank_problem,
    choose_variant,
    describe_variant,
    fill,
    leftover_placeholders,
    load_variant,
)
from ...domain.text import one_line
from ...models import Contact
from ...models_activity import Draft
from ...store import Store
from ...usecases.calendar import load_calendar
from ...usecases.letters import letter_values, stage_letter
from ...usecases.outreach import DraftSaved, mark_sent, note_limit, save_draft
from ..commands import bindings
from ..widgets.autosave import Autosave, KeepsTyping
from ..widgets.cut_input import EndsInEllipsis
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader
from ..widgets.safe_text import SafeInput
from ..widgets.safe_text_area import SafeTextArea
from ..workers import background
from .confirm import ConfirmScreen
from .profile_form import ProfileSaved

if TYPE_CHECKING:
    from ..app_host import AppHost

LARGE_TEXT = 20_000
"""Characters above which the checker runs in a thread rather than on each keystroke."""

_MARKS = {Level.OK: ("✓", "green"), Level.WARN: ("!", "yellow"), Level.BAD: ("✗", "red")}


class DraftText(KeepsTyping, SafeTextArea):
    """The letter itself; flushed by the app on quit like every ``KeepsTyping`` widget."""

    HELP_NAME = "Draft editor"
    OPENS_AT_END = False
    """A letter is a filled template, read and edited from the greeting down."""

    def save_now(self) -> None:
        screen = self.screen
        if isinstance(screen, DraftEditor):
            screen.save_now()


class SubjectInput(KeepsTyping, EndsInEllipsis, SafeInput):
    """The subject; cut with "…" when longer than the field and not being edited."""

    HELP_NAME = "Draft editor"

    def save_now(self) -> None:
        screen = self.screen
        if isinstance(screen, DraftEditor):
            screen.save_now()


def _merge_message(saved: DraftSaved) -> str:
    if not saved.clashed:
        return "This letter was also changed in another window: both changes are kept."
    parts = []
    if "body" in saved.clashed:
        parts.append("both versions of the lines you both changed are kept, theirs below")
    if "subject" in saved.clashed:
        parts.append(f"your subject is kept (theirs was “{saved.their_subject}”)")
    return "This letter was also changed in another window: " + "; ".join(parts) + "."


class DraftEditor(KeepsTyping, Screen[None]):
    if TYPE_CHECKING:
        app: AppHost

    BINDINGS = bindings("draft")
    HELP_NAME = "Draft editor"

    DEFAULT_CSS = """
    DraftEditor #draft-main { height: 1fr; }
    DraftEditor #draft-left { width: 3fr; }
    DraftEditor .draft-row { height: 1; margin-bottom: 1; }
    DraftEditor .draft-row Label { width: 10; color: $text-muted; }
    DraftEditor #template { width: 1fr; }
    DraftEditor #subject { width: 1fr; }
    DraftEditor #draft-text { height: 1fr; }
    DraftEditor #checker {
        width: 1fr; min-width: 36; max-width: 56;
        border: round $primary-muted; padding: 0 1;
    }
    DraftEditor #checker-body { height: auto; }
    /* Under 100 columns the letter takes most of the width; the checker's short
       lines wrap in a narrow pane beside it. */
    DraftEditor.-narrow #checker { width: 26; min-width: 0; }
    """

    NARROW = 100
    """Below this width the checker pane narrows so the letter keeps most of it."""

    def __init__(self, store: Store, contact: Contact, template: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.contact = contact
        self.template = template or stage_letter(store, contact)
        """The letter the contact's stage calls for, unless one was asked for by name."""
        self.draft: Draft | None = None
        self._saved: tuple[str, str] = ("", "")
        """Body and subject as last loaded or written: save_now writes only a change."""
        self.autosave = Autosave(self, self._write_if_changed)
        self._fill_warnings: tuple[str, ...] = ()
        self.variant_note = ""
        """Which text the draft started from, as the checker pane says it."""
        self.variant_file = ""
        """The template file it came from (one line in the pane, cut with "…" when narrow:
        a file name has no space to wrap at)."""
        self._findings_shown: tuple[str, ...] = ()
        """The checker pane's text as last drawn (markup of each part)."""

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="draft-main"):
            with Vertical(id="draft-left"):
                with Horizontal(classes="draft-row"):
                    yield Label("Template")
                    yield Select(
                        [(info.title, name) for name, info in TEMPLATES.items()],
                        value=self.template,
                        allow_blank=False,
                        compact=True,
                        id="template",
                    )
                with Horizontal(classes="draft-row"):
                    yield Label("Subject")
                    yield SubjectInput(compact=True, id="subject")
                yield DraftText(id="draft-text", soft_wrap=True)
            with VerticalScroll(id="checker"):
                yield Static(id="checker-body")
        yield CalmFooter()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def on_mount(self) -> None:
        self.sub_title = f"Draft to {one_line(self.contact.name)}"
        self.query_one("#checker").border_title = "Checker"
        self._load(self.template)
        self.query_one(DraftText).focus()

    # --- loading and saving -------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.app.clock.today()

    def _values(self) -> dict[str, str]:
        return letter_values(self.store, self.contact, self.today)

    def on_profile_saved(self, _message: ProfileSaved) -> None:
        """A value given in My profile fills the placeholders still blank in the letter
        at once (the letter the user edited stays as it is otherwise)."""
        text_area, subject_input = self.query_one(DraftText), self.query_one(SubjectInput)
        body, subject = text_area.text, subject_input.value
        if not leftover_placeholders(body + subject):
            return
        values = self._values()
        new_body, new_subject = fill(body, values).text, fill(subject, values).text
        if (new_body, new_subject) == (body, subject):
            return
        cursor = text_area.cursor_location
        with self.prevent(TextArea.Changed, Input.Changed):
            text_area.load_text(new_body)
            subject_input.value = new_subject
        text_area.cursor_location = cursor
        self.autosave.touch()
        self.save_now()
        self._refresh_checker()

    def _load(self, template: str) -> None:
        self.template = template
        contact_id = self.contact.id or 0
        self.draft = self.store.drafts.working(contact_id, template)
        values = self._values()
        variant = choose_variant(
            template,
            purpose=self.contact.purpose,
            referred=bool(values["referred_by"]),
            advice_acted_on=bool(values["advice_acted_on"]),
        )
        if self.draft is not None:
            body, subject = self.draft.body, self.draft.subject
            self._fill_warnings = ()
            self.variant_file = ""
            self.variant_note = (
                f"Your draft in progress (a new one: {describe_variant(variant.names[0])})"
            )
        else:
            text, text_name = load_variant(paths.config_dir() / "templates", variant)
            filled = fill(text, values)
            subject = fill(TEMPLATES[template].subject, values).text
            body = filled.text
            self._fill_warnings = filled.warnings
            self.variant_note = describe_variant(text_name)
            self.variant_file = f"{text_name}.txt"
        text_area = self.query_one(DraftText)
        subject_input = self.query_one(SubjectInput)
        with self.prevent(TextArea.Changed, Input.Changed):
            text_area.load_text(body)
            subject_input.value = subject
        self._saved = (body, subject)
        self.autosave.forget()
        self._refresh_checker()

    def save_now(self) -> None:
        """Write the draft if it changed since the last save."""
        self.autosave.flush()

    def _write_if_changed(self) -> bool:
        current = (self.query_one(DraftText).text, self.query_one(SubjectInput).value)
        if current == self._saved:
            return False
        self._persist()
        return True

    @property
    def save_failed(self) -> bool:
        """Whether the letter on screen is not yet in the file (the disk was full)."""
        return self.autosave.failing

    def _persist(self) -> Draft:
        """Save the letter against the draft as last loaded or saved here: what another
        window saved meanwhile is merged in and shown, and said (never overwritten)."""
        body = self.query_one(DraftText).text
        subject = self.query_one(SubjectInput).value
        # Not saved yet: the letter started from the template as filled in here.
        loaded_body, loaded_subject = self._saved
        base = self.draft or Draft(
            contact_id=self.contact.id or 0,
            template=self.template,
            body=loaded_body,
            subject=loaded_subject,
        )
        saved = save_draft(self.store, replace(base, body=body, subject=subject), base)
        self.draft = saved.draft
        if saved.merged:
            self._show_merged(saved.draft)
            self.notify(_merge_message(saved), severity="warning", timeout=12, markup=False)
        self._saved = (saved.draft.body, saved.draft.subject)
        return self.draft

    def _show_merged(self, draft: Draft) -> None:
        text_area = self.query_one(DraftText)
        subject_input = self.query_one(SubjectInput)
        cursor = text_area.cursor_location
        with self.prevent(TextArea.Changed, Input.Changed):
            if text_area.text != draft.body:
                text_area.load_text(draft.body)
                text_area.cursor_location = cursor
            subject_input.value = draft.subject
        self._refresh_checker()

    @on(TextArea.Changed, "#draft-text")
    def _text_changed(self) -> None:
        self.autosave.touch()
        self._refresh_checker()

    @on(Input.Changed, "#subject")
    def _subject_changed(self) -> None:
        self.autosave.touch()

    @on(Select.Changed, "#template")
    def _template_changed(self, event: Select.Changed) -> None:
        if event.value != self.template and isinstance(event.value, str):
            self.switch_template(event.value)
            self.query_one(DraftText).focus()

    def switch_template(self, template: str) -> None:
        """Save this template's draft, then open *template*'s (each keeps its own)."""
        self.save_now()
        self._load(template)
        select = self.query_one("#template", Select)
        if select.value != template:
            with self.prevent(Select.Changed):
                select.value = template

    # --- the checker --------------------------------------------------------------------

    def findings(self, text: str | None = None) -> list[Finding]:
        return self._checker()(self.query_one(DraftText).text if text is None else text)

    def _checker(self) -> Callable[[str], list[Finding]]:
        """The checker for this template, its settings read here (on the screen's thread:
        a worker running it must not touch the screen's connection)."""
        info = TEMPLATES[self.template]
        return partial(
            check_draft,
            first_contact=info.first_contact,
            expects_question=info.expects_question,
            expects_follow_up_date=info.expects_follow_up_date,
            count_words=not info.is_script,
            today=self.today,
            char_limit=note_limit(self.store) if info.char_limit else None,
        )

    def _refresh_checker(self) -> None:
        body = self.query_one(DraftText).text
        if len(body) > LARGE_TEXT:
            # A huge paste takes the checker a while: keep typing smooth, check off-thread.
            self._check_in_thread(self._checker(), body)
        else:
            self._show_findings(body, self.findings(body))

    @background(thread=True, exclusive=True, group="checker")
    def _check_in_thread(self, checker: Callable[[str], list[Finding]], body: str) -> None:
        findings = checker(body)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_findings, body, findings)

    def _show_findings(self, body: str, findings: list[Finding]) -> None:
        if not self.is_attached:
            return  # a late result from the checker thread after the editor closed
        text = Text()
        for finding in findings:
            mark, colour = _MARKS[finding.level]
            text.append(f"{mark} ", style=f"bold {colour}")
            text.append(finding.message + "\n")
        text.append("\nTemplate: ", style="bold")
        text.append(self.variant_note)
        parts: list[Text] = [text]
        if self.variant_file:
            parts.append(Text(self.variant_file, style="dim", no_wrap=True, overflow="ellipsis"))
        pending = [w for w in self._fill_warnings if w.split(" ", 1)[0] in body]
        if pending:
            placeholders = Text("\nPlaceholders\n", style="bold")
            for warning in pending:
                placeholders.append("! ", style="bold yellow")
                placeholders.append(warning + "\n")
            parts.append(placeholders)
        shown = tuple(part.markup for part in parts)
        if shown != self._findings_shown:
            # Only when they changed: updating the pane lays out the whole editor, and
            # most keys (a letter inside a word) change no finding.
            self._findings_shown = shown
            self.query_one("#checker-body", Static).update(Group(*parts))
        all_good = all(f.level is not Level.BAD for f in findings)
        self.query_one("#checker").border_subtitle = "ready" if all_good else "needs work"

    # --- actions ------------------------------------------------------------------------

    def action_pick_template(self) -> None:
        select = self.query_one("#template", Select)
        select.focus()
        select.action_show_overlay()

    def action_close_draft(self) -> None:
        self.save_now()
        if self.save_failed:
            return  # the letter stays on screen until the disk takes it
        self.dismiss(None)

    def action_copy_draft(self) -> None:
        self._copy(self.query_one(DraftText).text)

    def action_copy_draft_with_subject(self) -> None:
        head = [f"To: {self.contact.email}"] if self.contact.email else []
        head.append(f"Subject: {self.query_one(SubjectInput).value}")
        self._copy("\n".join(head) + "\n\n" + self.query_one(DraftText).text)

    def action_save_to_mail_drafts(self) -> None:
        from .draft_mail import save_letter

        letter = self._kept()
        if self._refused("Not saved to mail drafts", letter.subject + "\n" + letter.body):
            return
        save_letter(self, self.store, self.contact, letter, self.app.clock.now())

    def action_open_in_mail_client(self) -> None:
        from .draft_mail import open_letter

        letter = self._kept()
        if self._refused("Not opened in the mail client", letter.subject + "\n" + letter.body):
            return
        open_letter(self, self.contact, letter)

    def _kept(self) -> Draft:
        """The letter on screen, kept as the draft first (on a full disk, as it stands)."""
        self.autosave.guarded(self._persist)
        base = self.draft or Draft(contact_id=self.contact.id or 0, template=self.template)
        body, subject = self.query_one(DraftText).text, self.query_one(SubjectInput).value
        return replace(base, body=body, subject=subject)

    def _refused(self, action: str, text: str) -> bool:
        """Whether *text* still has a blank: then say which, and where it is filled."""
        problem = blank_problem(text)
        if problem is not None:
            self.notify(f"{action}: {problem}.", title=action, severity="error", markup=False)
        return problem is not None

    def _copy(self, text: str) -> None:
        # The copied letter is kept as the draft; copying works on a full disk too.
        self.autosave.guarded(self._persist)
        if self._refused("Not copied", text):
            return
        self._copy_in_thread(text)

    @background(thread=True, group="clipboard")
    def _copy_in_thread(self, text: str) -> None:
        # Off the event loop: a clipboard program talking to a display that never
        # answers waits until clipboard.py's timeout, and typing must go on meanwhile.
        app = self.app

        def osc52(copied: str) -> None:
            app.call_from_thread(app.copy_to_clipboard, copied)  # the terminal is the loop's

        result = clipboard.copy(text, state_dir=paths.state_dir(), osc52=osc52)
        app.call_from_thread(
            app.notify,
            result.message(),
            title="Copy draft",
            severity="information" if result.clipboard else "warning",
            markup=False,
        )

    def action_mark_sent(self) -> None:
        draft = self._persist()
        if self._refused("Not marked sent", draft.subject + "\n" + draft.body):
            return
        plan = plan_for_sent(
            self.template, draft.body, self.contact, self.today, load_calendar(self.store)
        )
        info = TEMPLATES[self.template]
        lines = [f"Mark the {info.title.lower()} to {self.contact.name} as sent today?"]
        if plan.event is not None:
            status = status_after(plan.event, self.contact.status)
            if status != self.contact.status:
                lines.append(f"Status becomes “{status}”.")
        for followup in plan.followups:
            lines.append(f"Scheduled: {followup.title}, {followup.due_date}.")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            mark_sent(self.store, draft, self.contact, self.app.clock.now())
            scheduled = f" {plan.summary()}" if plan.followups else ""
            self.app.notify(f"Sent {info.title.lower()} logged.{scheduled}", markup=False)
            self.dismiss(None)

        self.app.push_screen(ConfirmScreen("\n".join(lines), confirm_label="Mark sent"), answered)
