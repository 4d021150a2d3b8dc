"""The commands of outreach: letters, follow-ups, the agenda, undo and the profile."""

from __future__ import annotations

from .command import Command

OUTREACH_COMMANDS: tuple[Command, ...] = (
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
        "undo",
        "Undo",
        "Undo the last change made by a key: done, snooze, status, archive, delete, merge, "
        "a call started or ended by mistake, a letter marked sent, a tick",
        "app",
        "ctrl+z",
        show=False,
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
        "copy_draft_with_subject",
        "Copy draft with subject",
        "Copy the recipient, the subject and the text, for a mail client's blank message",
        "draft",
    ),
    Command(
        "save_to_mail_drafts",
        "Save to mail drafts",
        "Write the letter into your mail client's drafts folder (a Maildir; [mail] drafts)",
        "draft",
        "ctrl+l",
        priority=True,
        show=False,
    ),
    Command(
        "open_in_mail_client",
        "Open in mail client",
        "Open a new message with this letter in your mail client (a mailto: link)",
        "draft",
        "ctrl+o",
        priority=True,
        show=False,
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
        "space,enter",
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
)
