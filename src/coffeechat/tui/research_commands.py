"""The commands of research: notes, articles, the brief, my story, search."""

from __future__ import annotations

from .command import Command

RESEARCH_COMMANDS: tuple[Command, ...] = (
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
)
