"""Commands for the method around the interviews: target employers, keeping in touch,
holidays, and a colleague to write to when the first person does not answer."""

from __future__ import annotations

from .command import Command

METHOD_COMMANDS: tuple[Command, ...] = (
    Command(
        "target_employers",
        "Target employers",
        "Organizations ranked by Motivation, Posting and Advocacy (LAMP); the top five first",
        "contacts",
    ),
    Command(
        "log_touch",
        "Log a touch",
        "I was in touch with the highlighted contact today (keeping in touch counts from it)",
        "contacts",
    ),
    Command(
        "mark_advice",
        "Mark advice acted on",
        "Tick the advice from the highlighted contact's latest call that you acted on "
        "(their referrer hears how it went)",
        "contacts",
    ),
    Command(
        "advice_acted_on",
        "Advice acted on",
        "Tick the advice from the highlighted call that you acted on",
        "interviews",
        "a",
        footer_title="Advice",
    ),
    Command(
        "toggle_last_interaction",
        "Last interaction column",
        "Show or hide how long ago your last letter, call, reply or touch was (remembered)",
        "contacts",
        "l",
        show=False,
    ),
    Command(
        "keep_in_touch_tags",
        "Keep in touch by tag…",
        "How often to get back in touch with people by tag, e.g. alumni=60",
        "contacts",
    ),
    Command(
        "holiday_country",
        "Holidays: country…",
        "Skip your country's public holidays when counting business days",
        "contacts",
    ),
    Command(
        "note_limit",
        "LinkedIn note limit…",
        "200 or 300 characters for a connection note (free or premium account)",
        "contacts",
    ),
    Command(
        "add_colleague",
        "Add someone there",
        "A new contact at the highlighted item's organization (the second person to write to)",
        "agenda",
        "n",
        show=False,  # the nudge it serves says "n adds a contact"; the footer is full at 80
    ),
    Command(
        "rate_employer",
        "Rate employer",
        "Motivation, Posting, Advocacy and status of the highlighted organization",
        "employers",
        "e",
        footer_title="Rate",
    ),
    Command(
        "employer_contacts",
        "Show its contacts",
        "Filter the contact list to the highlighted organization",
        "employers",
        "enter",
        footer_title="Contacts",
    ),
    Command("close_employers", "Close", "Back to the contacts", "employers", "escape"),
)
