"""Three-way merges: two edits of one thing, each made from a common *base*.

When two windows change one record (a contact, an outcome, a draft, a note), the save
that comes second holds the version it loaded (the base), its own edit (mine) and what
is stored now (theirs). A field only one side changed takes that side; a field both
changed the same way is that value; a text both changed is merged line by line; only
what both changed differently is a conflict (for a text, the lines both changed
differently are kept twice, mine then theirs below a separator line). The merges are
idempotent: merging a result again with the same sides changes nothing, so two
windows saving in turn never pile text up.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

CONFLICT_SEPARATOR = "\n\n--- also saved in another window (both kept; merge by hand) ---\n\n"
"""Between the two versions of a passage both windows changed differently."""


_LINES = re.compile(r"[^\n]*\n+")


def _lines(text: str) -> list[str]:
    """The units a text is merged in: a line with the blank lines after it (so the many
    alike blank lines between paragraphs never make the alignment ambiguous)."""
    if text and not text.endswith("\n"):
        text += "\n"
    return _LINES.findall(text)


def _key(unit: str) -> str:
    """What makes two units the same line: the spacing after a line is not the line
    (deleting the last paragraph leaves the one before it the same line)."""
    return unit.rstrip("\n")


T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")


def _sync_regions(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]
) -> list[tuple[int, int, int, int, int, int]]:
    """Stretches of *base* both sides kept unchanged, with where they are in each side
    (the classic diff3 alignment), ending with an empty stretch at the three ends."""
    mine_blocks = SequenceMatcher(None, base, mine, autojunk=False).get_matching_blocks()
    their_blocks = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    regions = []
    i = j = 0
    while i < len(mine_blocks) and j < len(their_blocks):
        a_base, a_at, a_len = mine_blocks[i]
        b_base, b_at, b_len = their_blocks[j]
        start = max(a_base, b_base)
        end = min(a_base + a_len, b_base + b_len)
        if start < end:
            a_start = a_at + start - a_base
            b_start = b_at + start - b_base
            length = end - start
            regions.append((start, end, a_start, a_start + length, b_start, b_start + length))
        if a_base + a_len < b_base + b_len:
            i += 1
        else:
            j += 1
    regions.append((len(base), len(base), len(mine), len(mine), len(theirs), len(theirs)))
    return regions


@dataclass(frozen=True)
class _Clash:
    """Units both sides changed differently (the base's by key)."""

    base: tuple[str, ...]
    mine: tuple[str, ...]
    theirs: tuple[str, ...]


def _merge_units(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]
) -> list[tuple[str, ...] | _Clash]:
    """The merge as pieces: units that merged cleanly, or a clash. Units are compared
    by :func:`_key`; where both sides have a line, it is written as mine spaces it."""
    keys = [list(map(_key, side)) for side in (base, mine, theirs)]
    pieces: list[tuple[str, ...] | _Clash] = []
    z = a = b = 0
    for z_match, z_end, a_match, a_end, b_match, b_end in _sync_regions(*keys):
        base_keys = keys[0][z:z_match]
        mine_keys = keys[1][a:a_match]
        their_keys = keys[2][b:b_match]
        mine_part = tuple(mine[a:a_match])
        their_part = tuple(theirs[b:b_match])
        if mine_keys == their_keys or their_keys == base_keys:
            pieces.append(mine_part)
        elif mine_keys == base_keys:
            pieces.append(their_part)
        else:
            pieces.append(_Clash(tuple(base_keys), mine_part, their_part))
        pieces.append(tuple(mine[a_match:a_end]))
        z, a, b = z_end, a_end, b_end
    return pieces


def _already_in(side: tuple[str, ...], other: tuple[str, ...], base: tuple[str, ...]) -> bool:
    """Whether *side* already made *other*'s change to *base*: it holds every unit
    *other* added and none it removed (a merge result met again, or the same edit)."""
    was = Counter(base)
    added = Counter(map(_key, other)) - was
    removed = was - Counter(map(_key, other))
    held = Counter(map(_key, side))
    return all(held[unit] >= count for unit, count in added.items()) and not any(
        held[unit] for unit in removed
    )


def _resolved(clash: _Clash) -> tuple[str, ...] | None:
    """The side of a clash that already holds the other's change, if one does."""
    if _already_in(clash.mine, clash.theirs, clash.base):
        return clash.mine
    if _already_in(clash.theirs, clash.mine, clash.base):
        return clash.theirs
    return None


def _both_kept(mine: str, theirs: str) -> tuple[str, bool]:
    """A clash: mine, then theirs below the separator, and True; a side that already
    holds the other is kept as it is (so merging again adds nothing), and False."""
    if theirs in mine or not theirs.strip():
        return mine, False
    if mine in theirs or not mine.strip():
        return theirs, False
    return mine.rstrip("\n") + CONFLICT_SEPARATOR + theirs, True


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, int]:
    """Mine and theirs, both written from *base*, as one text; and how many passages both
    changed differently had to be kept twice (mine first, then theirs, a separator
    between them): 0 when none did, so the count reads as "clashed"."""
    if mine == theirs or theirs == base:
        return mine, 0
    if mine == base:
        return theirs, 0
    out: list[str] = []
    clashes = 0
    # Every side ends its last line, so a line that stops being the last (or becomes
    # it) is still the same line; mine decides whether the result ends with one.
    pieces = _merge_units(*(_lines(text) for text in (base, mine, theirs)))
    for piece in pieces:
        if not isinstance(piece, _Clash):
            out.extend(piece)
            continue
        if (resolved := _resolved(piece)) is not None:
            out.extend(resolved)
            continue
        kept, kept_both = _both_kept("".join(piece.mine), "".join(piece.theirs))
        clashes += kept_both
        out.append(kept)
    merged = "".join(out)
    if not mine.endswith("\n") and merged.endswith("\n"):
        merged = merged[:-1]
    return merged, clashes


@dataclass(frozen=True)
class Merged(Generic[T]):
    """A record merged field by field: *value* takes every change of either side (and
    mine where both changed a field differently); *conflicts* names those fields."""

    value: T
    conflicts: tuple[str, ...] = ()


def merge_records(base: D, mine: D, theirs: D, *, texts: Sequence[str] = ()) -> Merged[D]:
    """*mine* and *theirs*, two edits of the dataclass *base*, merged field by field.

    The fields named in *texts* are free text merged with :func:`merge_text` (a clash
    in one is still a conflict, with both passages kept in the value); every other field
    both sides changed differently is a conflict, with mine in the value.
    """
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    for field in dataclasses.fields(base):
        name = field.name
        was, ours, other = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if ours == other or other == was:
            value = ours
        elif ours == was:
            value = other
        elif name in texts and isinstance(ours, str):
            value, clashed = merge_text(was or "", ours, other or "")
            if clashed:
                conflicts.append(name)
        else:
            value = ours
            conflicts.append(name)
        changes[name] = value
    return Merged(dataclasses.replace(mine, **changes), tuple(conflicts))
