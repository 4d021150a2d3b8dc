"""Every user-facing action, declared once.

Key bindings, footer labels, the command palette and the help screen are all derived
from :data:`COMMANDS`, so a new action is added in one place and shows up everywhere.
A binding's ``id`` is the action name, which is what a user's keymap file rebinds.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    action: str
    """The Textual action run by the key and the palette (``action_<name>`` on the screen)."""
    title: str
    """The plain name shown in the palette, the footer and the help screen."""
    help: str
    """One sentence on what it does, shown in the palette and the help screen."""
    scope: str
    """Where the key works: "app", "contacts", "call", ... (help groups keys by it)."""
    key: str = ""
    """Default key(s), comma separated; empty for palette-only commands."""
    show: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    """Whether the key works even when a text input has focus."""
    footer_title: str = ""
    """A shorter label for the footer, where space is tight."""


COMMANDS: tuple[Command, ...] = (
    Command(
        "help",
        "Help",
        "Show the keys of the focused pane and a short guide",
        "app",
        "f1,question_mark",
        footer_title="Help",
    ),
    Command("quit", "Quit", "Save everything and quit", "app", "ctrl+q", priority=True),
    Command(
        "focus_filter",
        "Filter contacts",
        "Type to filter by name, organization, title, email or tag",
        "contacts",
        "slash",
        footer_title="Filter",
    ),
    Command("new_contact", "New contact", "Add a contact", "contacts", "n", footer_title="New"),
    Command(
        "edit_contact",
        "Edit contact",
        "Open the highlighted contact's form",
        "contacts",
        "enter",
        show=False,
    ),
    Command(
        "change_status",
        "Change pipeline status",
        "Move the highlighted contact along the pipeline",
        "contacts",
        "s",
        footer_title="Status",
        show=False,  # help and palette only: the footer keeps room for c Call at 80 columns
    ),
    Command(
        "toggle_archive",
        "Archive contact",
        "Archive or restore the highlighted contact",
        "contacts",
        "x",
        show=False,
    ),
    Command(
        "delete_contact",
        "Delete contact",
        "Forget the highlighted contact and everything about them",
        "contacts",
        "delete",
        show=False,
    ),
    Command(
        "toggle_show_archived",
        "Show archived contacts",
        "Show or hide archived contacts in the list",
        "contacts",
    ),
    # Import and export
    Command(
        "import_file",
        "Import…",
        "Import contacts from LinkedIn, vCard or CSV, or restore a JSON backup",
        "contacts",
    ),
    Command(
        "export_file",
        "Export…",
        "Export a JSON backup, CSV, vCard, Markdown report or iCalendar file",
        "contacts",
    ),
    # --- outreach: drafts, follow-ups, agenda ----------------------------------------
    Command(
        "draft_email",
        "Draft email",
        "Draft a letter to the highlighted contact from a template",
        "contacts",
        "d",
        footer_title="Draft",
    ),
    Command("agenda", "Agenda", "What is overdue, due today and coming up", "contacts", "a"),
    Command(
        "edit_profile", "My profile", "Your name, background, email and phone for letters", "app"
    ),
    Command(
        "copy_draft",
        "Copy draft to clipboard",
        "Copy the subject and text to paste into your mail client",
        "draft",
        "ctrl+b",
        priority=True,
        footer_title="Copy",
    ),
    Command(
        "mark_sent",
        "Mark draft as sent",
        "Log the letter as sent today and schedule the follow-up it promised",
        "draft",
        "ctrl+s",
        priority=True,
        footer_title="Mark sent",
    ),
    Command(
        "pick_template",
        "Choose template",
        "Switch to another template (each keeps its own draft)",
        "draft",
        "ctrl+t",
        priority=True,
        footer_title="Template",
    ),
    Command(
        "close_draft", "Close draft", "Save and go back", "draft", "escape", footer_title="Back"
    ),
    Command(
        "followup_done",
        "Follow-up done",
        "Mark the highlighted item done",
        "agenda",
        "space",
        footer_title="Done",
    ),
    Command(
        "followup_snooze",
        "Snooze follow-up",
        "Move the highlighted item one business day later",
        "agenda",
        "z",
        footer_title="Snooze",
    ),
    Command(
        "followup_reschedule",
        "Reschedule follow-up",
        "Pick a new date for the highlighted item",
        "agenda",
        "r",
        footer_title="Reschedule",
    ),
    Command(
        "close_agenda",
        "Close agenda",
        "Go back to the contacts",
        "agenda",
        "escape",
        footer_title="Back",
    ),
    # --- research: notes, articles, brief, my story, search ---------------------------
    Command(
        "research",
        "Research",
        "Open the Research tab: notes on the person and the organization, goals, articles",
        "contacts",
        "r",
        show=False,  # help and palette only: the footer keeps room for c Call at 80 columns
    ),
    Command(
        "brief",
        "Brief",
        "Goals, research, articles read and prepared questions for the highlighted contact",
        "contacts",
        "b",
        show=False,  # help and palette only: the footer keeps room for c Call at 80 columns
    ),
    Command(
        "search_notes",
        "Search notes",
        "Find any note or article by a word in it and jump to it",
        "contacts",
        "ctrl+f",
        priority=True,
        footer_title="Search",
        show=False,  # help and palette only: the footer keeps room for c Call at 80 columns
    ),
    Command(
        "my_story",
        "My story",
        "Edit your prepared answers: why this school, that job, why you left, strengths",
        "contacts",
    ),
    Command(
        "back_to_list",
        "Back to the contact list",
        "Leave the note or list you are in and return to the contacts",
        "contacts",
        "escape",
        show=False,
    ),
    Command(
        "toggle_preview",
        "Toggle Markdown preview",
        "Show the note rendered as Markdown, or back to editing",
        "notes",
        "ctrl+t",
        footer_title="Preview",
    ),
    Command(
        "edit_in_editor",
        "Edit note in $EDITOR",
        "Open the note in your own editor; it is read back when the editor exits",
        "notes",
        "ctrl+o",
        footer_title="$EDITOR",
    ),
    Command("add_article", "Add article", "Add an article, paper or link", "articles", "n"),
    Command("edit_article", "Edit article", "Edit the highlighted article", "articles", "enter"),
    Command(
        "toggle_read",
        "Mark article read",
        "Mark the highlighted article read or unread",
        "articles",
        "space",
        footer_title="Read",
    ),
    Command(
        "delete_article",
        "Delete article",
        "Delete the highlighted article (asks first)",
        "articles",
        "delete",
        show=False,
    ),
    # --- question bank and live call ---------------------------------------------------
    Command(
        "start_call",
        "Start call",
        "Open the call screen for the highlighted contact (picks up a call in progress)",
        "contacts",
        "c",
        footer_title="Call",
    ),
    Command(
        "plan_interview",
        "Plan interview",
        "Date, medium, length and the question checklist for the highlighted contact",
        "contacts",
        "i",
        show=False,
    ),
    Command("question_bank", "Question bank", "Add, edit, reorder and delete questions", "app"),
    Command(
        "toggle_asked",
        "Tick question",
        "Tick or un-tick the highlighted question",
        "call",
        "space",
        footer_title="Tick",
    ),
    Command(
        "focus_note",
        "Note",
        "Type a note; enter commits it, stamped with the minute and the highlighted question",
        "call",
        "n",
    ),
    Command(
        "focus_answer",
        "Answer note",
        "Note the answer to the highlighted question",
        "call",
        "a",
        footer_title="Answer",
    ),
    Command(
        "end_call",
        "End call",
        "End the call and open the outcome form",
        "call",
        "ctrl+e",
        priority=True,
    ),
    Command(
        "previous_question",
        "Previous question",
        "Highlight the question above, also while typing a note",
        "call",
        "up",
        show=False,
    ),
    Command(
        "next_question",
        "Next question",
        "Highlight the question below, also while typing a note",
        "call",
        "down",
        show=False,
    ),
    Command(
        "leave_input", "Back to checklist", "Leave the note input", "call", "escape", show=False
    ),
    Command(
        "toggle_timer",
        "Pause or resume timer",
        "Pause or resume the call timer",
        "call",
        "p",
        footer_title="Pause",
    ),
    Command(
        "show_story",
        "My story",
        "Your prepared answers to what they will ask you",
        "call",
        "s",
        footer_title="Story",
    ),
    Command(
        "show_brief",
        "Research brief",
        "Research notes on this contact",
        "call",
        "r",
        footer_title="Brief",
    ),
    Command(
        "leave_call", "Leave call screen", "Back to the contacts; the call keeps running", "call"
    ),
    Command(
        "new_question",
        "New question",
        "Add a question to the bank",
        "questions",
        "n",
        footer_title="New",
    ),
    Command(
        "edit_question",
        "Edit question",
        "Change the highlighted question's text or group",
        "questions",
        "e",
        footer_title="Edit",
    ),
    Command(
        "move_question_up",
        "Move question up",
        "Move the highlighted question up",
        "questions",
        "shift+up",
        footer_title="Up",
    ),
    Command(
        "move_question_down",
        "Move question down",
        "Move the highlighted question down",
        "questions",
        "shift+down",
        footer_title="Down",
    ),
    Command(
        "toggle_default",
        "Toggle default question",
        "Put the question in or out of the default set a call starts with",
        "questions",
        "d",
        footer_title="Default",
    ),
    Command(
        "delete_question",
        "Delete question",
        "Remove the highlighted question from the bank",
        "questions",
        "delete",
        footer_title="Delete",
    ),
)

# Looking back: outcomes, referrals, timeline, referral tree and stats.
COMMANDS += (
    Command(
        "record_outcome",
        "Record outcome",
        "Outcome, next steps and referrals of the highlighted contact's latest call",
        "contacts",
        "o",
        footer_title="Outcome",
    ),
    Command(
        "referral_tree",
        "Referral tree",
        "Who led to whom, from the highlighted contact (m in the tree: whole network)",
        "contacts",
        "t",
        footer_title="Tree",
    ),
    Command(
        "show_interviews",
        "Interviews",
        "The highlighted contact's calls; enter opens an outcome",
        "contacts",
    ),
    Command("show_timeline", "Timeline", "Every letter, call, note and follow-up", "contacts"),
    Command("stats", "Stats", "Letters, replies, calls, referrals, confidence", "contacts"),
    Command(
        "record_reply",
        "Record reply",
        "They answered my letter today (stats use reply times)",
        "contacts",
    ),
    Command(
        "open_interview",
        "Open outcome",
        "Open the highlighted call's outcome form",
        "interviews",
        "enter",
        footer_title="Outcome",
    ),
    Command(
        "save_outcome",
        "Save outcome",
        "Check the form and save outcome, next steps and referrals",
        "outcome",
        "ctrl+s",
        priority=True,
        footer_title="Save",
    ),
    Command("cancel_outcome", "Cancel", "Close without saving", "outcome", "escape"),
    Command(
        "add_next_step",
        "Add next step",
        "A new next step row (what, and a due date)",
        "outcome",
        "ctrl+n",
        priority=True,
        footer_title="Step",
    ),
    Command(
        "add_referral",
        "Add referral",
        "A new referral row (name, title, organization, how to reach)",
        "outcome",
        "ctrl+r",
        priority=True,
        footer_title="Referral",
    ),
    Command(
        "remove_row",
        "Remove row",
        "Remove the next step or referral row that has the focus",
        "outcome",
        "ctrl+d",
        priority=True,
        footer_title="Remove row",
    ),
    Command(
        "whole_network",
        "Whole network",
        "Switch the tree between this contact and everyone you were referred through",
        "tree",
        "m",
        footer_title="Whole network",
    ),
    Command(
        "go_to_contact",
        "Go to contact",
        "Close the tree and highlight this contact in the list",
        "tree",
        "g",
        footer_title="Go to",
    ),
    Command("close_view", "Close", "Back to the contacts", "tree", "escape"),
    Command("close_stats", "Close", "Back to the contacts", "stats", "escape"),
)

# App-wide commands that are not tied to a pane.
COMMANDS += (Command("change_theme", "Switch theme", "Choose a colour theme (remembered)", "app"),)

# Reliability: another window (or a command-line import) may have written to the file.
COMMANDS += (
    Command(
        "refresh",
        "Refresh",
        "Re-read the contacts from the database (changes made in another window)",
        "contacts",
        "ctrl+r",
        show=False,
    ),
)

BY_ACTION = {command.action: command for command in COMMANDS}


def bindings(scope: str) -> list[Binding]:
    """The bindings of every command in *scope* that has a key."""
    return [
        Binding(
            command.key,
            command.action,
            command.footer_title or command.title,
            show=command.show,
            priority=command.priority,
            id=command.action,
            tooltip=command.help,
        )
        for command in COMMANDS
        if command.scope == scope and command.key
    ]


def in_scope(scope: str) -> list[Command]:
    return [command for command in COMMANDS if command.scope == scope]
