"""The call checklist: prepared questions, ticked when asked, answers underneath."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList

from ...domain.questions import asks_for_job
from ...domain.text import one_line
from ...models_activity import ChecklistItem

NARROW = 60
"""Below this width each question keeps to one line, so 8 or more fit at 80x24."""


def item_prompt(number: int, item: ChecklistItem) -> Text:
    """One question as shown: a box, its number, the text, and the answer below."""
    box = "☑" if item.asked else "☐"
    prompt = Text()
    prompt.append(f"{box} {number:>2}. ", style="green" if item.asked else "bold")
    prompt.append(one_line(item.text), style="dim" if item.asked else "")
    if asks_for_job(item.text):
        prompt.append("  ⚠ asks for a job", style="bold red")
    if item.answer.strip():
        prompt.append("\n     ↳ ", style="dim")
        prompt.append(one_line(item.answer), style="italic")
    return prompt


class Checklist(OptionList):
    """An OptionList of checklist items (a call has tens of them, not thousands)."""

    HELP_NAME = "Call checklist"
    DEFAULT_CSS = """
    Checklist {
        height: 1fr; max-height: 100%; border: none; padding: 0; scrollbar-size-vertical: 1;
    }
    Checklist:focus { border: none; }
    Checklist.-narrow { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[ChecklistItem] = []

    def load(self, items: list[ChecklistItem], highlight: int = 0) -> None:
        self.items = list(items)
        self.set_options(item_prompt(n, item) for n, item in enumerate(self.items, 1))
        if self.items:
            self.highlighted = max(0, min(highlight, len(self.items) - 1))

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.load(self.items, self.highlighted or 0)

    @property
    def current(self) -> ChecklistItem | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        return self.items[index]

    def replace(self, item: ChecklistItem) -> None:
        """Show a changed item in place (no rebuild of the whole list)."""
        for index, existing in enumerate(self.items):
            if existing.id == item.id:
                self.items[index] = item
                self.replace_option_prompt_at_index(index, item_prompt(index + 1, item))
                return

    @property
    def progress(self) -> str:
        asked = sum(item.asked for item in self.items)
        return f"{asked}/{len(self.items)} asked"
