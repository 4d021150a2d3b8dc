"""Filter-as-you-type over the contact list.

Each row gets one lower-cased haystack (name, organization, title, email, tags) built
once; a query matches when every word in it occurs somewhere in the haystack. A query
that extends the previous one only searches the previous matches, so typing a word
gets cheaper with every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class Filterable(Protocol):
    """Read-only, so a NamedTuple row (ContactRow) qualifies."""

    @property
    def name(self) -> str: ...
    @property
    def organization(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def tags(self) -> str: ...


Row = TypeVar("Row", bound=Filterable)


class ContactFilter(Generic[Row]):
    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self._haystacks = [
            f"{r.name}\x00{r.organization}\x00{r.title}\x00{r.email}\x00{r.tags}".casefold()
            for r in rows
        ]
        self._last_query = ""
        self._last_matches: list[int] = list(range(len(rows)))

    def match(self, query: str) -> list[Row]:
        words = query.casefold().split()
        if not words:
            self._last_query, self._last_matches = "", list(range(len(self.rows)))
            return list(self.rows)
        folded = query.casefold()
        candidates = (
            self._last_matches
            if self._last_query and folded.startswith(self._last_query)
            else range(len(self.rows))
        )
        haystacks = self._haystacks
        matches = list(candidates)
        # One pass per word with a plain `in` test: far cheaper than all() per row.
        for word in words:
            matches = [i for i in matches if word in haystacks[i]]
        self._last_query, self._last_matches = folded, matches
        rows = self.rows
        return [rows[i] for i in matches]
