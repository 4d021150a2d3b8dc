"""Every user-facing action, declared once.

Key bindings, footer labels, the command palette and the help screen are all derived
from :data:`COMMANDS`, so a new action is added in one place and shows up everywhere.
A binding's ``id`` is the action name, which is what a user's keymap file rebinds.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from .call_commands import CALL_COMMANDS
from .command import Command
from .looking_back_commands import LOOKING_BACK_COMMANDS
from .method_commands import METHOD_COMMANDS
from .outreach_commands import OUTREACH_COMMANDS
from .research_commands import RESEARCH_COMMANDS
from .sync_commands import SYNC_COMMANDS

__all__ = ["BY_ACTION", "COMMANDS", "Command", "bindings"]

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
        "merge_contacts",
        "Merge contacts",
        "Merge the highlighted contact with another (possible duplicates listed first)",
        "contacts",
        "m",
        show=False,
    ),
    Command(
        "possible_duplicates",
        "Possible duplicates",
        "Review the contacts an import could not tell apart: merge them or keep both",
        "contacts",
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
)
COMMANDS += OUTREACH_COMMANDS + RESEARCH_COMMANDS + CALL_COMMANDS
COMMANDS += LOOKING_BACK_COMMANDS
COMMANDS += METHOD_COMMANDS
COMMANDS += SYNC_COMMANDS

# App-wide commands that are not tied to a pane.
COMMANDS += (Command("change_theme", "Switch theme", "Choose a colour theme (remembered)", "app"),)
COMMANDS += (
    Command(
        "scan_mail",
        "Scan mail",
        "Notice sent letters and replies in your mail now (it runs by itself at start)",
        "app",
    ),
)

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


def bindings(scope: str) -> list[BindingType]:
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
