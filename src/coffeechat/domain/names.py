"""Names as people write them: "Dr. Henrik Aas", "Aas, Henrik", "Ludwig van Beethoven",
"Omar al-Hakim", "John Doe III", "Madonna".

Parsing is nameparser's (titles, suffixes, "Last, First", particles such as van, de
and al- in many languages), with two corrections for contact lists: a degree written
like a surname ("Aas" is also the acronym of a degree) is a surname unless written as
an acronym (``AAS``, ``A.A.S.``, ``PhD``), and the German ``sen.``/``jun.`` are
suffixes. The greeting a letter opens with is the given name unless the user chose
another form for the person ("Dr. Aas").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .text import folded, single_spaced

if TYPE_CHECKING:
    from nameparser.config import Constants


@dataclass(frozen=True, slots=True)
class NameParts:
    title: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    suffix: str = ""


@cache
def _constants() -> Constants:
    # Imported on first use: its tables cost start-up ~50 ms that most runs never need.
    from nameparser.config import Constants

    constants = Constants()
    # Degrees are matched by hand (_is_degree): "Aas" or "Ma" is a family name.
    constants.suffix_acronyms.remove(*list(constants.suffix_acronyms))
    constants.suffix_not_acronyms.add("sen", "jun", "sen.", "jun.")
    return constants


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """nameparser's titles, degree acronyms and family-name particles (van, de, al-) as
    plain sets (its own are slow to ask, and an import asks 30,000 times)."""
    from nameparser.config import CONSTANTS

    return (
        frozenset(CONSTANTS.titles),
        frozenset(CONSTANTS.suffix_acronyms),
        frozenset(CONSTANTS.prefixes),
    )


def _is_degree(word: str) -> bool:
    """A degree or credential after a name, written as one (``MD``, ``PhD``, ``M.D.``)."""
    bare = word.strip(",")
    if bare.istitle() and bare.isalpha():
        return False  # "Aas", "Silva": a surname however it is spelled as an acronym
    return bare.lower().replace(".", "") in _words()[1]


@cache
def _not_plain() -> frozenset[str]:
    """Words that make nameparser read a name as more than given [middle] family."""
    from nameparser.config import CONSTANTS

    titles, _, particles = _words()
    return (
        titles
        | particles
        | frozenset(CONSTANTS.suffix_not_acronyms)
        | frozenset(CONSTANTS.conjunctions)
        | {"sen", "jun"}
    )


def _plain(text: str) -> NameParts | None:
    """The parts of a plain name, two or three capitalised words none of which is a
    title, particle, suffix or conjunction ("Henrik Aas", "Mary Ann Lee"), read without
    nameparser: it takes about 0.1 ms a name, and a migration or an export reads
    30,000. Anything else is None (nameparser reads it)."""
    words = text.split(" ")
    if not 2 <= len(words) <= 3:
        return None
    special = _not_plain()
    for word in words:
        if not (word.isalpha() and word.istitle()) or word.lower() in special:
            return None
    return NameParts(given=words[0], middle=" ".join(words[1:-1]), family=words[-1])


def parse_name(full: str) -> NameParts:
    """*full* split into its parts ("" where there is none)."""
    text = single_spaced(full)
    if not text:
        return NameParts()
    plain = _plain(text)
    if plain is not None:
        return plain
    degrees: list[str] = []
    words = text.split(" ")
    while len(words) > 1 and _is_degree(words[-1]):
        degrees.insert(0, words.pop().strip(","))
    from nameparser import HumanName

    rest = " ".join(words).rstrip(",")
    human = HumanName(rest, constants=_constants())
    suffix = ", ".join(filter(None, (human.suffix, *degrees)))
    return NameParts(human.title, human.first, human.middle, human.last, suffix)


_TITLE_WORD = re.compile(r"[\w'’-]+\.?")


def is_only_a_title(text: str) -> bool:
    """Whether *text* is a title and nothing else ("Dr.", "Prof. Dr.", "Mr", "Frau")."""
    words = _TITLE_WORD.findall(text)
    return bool(words) and all(word.rstrip(".").lower() in _words()[0] for word in words)


def given_of(name: str, given_name: str = "") -> str:
    """The given name to greet with: the first word of the stored given name (without a
    title an export left in it), else the one parsed from the full name, else the name."""
    if given_name.strip():
        words = [w for w in given_name.split() if not is_only_a_title(w)]
        if words:
            return words[0]
    parts = parse_name(name)
    return parts.given or parts.family or name.strip()


def greeting_name(name: str, given_name: str = "", greeting: str = "") -> str:
    """How a letter addresses the person: the form chosen for them ("Dr. Aas"), else
    their given name."""
    return greeting.strip() or given_of(name, given_name)


def family_of(name: str, family_name: str = "") -> str:
    """The family name to sort by: the stored one, else the parsed one, else the name."""
    return family_name.strip() or parse_name(name).family or name.strip()


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in _words()[0]


def _strip_titles(given: str) -> str:
    words = given.split()
    if not words or not _is_title(words[0]):
        return given.strip()  # most given names: one set look-up
    while len(words) > 1 and is_only_a_title(words[0]):
        words.pop(0)
    return "" if len(words) == 1 and is_only_a_title(words[0]) else " ".join(words)


@lru_cache(maxsize=8192)
def stored_parts(name: str, given: str = "", family: str = "") -> tuple[str, str]:
    """(given, family) to keep for a person: as the source gave them, without a title
    left in the given name ("Dr. Henrik" is Henrik) or a degree after the family name;
    parsed from *name* when the source gave neither."""
    if given.strip() or family.strip():
        words = family.split()
        while len(words) > 1 and _is_degree(words[-1]):
            words.pop()
        return _strip_titles(given), " ".join(words).rstrip(",")
    parts = parse_name(name)
    return " ".join(filter(None, (parts.given, parts.middle))), parts.family


def _without_particles(family: str) -> str:
    """*family* as a list files it: without the particles written in lower case before
    it ("van Beethoven" under B, "al-Hakim" under H). A capitalised particle is part of
    the name as its bearer files it ("Van Dyke" under V)."""
    words = family.split()
    particles = _words()[2]
    while len(words) > 1 and words[0].islower() and words[0] in particles:
        words.pop(0)
    head, dash, rest = words[0].partition("-") if words else ("", "", "")
    if dash and rest and head.islower() and f"{head}-" in particles:
        words[0] = rest
    return " ".join(words)


SORT_SEPARATOR = "\x1f"
"""Between the parts of a sort key: below every letter, so "Aas" files before "Aasen"
(folding keeps it)."""


def names_an_organization(name: str, given: str, family: str, organization: str) -> bool:
    """A record with no person's name, named after its organization (a card with only
    ORG): its name is not read as given and family names."""
    return (
        not (given.strip() or family.strip())
        and bool(organization.strip())
        and folded(name) == folded(organization)
    )


def sort_key(name: str, given: str = "", family: str = "", organization: str = "") -> str:
    """What lists of people sort by: family name, then given name, folded as searches
    fold (case, accents, other scripts in plain letters), so "Dr. Henrik Aas" files under
    A, "Ludwig van Beethoven" under B, "Aas, Henrik" beside "Henrik Aas", and a single
    name ("Madonna") under itself. A record named after its *organization* and no person
    files under the organization as written ("Acme Bio Labs" under A).

    *given* and *family* are the parts a source gave, if any (else *name* is parsed).
    Stored with the contact (``contacts.sort_name``) so the list is read in this order
    along an index, never parsed 30,000 times while drawing."""
    if names_an_organization(name, given, family, organization):
        return folded(name.strip())
    given, family = stored_parts(name, given, family)
    return sort_key_of_parts(name, given, family)


def sort_key_of_parts(name: str, given: str, family: str) -> str:
    """:func:`sort_key` of parts :func:`stored_parts` already gave (an import's records
    carry them: 30,000 rows are not cleaned twice)."""
    main = _without_particles(family) if family else ""
    if not main:
        return folded(given or name.strip())
    return folded(f"{main}{SORT_SEPARATOR}{given}")


def parts_by_sort_key(name: str, sort_name: str, organization: str = "") -> tuple[str, str] | None:
    """(given, family) of *name* read back from the sort key stored with it (made by
    :func:`sort_key` when the name was saved) instead of parsing the name again: the
    one cut of its words into given and family names whose key is the stored one.
    None when no single cut gives it (a title or suffix, "Last, First", a record named
    after its organization, a key out of date): parse the name then. A sync or export
    of 30,000 contacts would otherwise parse every name a second time."""
    if not sort_name or names_an_organization(name, "", "", organization):
        return None
    words = single_spaced(name).split(" ")
    found: tuple[str, str] | None = None
    for cut in range(len(words) + 1):
        given, family = " ".join(words[:cut]), " ".join(words[cut:])
        if sort_key_of_parts(name, given, family) == sort_name:
            if found is not None:
                return None  # two cuts fold alike: only a parse can tell
            found = given, family
    return found
