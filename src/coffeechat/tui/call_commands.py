"""The commands of the question bank and the live call."""

from __future__ import annotations

from .command import Command


def during_call(
    action: str, title: str, help: str, key: str, *, footer_title: str = "", show: bool = True
) -> Command:
    """A key of the live call: priority, so it works from the note and answer lines,
    where every printable key types (no call key is one)."""
    return Command(
        action, title, help, "call", key, show=show, priority=True, footer_title=footer_title
    )


CALL_COMMANDS: tuple[Command, ...] = (
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
    # During a call no printable key is a command: whatever is typed is a note (the
    # call screen sends letters from anywhere to the note line). The call's keys are
    # ones that do not type (during_call).
    during_call(
        "toggle_asked",
        "Tick question",
        "Tick or un-tick the highlighted question",
        "ctrl+t",
        footer_title="Tick",
    ),
    during_call(
        "switch_line",
        "Answer / note",
        "Type the answer to the highlighted question, or back to the note line",
        "tab",
        footer_title="Answer",
    ),
    during_call(
        "end_call",
        "End call",
        "End the call and open the outcome form",
        "ctrl+e",
        footer_title="End",  # short: the footer keeps f1 Help at 80 columns
    ),
    during_call(
        "previous_question",
        "Previous question",
        "Highlight the question above, also while typing a note",
        "up",
        show=False,
    ),
    during_call(
        "next_question",
        "Next question",
        "Highlight the question below, also while typing a note",
        "down",
        show=False,
    ),
    during_call(
        "back_to_note",
        "Back to the note line",
        "Leave the answer or the search and type notes again",
        "escape",
        show=False,
    ),
    during_call(
        "show_brief",
        "Research beside the call",
        "Show or hide the research brief under the notes; typing stays in the note",
        "ctrl+r",
        footer_title="Research",
    ),
    during_call(
        "show_story",
        "My story beside the call",
        "Show or hide your prepared answers under the notes",
        "ctrl+o",
        footer_title="Story",
        show=False,  # help and palette: the footer keeps f1 Help at 80 columns
    ),
    during_call(
        "call_search",
        "Search beside the call",
        "Find a word in any note, call, outcome or letter; the hit shows under the notes",
        "ctrl+f",
        footer_title="Search",
        show=False,  # help and palette: the footer keeps f1 Help at 80 columns
    ),
    during_call(
        "toggle_timer",
        "Pause or resume timer",
        "Pause or resume the call timer",
        "ctrl+g",
        footer_title="Pause",
        show=False,  # help and palette: the footer keeps f1 Help at 80 columns
    ),
    during_call(
        "scroll_side_up",
        "Scroll research up",
        "Scroll the research, story or search results under the notes",
        "pageup",
        show=False,
    ),
    during_call(
        "scroll_side_down",
        "Scroll research down",
        "Scroll the research, story or search results under the notes",
        "pagedown",
        show=False,
    ),
    Command(
        "leave_call", "Leave call screen", "Back to the contacts; the call keeps running", "call"
    ),
    Command(
        "discard_call",
        "Discard call",
        "A call started by mistake: remove it, the contact as it was before",
        "call",
    ),
    Command(
        "trim_checklist",
        "Trim to fit",
        "Keep the questions the call's length has time for, the referral question last",
        "plan",
        "ctrl+t",
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
