"""Turning what the user wrote down into words that read well inside a letter.

Advice typed after a call is quoted as a sentence, or kept as a list when it was one; a
job title takes its article ("as a Science Writer"); how the user found someone becomes
the letter's opening connection. Every function returns "" when there is nothing true
to say, so the template's optional part around it is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .outcome import advice_pieces
from .text import one_line, single_spaced, visible

_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")
_TRAILING = " .…;,:"


def as_sentence(text: str) -> str:
    """One piece of advice as a sentence: flattened, capitalised, one full stop at the
    end (``take a short contract first….`` → ``Take a short contract first.``)."""
    flat = " ".join(one_line(text).split())
    flat = _BULLET.sub("", flat)
    if not flat:
        return ""
    if flat[-1] not in "?!":
        flat = flat.rstrip(_TRAILING) + "."
    return flat[0].upper() + flat[1:]


def quoted(items: Iterable[str]) -> str:
    """Advice as a letter quotes it: one piece as a sentence in quotation marks, several
    as a list on lines of their own (``- …``), each as it was written."""
    clean = [item for item in (as_sentence(i) for i in items) if item]
    if not clean:
        return ""
    if len(clean) == 1:
        return f"“{clean[0]}”"
    return "\n" + "\n".join(f"- {item}" for item in clean)


def quote_advice(text: str) -> str:
    """:func:`quoted` of the pieces of one advice field (one a line, as typed: the
    same pieces that can be marked acted on)."""
    return quoted(advice_pieces(text))


_NO_ARTICLE = re.compile(r"^(?:a|an|the|our|their|his|her)\s", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?!ni|se|sa|ro|ti)|hon|hour|heir|MSL|MD|R&D)", re.I)


def with_article(title: str) -> str:
    """``Science Writer`` → ``a Science Writer``; ``Engineer`` → ``an Engineer``.

    Titles that name one post of its kind (``Head of …``, ``Director of …``, ``VP
    Research``, ``Chief …``) and titles that already have an article stay as they are:
    "as Head of Medical Affairs" is how people say it.
    """
    title = " ".join(visible(title).split())
    if not title:
        return ""
    if _NO_ARTICLE.match(title) or " of " in title.casefold():
        return title
    if re.match(r"^(?:vp|svp|evp|ceo|cto|cfo|coo|chief|head|president)\b", title, re.I):
        return title
    return ("an " if _VOWEL_SOUND.match(title) else "a ") + title


_FOUND: dict[str, str] = {
    "alumni list": "I found you on our alumni list.",
    "alumni": "I found you on our alumni list.",
    "conference": "I heard of your work at a conference.",
    "linkedin": "I came across your profile on LinkedIn.",
    "colleague": "A colleague pointed me to you.",
    "article": "I read one of your articles.",
}


def connection(how_found: str, read_article: str = "") -> str:
    """The letter's opening connection, from what is recorded and nothing else: the
    title of an article of theirs the user read, else how they found them. "" when
    neither says anything the letter could state (a referral names the referrer in the
    referred letter instead)."""
    title = " ".join(one_line(read_article).split()).strip(" .")
    if title:
        return f"I read your article “{title}”."
    return _FOUND.get(single_spaced(how_found).casefold(), "")
