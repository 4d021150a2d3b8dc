"""The call screen's checklist: the questions, their answers and their ticks.

Up and down move between the questions (from the note line too), the answer under the
list follows the highlighted question, ctrl+t ticks it. Each tick is written in the
key's handler; on a full disk it is shown, kept and written by a retry every second.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ...domain.text import one_line
from ...store import Store
from ...usecases.call_log import save_answer, tick_question
from ..saving import SaveRetry
from ..widgets.autosave_input import AutosaveInput
from ..widgets.checklist import Checklist, item_prompt

if TYPE_CHECKING:
    from ..app_host import AppHost


class CallChecklist(Screen[int | None]):
    """The checklist half of :class:`~.call.CallScreen` (which lays out the widgets
    queried here: ``Checklist``, ``#question-whole``, ``#answer-label``, ``#answer``)."""

    if TYPE_CHECKING:
        app: AppHost

    def __init__(self, store: Store, interview_id: int) -> None:
        super().__init__()
        self.store = store
        self.interview_id = interview_id
        self._numbers: dict[int, int] = {}
        """Each checklist item's number as shown, by item id."""
        self._answer_shown_for: int | None = None
        self._unsaved_ticks: dict[int, tuple[bool, datetime]] = {}
        """Ticks shown but not yet in the file (the disk was full), by checklist item."""
        self._ticks = SaveRetry(self, self._flush_ticks)

    @property
    def answer_input(self) -> AutosaveInput:
        return self.query_one("#answer", AutosaveInput)

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    def _number_items(self) -> None:
        self._numbers = {item.id: n for n, item in enumerate(self.checklist.items, 1) if item.id}

    def _update_titles(self) -> None:
        self.query_one("#checklist-pane").border_title = f"Questions {self.checklist.progress}"

    @on(OptionList.OptionHighlighted, "Checklist")
    def _highlight_moved(self) -> None:
        self._show_answer()

    def on_resize(self) -> None:
        # After the layout: the list's width decides whether its lines are cut.
        self.call_after_refresh(self._show_question_whole)

    def _show_question_whole(self) -> None:
        """The highlighted question in full under the list when the list cuts it
        (narrow terminals keep each question to one line)."""
        item = self.checklist.current
        whole = self.query_one("#question-whole", Static)
        if item is None:
            whole.set_class(False, "-cut")
            return
        number = self._numbers.get(item.id or 0, 0)
        drawn = item_prompt(number, item).plain.split("\n")[0]
        cut = self.checklist.has_class("-narrow") and cell_len(drawn) > (
            self.checklist.scrollable_content_region.width
        )
        whole.set_class(cut, "-cut")
        # Hidden unless cut: a new question there needs no layout of the call screen
        # (shown, its height follows its text).
        whole.update(Text(f"{number}. {one_line(item.text)}"), layout=cut)

    def _show_answer(self) -> None:
        item = self.checklist.current
        shown = item.id if item else None
        if shown == self._answer_shown_for and self._answer_shown_for is not None:
            return  # already there (moved by a key, then the highlight message came)
        self._answer_shown_for = shown
        self._show_question_whole()
        label = "Answer (tab):"
        if item is not None:
            label = f"Answer to {self._numbers.get(item.id or 0, '?')} (tab):"
        self.query_one("#answer-label", Static).update(label, layout=False)  # one line
        self.answer_input.load(
            item.answer if item else "", save=self._save_answer_for(item.id if item else None)
        )

    def _save_answer_for(self, item_id: int | None):
        def save(text: str) -> None:
            if item_id is None:
                return
            save_answer(self.store, item_id, text)
            for item in self.checklist.items:
                if item.id == item_id:
                    self.checklist.replace(replace(item, answer=text))

        return save

    def action_toggle_asked(self) -> None:
        item = self.checklist.current
        if item is None or item.id is None:
            return
        asked = not item.asked
        now = self.app.clock.now()
        self._unsaved_ticks[item.id] = (asked, now)
        # Shown at once; written before the next key (or, on a full disk, kept here and
        # written by the retry every second).
        stamp = now.isoformat(timespec="seconds") if asked else ""
        self.checklist.replace(replace(item, asked=asked, asked_at=stamp))
        self._update_titles()
        self._flush_ticks()

    def _flush_ticks(self) -> bool:
        return self._ticks.run(self._write_ticks)

    def _write_ticks(self) -> None:
        for item_id, (asked, when) in list(self._unsaved_ticks.items()):
            tick_question(self.store, item_id, asked, when)
            del self._unsaved_ticks[item_id]

    def action_previous_question(self) -> None:
        self.checklist.action_cursor_up()
        self._show_answer()  # now, so an answer typed next goes under this question

    def action_next_question(self) -> None:
        self.checklist.action_cursor_down()
        self._show_answer()
