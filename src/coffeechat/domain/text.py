"""Making user text safe to put on a terminal, without changing what is stored."""

from __future__ import annotations

import re

# C0 controls (except tab and newline, handled separately), DEL and C1 controls. ESC
# is among them, so ANSI/OSC sequences arrive on screen as harmless visible text.
# Bidi embedding, override and isolate controls would reorder what follows on
# terminals that do bidi ("Trojan source"); they are shown as symbols too. RTL text
# itself (Hebrew, Arabic) is left alone.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: str) -> str:
    """*value* with control characters shown as visible symbols (ESC as ␛)."""
    return _CONTROL.sub(_symbol, value)


def has_controls(value: str) -> bool:
    """Whether *value* holds a character that :func:`visible` would replace (or a
    newline or tab, which only :func:`one_line` flattens)."""
    return _ANY_CONTROL.search(value) is not None


def single_spaced(value: str) -> str:
    """*value* as one field: surrounding white space dropped, each inner run made one
    space (an imported cell, a name compared with another)."""
    return " ".join(value.split())


def one_line(value: str) -> str:
    """*value* flattened for a single row: newlines and tabs become spaces."""
    return visible(value.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


# Zero-width joiners glue emoji into one picture (👩‍🔬) that some terminals draw in
# two cells and others, like Rich's width count, in four; the emoji presentation
# selector (U+FE0F) makes a one-cell symbol two cells wide on some terminals only.
# In a column they would shift everything after them by a different amount on each
# terminal, so rows meant to line up show the emoji side by side (👩🔬) instead.
_JOINERS = re.compile("[\u200d\ufe0f]")


def in_columns(value: str) -> str:
    """:func:`one_line`, for a row whose columns must line up on every terminal."""
    return _JOINERS.sub("", one_line(value))


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def folded(text: str) -> str:
    """*text* for matching, the one folding every search uses (the contact filter, the
    pickers and completions, the full-text index): case, accents and the letters that
    are not accents ignored, other scripts in plain letters (``Núñez`` → ``nunez``,
    ``Søren`` → ``soren``, ``Łukasz`` → ``lukasz``, ``Đorđe`` → ``dorde``, ``ß`` →
    ``ss``, ``Дмитрий`` → ``dmitriy``).

    Transliteration is anyascii's table, maintained for every script. Plain ASCII
    (most names) takes the fast path: filtering 30,000 rows builds 30,000 of these.
    """
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _transliterated(lowered)


def _transliterated(text: str) -> str:
    # Imported at the first text that needs it (it loads its tables through
    # importlib.resources, about 4 ms): not on the way to the first paint.
    from anyascii import anyascii

    return anyascii(text).lower()


MAX_QUERY_CHARS = 200
"""The longest search or filter text that counts (typed or pasted): the rest of a
paste stays in the field but is not searched for."""
MAX_QUERY_WORDS = 12
"""Words of a search or filter that count. Each word is one more pass over every
contact (the filter) or one more prefix term for the index (the search): a 10 KB
paste of a thousand words took the filter 18 s at 30,000 contacts and the search
minutes."""


def query_words(text: str) -> list[str]:
    """The words of a search or filter, bounded in length and number."""
    return text[:MAX_QUERY_CHARS].split()[:MAX_QUERY_WORDS]
