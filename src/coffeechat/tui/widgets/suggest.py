"""Completion as you type that ignores case and accents: ``montr`` offers "Montréal".

Textual's ``SuggestFromList`` compares casefolded text only, so ``nunez`` never finds
"Núñez-García". This one folds both sides with the contact filter's function.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from ...domain.text import folded


class FoldedSuggestions(Suggester):
    """Offers the first of *choices* that starts with what was typed, case and accents
    ignored (accepting it with → puts the choice in as written)."""

    def __init__(self, choices: Iterable[str]) -> None:
        # Folded here, once: a "Referred by" list holds every contact's name.
        super().__init__(use_cache=True, case_sensitive=True)  # we fold, not Textual
        self._choices = [(folded(choice), choice) for choice in choices]

    async def get_suggestion(self, value: str) -> str | None:
        typed = folded(value)
        if not typed:
            return None
        return next((choice for key, choice in self._choices if key.startswith(typed)), None)
