"""Draft templates: the defaults that ship, user copies, and safe placeholder filling.

Placeholders are ``${name}`` (``string.Template`` syntax). Filling a template only ever
substitutes plain strings: user text is never evaluated or formatted, and a placeholder
we do not know, or one with no value yet, is left in the text and reported as a warning.

A part of a template between ``[[`` and ``]]`` is optional: it is kept (without the
brackets) when every placeholder in it has a value, and removed whole when one has none,
so a letter never says "I will write to ${people_suggested}" when nobody was suggested.
A placeholder outside such a part that has no value stays in the text, and the letter
cannot be copied or marked sent until it is filled (:func:`blank_problem`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

from ..safe_files import write_file
from ..safe_reading import read_text
from .letter_names import (
    CALL_CONFIRMATION,
    FOLLOW_UP_CALL,
    INTRO,
    KEEP_IN_TOUCH_NOTE,
    LINKEDIN_NOTE,
    REFERRAL_REQUEST,
    REFERRER_UPDATE,
    THANK_YOU,
)
from .purposes import SLUGS, known_purpose


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    """File name stem and the value stored in ``drafts.template``."""
    title: str
    first_contact: bool
    """First contact with this person: the stricter word count applies."""
    expects_question: bool
    expects_follow_up_date: bool
    is_script: bool = False
    """Read aloud on a call rather than sent: no word-count limits."""
    subject: str = ""
    char_limit: bool = False
    """Measured in characters against LinkedIn's limit for a connection note."""


NOTE_LIMITS = (200, 300)
"""LinkedIn's limits on a connection note: 200 characters for free accounts (since
2023), 300 for premium ones. A setting chooses which applies."""
INTRO_REFERRED = "intro_letter_referred"
"""The intro letter's text for a contact someone referred you to: it names them. Saved
and sent as an intro letter (same checks, same 3B7 follow-ups)."""

REFERRER_UPDATE_ADVICE = "referrer_update_advice"
"""The update to a referrer once advice from the person they referred you to was acted
on: it names the advice. Saved and sent as an update to the referrer."""

TEMPLATES: dict[str, TemplateInfo] = {
    INTRO: TemplateInfo(
        INTRO,
        "Intro letter",
        first_contact=True,
        expects_question=True,
        expects_follow_up_date=True,
        subject="A question about your work at ${organization}",
    ),
    FOLLOW_UP_CALL: TemplateInfo(
        FOLLOW_UP_CALL,
        "Follow-up call script",
        first_contact=False,
        expects_question=True,
        expects_follow_up_date=False,
        is_script=True,
    ),
    THANK_YOU: TemplateInfo(
        THANK_YOU,
        "Thank-you note",
        first_contact=False,
        expects_question=False,
        expects_follow_up_date=False,
        subject="Thank you, ${contact_first_name}",
    ),
    REFERRAL_REQUEST: TemplateInfo(
        REFERRAL_REQUEST,
        "Referral request",
        first_contact=False,
        expects_question=True,
        expects_follow_up_date=True,
        subject="Could you introduce me to someone?",
    ),
    LINKEDIN_NOTE: TemplateInfo(
        LINKEDIN_NOTE,
        "LinkedIn connection note",
        first_contact=True,
        expects_question=True,
        expects_follow_up_date=False,
        char_limit=True,
    ),
    REFERRER_UPDATE: TemplateInfo(
        REFERRER_UPDATE,
        "Update to the referrer",
        first_contact=False,
        expects_question=False,
        expects_follow_up_date=False,
        subject="I spoke with ${talked_to}",
    ),
    CALL_CONFIRMATION: TemplateInfo(
        CALL_CONFIRMATION,
        "Call confirmation",
        first_contact=False,
        expects_question=False,
        expects_follow_up_date=False,
        subject="Our call[[ on ${call_date}]]",
    ),
    KEEP_IN_TOUCH_NOTE: TemplateInfo(
        KEEP_IN_TOUCH_NOTE,
        "Keep-in-touch note",
        first_contact=False,
        expects_question=True,
        expects_follow_up_date=False,
        subject="Catching up",
    ),
}


PURPOSE_VARIANTS = frozenset({INTRO, INTRO_REFERRED, FOLLOW_UP_CALL, THANK_YOU})
"""Texts that have a variant per usual purpose: ``<name>.<purpose slug>.txt``."""

_SITUATIONS = {
    INTRO_REFERRED: "naming who referred you",
    REFERRER_UPDATE_ADVICE: "with the advice you acted on",
}
_PURPOSE_OF_SLUG = {slug: purpose for purpose, slug in SLUGS.items()}


