"""Who is who: the identity rule shared by imports, restores and the merge command.

An email or a profile URL identifies a person, unless it is a placeholder: a cell a
spreadsheet or an address book fills when it has nothing (``-``, ``n/a``, ``none``,
``unknown``, an empty value) or an address nobody reads (``noreply@…``). Those never
identify anyone (:func:`is_placeholder`, :func:`email_key`, :func:`url_key`).

Two records whose emails differ, or whose URLs differ, are two people whatever their
names. Name + organization matches only when neither side has an identifier that
conflicts. Same name and organization with conflicting identifiers: two people, listed
as a possible duplicate.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from .text import single_spaced

# A LinkedIn profile is the same at www., a country subdomain (uk., br.) or none.
_COUNTRY = re.compile(r"[a-z]{2,3}\.")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_VARIANT = "89ab"


_random_hex: list[str] = []


def _forget_random() -> None:
    _random_hex.clear()


# A forked child must not hand out the parent's remaining bytes a second time.
os.register_at_fork(after_in_child=_forget_random)


def new_uid() -> str:
    """A contact's stable UID (vCard UID, vdir file name): a random RFC 4122 UUID.

    Formatted from random bytes read 256 UIDs at a time rather than through
    ``uuid.uuid4()`` (one system call each): an import makes 30,000 of them."""
    if not _random_hex:
        block = os.urandom(16 * 256).hex()
        _random_hex.extend(block[i : i + 32] for i in range(0, len(block), 32))
    h = _random_hex.pop()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


# What a cell holds when its row has no value: spreadsheets, CRMs and scrapers write
# these instead of leaving it empty. Compared folded, without surrounding punctuation.
PLACEHOLDERS = frozenset(
    {
        "n/a", "na", "n.a", "n a", "none", "null", "nil", "nan", "unknown", "unk",
        "not available", "not applicable", "not known", "no email", "noemail", "no mail",
        "nomail", "no e-mail", "no phone", "no number", "no url", "no website", "tbd", "tba",
        "tbc", "empty", "blank", "nobody", "no one", "none given",
        "not provided", "private", "undisclosed", "withheld", "hidden", "redacted",
    }
)  # fmt: skip
_LONGEST = max(map(len, PLACEHOLDERS)) + 2
"""Longer than this, and starting with a letter or digit, a value is no placeholder."""
# Local parts of addresses no person reads (or a placeholder word before an "@").
_NOBODY_LOCAL = re.compile(
    r"^(?:no|do[-_.]?not|dont|do[-_.]?no)[-_.]?reply(?:[-_.+].*)?$"
    r"|^(?:mailer[-_.]?daemon|bounces?|notifications?|no[-_.]?mail|no[-_.]?email)$"
)
# A URL that names no page: a bare scheme or a bare "www.".
_EMPTY_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:/*)?(?:www\.?)?/*$")


@lru_cache(maxsize=16384)
def is_placeholder(value: str) -> bool:
    """Whether *value* stands for "no value": empty after trimming, only punctuation
    (``-``, ``--``, ``?``, ``…``), or a word from :data:`PLACEHOLDERS` (any case)."""
    text = value.strip()
    if len(text) > _LONGEST and text[0].isalnum():
        return False  # the fast path: most real values of a 30,000-row import
    if text.isalnum():
        return text.casefold() in PLACEHOLDERS  # one word: "Acme", "none", "N/A" is not
    if not any(c.isalnum() for c in text):
        return True
    key = " ".join(text.casefold().strip(" .-_?*()[]<>'\"").split())
    return key in PLACEHOLDERS


def is_nobody_address(email: str) -> bool:
    """An address that reaches no person: ``noreply@…``, ``none@none.com``, ``n/a@…``."""
    local, at, _ = email_key_raw(email).rpartition("@")
    return bool(at) and (is_placeholder(local) or bool(_NOBODY_LOCAL.match(local)))


def email_key_raw(email: str) -> str:
    """An email address without mailto:, surrounding space or case (placeholders too)."""
    value = email.strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    return value.strip().lower()


def email_key(email: str) -> str:
    """An email address as compared: no mailto:, no surrounding space, lower case;
    "" for a placeholder or an address nobody reads, which identify no one."""
    value = email_key_raw(email)
    if is_placeholder(value) or is_nobody_address(value):
        return ""
    return value


def url_key(url: str) -> str:
    """A profile URL reduced to what identifies it.

    Scheme, ``www.``, query, fragment, trailing slash and case do not count;
    ``https://uk.linkedin.com/in/Ana-Silva/`` and ``linkedin.com/in/ana-silva`` are
    one profile, and so are a percent-encoded slug and its plain spelling.

    A placeholder (``-``, ``n/a``, a bare ``https://``) is "": it identifies no one.
    """
    # Plain string work first: an import normalises tens of thousands of these.
    key = url.strip().lower()
    if len(key) <= _LONGEST and (is_placeholder(key) or _EMPTY_URL.match(key)):
        return ""
    if "%" in key:
        key = unquote(key)
    if "://" in key:
        key = _SCHEME.sub("", key)
    key = key.removeprefix("www.").split("?", 1)[0].split("#", 1)[0].rstrip("/")
    host, found, path = key.partition("linkedin.com/")
    if found and host and _COUNTRY.fullmatch(host):
        key = "linkedin.com/" + path
    return key


@dataclass(slots=True)
class Identity:
    """A person's identifiers, as normalised keys, plus the name + organization key."""

    emails: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    name: str = ""
    organization: str = ""
    uids: set[str] = field(default_factory=set)
    """vCard UIDs read in this import: two cards of one file with different UIDs are two
    entries of the address book. (A stored contact's own UID never conflicts: it may
    have been made up by us.)"""

    @classmethod
    def of(
        cls, *, emails: tuple[str, ...] = (), urls: tuple[str, ...] = (), name: str = "",
        organization: str = "", uid: str = "",
    ) -> Identity:  # fmt: skip
        # Loops rather than comprehensions: this runs once per imported row.
        email_keys, url_keys = set(), set()
        for email in emails:
            if email:
                email_keys.add(email_key(email))
        for url in urls:
            if url:
                url_keys.add(url_key(url))
        email_keys.discard("")
        url_keys.discard("")
        uid = uid.strip()
        return cls(
            email_keys,
            url_keys,
            single_spaced(name).casefold(),
            single_spaced(organization).casefold(),
            {uid} if uid else set(),
        )

    @property
    def name_key(self) -> tuple[str, str]:
        return (self.name, self.organization)

    def conflicts_with(self, other: Identity) -> bool:
        """Both have emails and none is shared, or both have URLs and none is shared."""
        if self.emails and other.emails and not self.emails & other.emails:
            return True
        if self.uids and other.uids and not self.uids & other.uids:
            return True
        return bool(self.urls and other.urls and not self.urls & other.urls)

    def absorb(self, other: Identity) -> None:
        """Take *other*'s identifiers too (a match, or a merge)."""
        self.emails |= other.emails
        self.urls |= other.urls
        self.uids |= other.uids
