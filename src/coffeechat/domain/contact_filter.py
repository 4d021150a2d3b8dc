"""Filter-as-you-type over the contact list.

Each row gets one folded haystack (name, organization, title, email, tags: case and
accents ignored, so ``nunez`` finds Núñez) built once; a query matches when every
word in it occurs somewhere in the haystack. A query
that extends the previous one only searches the previous matches, so typing a word
gets cheaper with every keystroke.

A match can stop once it has found the rows a screen shows (``enough``) and go on
later, a slice at a time (``more``): at 300,000 contacts looking at every row takes
20-40 ms, longer than a keystroke may, while the first screenful is found in well
under a millisecond. A query typed meanwhile starts from what the last one found,
then what it had not looked at yet.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from .text import folded as fold
from .text import query_words


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
    def __init__(
        self, rows: Sequence[Row], reuse: ContactFilter[Row] | None = None, *, lazy: bool = False
    ) -> None:
        """*reuse*: a filter over mostly the same rows (the list before a re-read, in
        another thread). Rows equal to one of its rows are taken from it, so replacing
        it frees almost nothing: freeing 30,000 rows at once on the event loop took
        about 10 ms. (Its list is copied first: the other thread may patch it.)

        *lazy*: fold the rows when first matched, not now (the first page shown at
        start-up is not filtered until every row is in; folding its names would load
        the transliteration tables before the first paint)."""
        haystacks: dict[Row, str] = {}
        if reuse is not None:
            known = {row: row for row in list(reuse.rows)}
            rows = [known.get(row, row) for row in rows]
            # Folding accents costs ~4 µs a row: unchanged rows keep their haystack.
            if reuse._built is not None:
                haystacks = dict(zip(list(reuse.rows), list(reuse._built), strict=False))
        self.rows: list[Row] = list(rows)
        self._built: list[str] | None = None
        if not lazy:
            self._built = [haystacks.get(r) or _haystack(r) for r in self.rows]
        self._last_query = ""
        self._words: list[str] = []
        self._last_matches: list[int] = []
        """The rows the last query matched, of those looked at (indices, in order)."""
        self._unseen: list[Sequence[int]] = []
        """The last query's candidates not looked at yet: segments of row indices in
        list order, the first one from ``_unseen_from``. Empty once complete."""
        self._unseen_from = 0

    @property
    def complete(self) -> bool:
        """Whether the last match looked at every row it had to."""
        return not self._unseen

    @property
    def _haystacks(self) -> list[str]:
        """Each row's folded text, built at the first match if the filter is *lazy*."""
        if self._built is None:
            self._built = [_haystack(r) for r in self.rows]
        return self._built

    def insert(self, index: int, row: Row) -> None:
        """Add *row* at *index* (one changed contact, without rebuilding every haystack).

        The last query's matches move with it and take the row in if it matches: the
        same query after a write (the list showing a saved contact, filter on) looks at
        its matches only, not at every row again (300,000 at the largest)."""
        self._finish()
        haystack = _haystack(row)
        self._haystacks.insert(index, haystack)  # built first (lazy): from the rows before
        self.rows.insert(index, row)
        if self._last_query:
            moved = [i + (i >= index) for i in self._last_matches]
            if all(word in haystack for word in self._last_query.split(" ")):
                insort(moved, index)
            self._last_matches = moved

    def remove(self, index: int) -> None:
        self._finish()
        del self._haystacks[index]  # built first (lazy): from the rows before
        del self.rows[index]
        if self._last_query:
            self._last_matches = [i - (i > index) for i in self._last_matches if i != index]

    def match(self, query: str, enough: int | None = None, through: int = -1) -> list[Row]:
        """The rows matching every word of *query*, in list order.

        With *enough*, looking stops once that many rows match and every row up to
        index *through* was looked at (the highlighted one, so that it stays if it
        matches): :attr:`complete` says whether it went through them all, :meth:`more`
        goes on."""
        words = query_words(fold(query))
        folded = " ".join(words)
        if not words:
            self._last_query, self._last_matches, self._unseen = "", [], []
            return list(self.rows)
        if self._last_query and folded.startswith(self._last_query):
            # What the shorter query matched, then what it had not looked at yet.
            unseen: list[Sequence[int]] = [self._last_matches, *self._rest()]
        else:
            unseen = [range(len(self.rows))]
        self._last_query, self._words = folded, words
        self._last_matches, self._unseen, self._unseen_from = [], unseen, 0
        return self._look(enough, through)

    def more(self, budget: int) -> list[Row]:
        """Look at up to *budget* more rows for the last query; the rows that matched
        (they come after every row matched before)."""
        return self._look(None, budget=budget)

    def _finish(self) -> None:
        self._look(None)

    def _rest(self) -> list[Sequence[int]]:
        if not self._unseen:
            return []
        first, *others = self._unseen
        return [first[self._unseen_from :], *others]

    def _look(self, enough: int | None, through: int = -1, budget: int | None = None) -> list[Row]:
        """Look at unseen candidates in order until *enough* match in all (and the
        row at *through* was passed), *budget* were looked at, or none is left."""
        haystacks = self._haystacks
        found: list[int] = []
        step, looked = 64, 0  # with *enough*: slices that double until it is reached
        while self._unseen:
            segment, start = self._unseen[0], self._unseen_from
            if start >= len(segment):
                del self._unseen[0]
                self._unseen_from = 0
                continue
            matched = len(self._last_matches) + len(found)
            if enough is not None and matched >= enough and segment[start] > through:
                break
            end = len(segment)
            if enough is not None:
                end = min(end, start + step)
                step *= 2
            if budget is not None:
                if looked >= budget:
                    break
                end = min(end, start + budget - looked)
            chunk: Sequence[int] = segment[start:end]
            # One pass per word with a plain `in` test: far cheaper than all() per row.
            for word in self._words:
                chunk = [i for i in chunk if word in haystacks[i]]
            found += chunk
            looked += end - start
            self._unseen_from = end
        self._last_matches += found
        rows = self.rows
        return [rows[i] for i in found]


def _haystack(row: Filterable) -> str:
    return fold(f"{row.name}\x00{row.organization}\x00{row.title}\x00{row.email}\x00{row.tags}")