@dataclass(frozen=True, slots=True)
class Variant:
    """Which text a new draft of *template* starts from: the purpose's wording when the
    contact has a usual purpose, the referred or advice version when that applies."""

    template: str
    names: tuple[str, ...]
    """Text names to try in order (file stems): the most specific first, the plain
    template's text last."""


def choose_variant(
    template: str, *, purpose: str = "", referred: bool = False, advice_acted_on: bool = False
) -> Variant:
    """The variant of *template* for a contact with *purpose*; *referred*: someone
    referred them and may be named; *advice_acted_on*: (an update to a referrer) advice
    from the call they led to was acted on."""
    base = template
    if template == INTRO and referred:
        base = INTRO_REFERRED
    elif template == REFERRER_UPDATE and advice_acted_on:
        base = REFERRER_UPDATE_ADVICE
    names = [base] if base == template else [base, template]
    known = known_purpose(purpose)
    if known and base in PURPOSE_VARIANTS:
        names.insert(0, f"{base}.{SLUGS[known]}")
    return Variant(template, tuple(names))


def describe_variant(name: str) -> str:
    """How the draft editor names the text a draft started from: ``Intro letter for
    patient groups, naming who referred you``; ``Thank-you note, general``."""
    base, _, slug = name.partition(".")
    template = INTRO if base == INTRO_REFERRED else base
    if base == REFERRER_UPDATE_ADVICE:
        template = REFERRER_UPDATE
    info = TEMPLATES.get(template)
    words = info.title if info else base.replace("_", " ")
    if slug in _PURPOSE_OF_SLUG:
        words += f" for {_PURPOSE_OF_SLUG[slug]}"
    if base in _SITUATIONS:
        words += f", {_SITUATIONS[base]}"
    elif not slug:
        words += ", general"
    return words


def load_variant(folder: Path, variant: Variant) -> tuple[str, str]:
    """(text, name) of the first of the variant's texts that is not blank, from the
    user's copies in *folder*. Emptying a variant's file is how a user says "use the
    general text for this purpose" (every variant is a file they can edit)."""
    for name in variant.names:
        text = load_user_template(folder, name)
        if text.strip():
            return text, name
    return default_text(variant.template), variant.template


def variant_names() -> list[str]:
    """Every text that ships: each template, the referred and advice versions and
    every purpose variant (for the checker's test and the README)."""
    names = [*TEMPLATES, INTRO_REFERRED, REFERRER_UPDATE_ADVICE]
    for base in sorted(PURPOSE_VARIANTS):
        names += [f"{base}.{slug}" for slug in SLUGS.values()]
    return names


def default_text(name: str) -> str:
    """The text that ships with the app (``default_templates/<name>.txt``)."""
    return (files(__package__) / "default_templates" / f"{name}.txt").read_text("utf-8")


#: Every placeholder a template may use, with what it stands for (shown in the editor).
PLACEHOLDERS: dict[str, str] = {
    "contact_name": "the contact's full name",
    "contact_first_name": "how you greet the contact: their given name, or the form chosen "
    "for them (Greeting, in the contact form)",
    "contact_title": "the contact's job title",
    "a_contact_title": "the contact's job title with its article (a Science Writer)",
    "organization": "the contact's organization",
    "my_name": "your name (My profile)",
    "my_first_name": "your first name (My profile)",
    "my_background": "one line on your background (My profile)",
    "my_email": "your email (My profile)",
    "my_phone": "your phone (My profile)",
    "referred_by": "who referred you to them (when they said you may use their name)",
    "connection": "how you know of them, as a sentence (How found, a read article)",
    "their_advice": "their advice, from the call's outcome (a list stays a list)",
    "people_suggested": "the people they suggested (the outcome's referrals)",
    "follow_up_date": "the day you promise to follow up (7 business days out)",
    "letter_date": "the day the intro letter was sent",
    "call_date": "the day of the call",
    "today": "today's date",
    "talked_to": "the person they referred you to whom you talked to last",
    "advice_acted_on": "every piece of advice you acted on since your last update to them",
}

_PROFILE = "My profile (ctrl+p, My profile)"
_CONTACT_FORM = "the contact's form (enter on the contact)"
_OUTCOME = "the call's outcome (o on the contact)"
SOURCES: dict[str, str] = {
    "contact_name": _CONTACT_FORM,
    "contact_first_name": _CONTACT_FORM,
    "contact_title": _CONTACT_FORM,
    "a_contact_title": _CONTACT_FORM,
    "organization": _CONTACT_FORM,
    "my_name": _PROFILE,
    "my_first_name": _PROFILE,
    "my_background": _PROFILE,
    "my_email": _PROFILE,
    "my_phone": _PROFILE,
    "referred_by": "Referred by in the contact's form, and their permission in the outcome",
    "connection": "How found in the contact's form, or a read article (r on the contact)",
    "their_advice": _OUTCOME,
    "people_suggested": _OUTCOME,
    "follow_up_date": "the calendar (always filled)",
    "letter_date": "the intro letter marked sent (ctrl+s in its draft)",
    "call_date": "a call planned or held (i or c on the contact)",
    "today": "the clock (always filled)",
    "talked_to": "a call with someone they referred you to (c on that contact)",
    "advice_acted_on": "advice marked acted on (a in that contact's Interviews)",
}
"""Where each placeholder's value really comes from, and the key that fills it there."""

