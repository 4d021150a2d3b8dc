"""What an import did, for its one-line summary: a file imported, a backup restored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: How the summary names a field whose values a match added ("2 phones added").
_VALUE_WORDS = {"department": "unit", "url": "URL"}
_SUMMARY_ORDER = ("email", "phone", "url", "title", "organization", "department")


@dataclass
class ImportReport:
    """What an import did, for the one-line summary."""

    added: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_columns: list[str] = field(default_factory=list)
    restored: dict[str, int] = field(default_factory=dict)
    possible_duplicates: int = 0
    not_restored: list[str] = field(default_factory=list)
    """Fields (``contacts.x``) and parts of a backup this version does not know."""
    values_added: Counter[str] = field(default_factory=Counter)
    """Further values a match brought to a person already here, by field."""

    def summary(self) -> str:
        total = sum(self.skipped.values())
        text = f"{self.added} added, {self.merged} merged, "
        for name in _SUMMARY_ORDER:
            count = self.values_added[name]
            if not count:
                continue
            word = _VALUE_WORDS.get(name, name)
            text += f"{count} {word}{'s' if count != 1 else ''} added, "
        text += f"{total} skipped"
        if total:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
            text += f" ({reasons})"
        restored = ", ".join(f"{n} {what}" for what, n in self.restored.items() if n)
        if restored:
            text += f"; also restored {restored}"
        if self.possible_duplicates:
            text += (
                f"; {self.possible_duplicates} possible duplicate"
                f"{'s' if self.possible_duplicates != 1 else ''} to review (Merge contacts)"
            )
        if self.unknown_columns:
            text += "; ignored columns: " + ", ".join(self.unknown_columns)
        if self.not_restored:
            text += "; not restored (unknown to this version): " + ", ".join(self.not_restored)
        return text
