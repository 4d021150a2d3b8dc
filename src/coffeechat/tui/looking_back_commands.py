"""The commands of looking back: the interviews tab, the referral tree, the stats."""

from __future__ import annotations

from .command import Command

LOOKING_BACK_COMMANDS: tuple[Command, ...] = (
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
        "show_profile",
        "Profile",
        "Back to the highlighted contact's profile (after research, a search or the timeline)",
        "contacts",
        "p",
        show=False,  # help and palette only: the footer keeps room for c Call at 80 columns
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
        "They answered my letter today (stats use reply times); or change the kind of a "
        "reply noticed in your mail",
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
        "toggle_call_record",
        "Call notes beside the outcome",
        "Show or hide the call's notes and answers next to the outcome form",
        "outcome",
        "ctrl+l",
        priority=True,
        footer_title="Notes",
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