_PLACEHOLDER = re.compile(r"\$(?:\{(?P<braced>[^{}\s]*)\}|(?P<named>[_a-zA-Z][_a-zA-Z0-9]*))")


def format_day(day: date) -> str:
    """How dates appear in letters: ``Wednesday, March 25``."""
    return f"{day:%A}, {day:%B} {day.day}"


@dataclass(frozen=True, slots=True)
class Filled:
    text: str
    warnings: tuple[str, ...] = ()


_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def _placeholder_names(text: str) -> list[str]:
    names = []
    for match in _PLACEHOLDER.finditer(text):
        if text[max(0, match.start() - 1) : match.start()] == "$":
            continue  # "$$" is an escaped dollar sign
        names.append(match.group("braced") if match.group("braced") is not None else match["named"])
    return names


def drop_unfilled_parts(template_text: str, known: Mapping[str, str]) -> str:
    """Keep each ``[[optional part]]`` whose placeholders all have a value (without the
    brackets); remove the others whole. Brackets that do not pair stay as written."""

    def keep_or_drop(match: re.Match[str]) -> str:
        inner = match.group(1)
        return inner if all(known.get(n) for n in _placeholder_names(inner)) else ""

    return _OPTIONAL.sub(keep_or_drop, template_text)


def fill(template_text: str, values: Mapping[str, str]) -> Filled:
    """Substitute the placeholders that have a value; report the others.

    Optional parts (``[[…]]``) with a placeholder that has no value are removed first.
    A known placeholder with an empty value and an unknown one outside them both stay in
    the text as written, so the user sees exactly what still needs a word from them.
    """
    known = {key: value for key, value in values.items() if value}
    template_text = drop_unfilled_parts(template_text, known)
    warnings: list[str] = []
    seen: set[str] = set()
    for match in _PLACEHOLDER.finditer(template_text):
        if template_text[max(0, match.start() - 1) : match.start()] == "$":
            continue  # "$$" is an escaped dollar sign
        name = match.group("braced") if match.group("braced") is not None else match["named"]
        if name in seen or name in known:
            continue
        seen.add(name)
        if name in PLACEHOLDERS:
            warnings.append(f"${{{name}}} has no value yet: {PLACEHOLDERS[name]}")
        else:
            warnings.append(f"${{{name}}} is not a placeholder coffeechat knows")
    # safe_substitute inserts the strings as they are and never raises on the unknown.
    text = string.Template(template_text).safe_substitute(known)
    # A removed part or a list value may leave spaces at a line's end.
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return Filled(text, tuple(warnings))


def leftover_placeholders(text: str) -> list[str]:
    """``${name}`` still in a draft (forgotten blanks)."""
    return sorted({m.group(0) for m in re.finditer(r"\$\{[^{}\s]*\}", text)})


def where_from(placeholder: str) -> str:
    """Where the value of ``${name}`` comes from ("" for a name coffeechat does not know:
    only editing the text fills it)."""
    return SOURCES.get(placeholder.removeprefix("${").removesuffix("}"), "")


def blank_problem(text: str) -> str | None:
    """One line saying why *text* cannot go out yet: the first placeholder with no value
    and where its value comes from; None when every placeholder is filled."""
    blanks = leftover_placeholders(text)
    if not blanks:
        return None
    more = f" (and {len(blanks) - 1} more)" if len(blanks) > 1 else ""
    source = where_from(blanks[0])
    if not source:
        return f"{blanks[0]} is not a placeholder coffeechat knows{more}: edit the text"
    return f"{blanks[0]} has no value{more}: fill it in {source}, or edit the text"


def first_name(full_name: str) -> str:
    parts = full_name.strip().split()
    return parts[0] if parts else ""


def template_path(folder: Path, name: str) -> Path:
    return folder / f"{name}.txt"


def load_user_template(folder: Path, name: str) -> str:
    """The user's copy of template *name* in *folder*, written from the default first.

    The user edits these plain files to make the letters their own. If the file cannot
    be written or read (read-only home, broken encoding) the default is used instead.
    """
    default = default_text(name)
    path = template_path(folder, name)
    try:
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            write_file(path, default)
        return read_text(path)
    except (OSError, UnicodeDecodeError):
        return default
