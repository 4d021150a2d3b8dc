"""A follow-up as one sentence that says whom it is about, wherever it stands alone.

The agenda, ``export ics``, the vdir's to-dos and the Markdown report show the same
sentence. A title that already names the person stays as it is ("Follow up with Maria
Okafor"); one that does not names them where a reader expects it ("Send Maria Okafor a
thank-you note (within 24 h)"), never tacked on after a colon, which read "Reach a
second person at Vestkraft Energi: Dr. Henrik Aas" as if he were the second person.
Titles stored by older versions ("Reach a second person at …", "thank you") are reworded
the same way.
"""

from __future__ import annotations

import re

from .names import given_of
from .pipeline import (
    FOLLOW_UP,
    INTRODUCTION,
    KEEP_IN_TOUCH,
    NEXT_STEP,
    SECOND_PERSON,
    TELL_REFERRER,
    THANK_YOU,
    WRITE_REFERRAL,
)

_UNTITLED = {
    FOLLOW_UP: "Follow up with {who}",
    SECOND_PERSON: "No reply from {who} yet? Reach a second person",
    THANK_YOU: "Send {who} a thank-you note",
    NEXT_STEP: "Take the next step agreed with {who}",
    KEEP_IN_TOUCH: "Keep in touch with {who}",
    TELL_REFERRER: "Tell {who} how it went",
    INTRODUCTION: "Check in with {who} about the introduction",
    WRITE_REFERRAL: "Write to {who}",
}
"""What a follow-up with no title of its own says, by kind."""


def _names(text: str, who: str) -> bool:
    """Whether *text* names *who*: the whole name, or the given name as a word ("Call
    Maria", "Call Henrik" for Dr. Henrik Aas)."""
    if who.casefold() in text.casefold():
        return True
    first = given_of(who)
    return re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.IGNORECASE) is not None


def followup_sentence(kind: str, title: str, who: str, *, named_beside: bool = False) -> str:
    """The follow-up of *kind* titled *title*, about *who*, as one sentence.

    *named_beside*: the view already shows the person next to it (the agenda's
    "Maria Okafor (phone) — …", a report's section): a title is only reworded where it
    would misread, never given the name again."""
    text = " ".join(title.split())
    who = " ".join(who.split())
    if not who:
        return text or kind.replace("_", " ").capitalize()
    if not text or text.casefold() == kind.replace("_", " "):
        return _UNTITLED.get(kind, "{what} ({who})").format(
            who=who, what=kind.replace("_", " ").capitalize()
        )
    if kind == SECOND_PERSON and text.casefold().startswith("reach a second person"):
        return f"No reply from {who} yet? {text}"
    if named_beside or _names(text, who):
        return text
    if kind == THANK_YOU and text.startswith("Send a "):
        return f"Send {who} a {text.removeprefix('Send a ')}"
    if kind == KEEP_IN_TOUCH and text.startswith("Keep in touch"):
        return f"Keep in touch with {who}{text.removeprefix('Keep in touch')}"
    if kind == NEXT_STEP:
        return f"{text} (agreed with {who})"
    return f"{text} ({who})"
