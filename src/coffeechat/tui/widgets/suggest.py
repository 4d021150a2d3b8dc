"""Completion as you type that ignores case and accents: ``montr`` offers "Montréal".

Textual's ``SuggestFromList`` compares casefolded text only, so ``nunez`` never finds
"Núñez-García". This one folds both sides with the contact filter's function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.suggester import Suggester

from ...domain.text import folded


class FoldedSuggestions(Suggester):
    """Offers the first of *choices* that starts with what was typed, case and accents
    ignored (accepting it with → puts the choice in as written).

    *choices* may be a function that lists them (every time zone: a walk of the zone
    files). They are listed and folded at the first suggestion, once, not while the form
    that holds the field opens."""

    def __init__(self, choices: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)  # we fold, not Textual
        self._source = choices if callable(choices) else list(choices)
        self._choices: list[tuple[str, str]] | None = None

    def prepare(self) -> FoldedSuggestions:
        """List and fold the choices now (from a thread, for a long list)."""
        self._folded()
        return self

    def _folded(self) -> list[tuple[str, str]]:
        if self._choices is None:
            source = self._source
            listed = source() if callable(source) else source
            self._choices = [(folded(choice), choice) for choice in listed]
        return self._choices

    async def get_suggestion(self, value: str) -> str | None:
        typed = folded(value)
        if not typed:
            return None
        return next((choice for key, choice in self._folded() if key.startswith(typed)), None)
