"""Main screen tabs about the past: the contact's interviews and their timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.outcome import advice_pieces
from ...domain.text import one_line, visible
from ...domain.timeline import KIND_LABELS, format_when
from ...models_activity import Interview, Outcome
from ...store import Store
from ..commands import bindings
from .hanging import HangingRows, hanging

if TYPE_CHECKING:
    from ..app_host import AppHost


class InterviewList(OptionList):
    """The highlighted contact's calls, newest first; enter opens the outcome form."""

    if TYPE_CHECKING:
        app: AppHost

    HELP_NAME = "Interviews"
    BINDINGS = bindings("interviews")
    DEFAULT_CSS = """
    InterviewList { height: 1fr; border: none; }
    """

    class AdviceWanted(Message):
        """`a` on a call: tick the advice from it that was acted on."""

        def __init__(self, interview_id: int) -> None:
            super().__init__()
            self.interview_id = interview_id

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.store = store
        self.contact_id: int | None = None
        self.interviews: list[Interview] = []

    def show(self, contact_id: int | None, highlight: int | None = None) -> None:
        """*highlight*: the interview to put the cursor on (else the newest)."""
        self.contact_id = contact_id
        found = self.store.interviews.for_contact(contact_id) if contact_id else []
        self.interviews = sorted(found, key=lambda i: i.happened_at, reverse=True)
        self.clear_options()
        if not self.interviews:
            hint = "No calls yet: press c on the list to start one, i to plan one."
            self.add_option(Option(Text(hint if contact_id else "", style="italic"), disabled=True))
            return
        for interview in self.interviews:
            when = format_when(interview.happened_at)
            line = Text(interview.state)
            outcome = (
                self.store.outcomes.for_interview(interview.id)
                if interview.id is not None
                else None
            )
            if outcome is not None:
                line.append(" · ")
                line.append(f"{outcome.kind}", style="bold")
                line.append(f" · confidence {outcome.confidence}/5")
                if outcome.referrals:
                    line.append(f" · {len(outcome.referrals)} referral(s)")
                line.append(self._advice_note(outcome))
            elif interview.state == "held":
                line.append(" · no outcome yet (enter)", style="italic")
            self.add_option(Option(hanging(Text(when or "no date"), line), id=str(interview.id)))
        ids = [interview.id for interview in self.interviews]
        self.highlighted = ids.index(highlight) if highlight in ids else 0

    @property
    def current(self) -> Interview | None:
        if self.highlighted is None or not self.interviews:
            return None
        return self.interviews[self.highlighted]

    def action_open_interview(self) -> None:
        interview = self.current
        if interview is None or interview.id is None:
            return
        if interview.state == "planned":
            self.notify("That call has not happened yet: press c on the list to start it.")
            return
        if interview.state == "in progress":
            self.notify("That call is still going: press c on the list to return to it.")
            return
        self.app.open_outcome(interview.id)

    def _advice_note(self, outcome: Outcome) -> str:
        pieces = advice_pieces(outcome.advice)
        if not pieces or outcome.id is None:
            return ""
        acted = set(self.store.advice.acted_on(outcome.id))
        return f" · advice acted on {sum(p in acted for p in pieces)}/{len(pieces)} (a)"

    def action_advice_acted_on(self) -> None:
        interview = self.current
        if interview is not None and interview.id is not None:
            self.post_message(self.AdviceWanted(interview.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_interview()


class TimelineView(Static):
    """Every letter, call, note line, outcome and follow-up, oldest first, literally."""

    DEFAULT_CSS = """
    TimelineView { padding: 0 1; height: auto; }
    """

    STYLES = {
        "letter": "cyan",
        "call": "green",
        "note": "",
        "outcome": "bold magenta",
        "follow-up": "yellow",
        "reply": "bold cyan",
        "away": "dim",
        "touch": "",
    }

    MARK = "▶ "
    """Before the date of the event a search jumped to."""

    def show(self, store: Store, contact_id: int | None, mark: str = "") -> None:
        """*mark*: an event's ref (``letter:12``) to show in reverse, in full, scrolled to."""
        if contact_id is None:
            self.update(Text("No contact highlighted.", style="italic"))
            return
        events = store.history.timeline(contact_id)
        if not events:
            self.update(
                Text("Nothing yet: letters, calls, notes and follow-ups show here.", style="italic")
            )
            return
        table = HangingRows(["dim"], gap=1)
        for event in events:
            marked = bool(mark) and event.ref == mark
            # The kind leads the text rather than taking a column of its own: at 80
            # columns the date and a kind column left the text a word a line.
            text = Text()
            text.append(KIND_LABELS.get(event.kind, event.kind), self.STYLES.get(event.kind, ""))
            text.append(" ")
            text.append(one_line(event.text), style="reverse" if marked else "")
            when = format_when(event.when) or "(no date)"
            table.add_row(Text(self.MARK + when if marked else when), text)
            if marked and event.kind == "letter":
                draft = store.drafts.get(int(mark.split(":")[1]))
                if draft is not None:  # the letter as sent, whole, under its line
                    table.add_row(Text(""), Text(visible(draft.body)))
        self.update(table)
        if mark:
            self.call_after_refresh(self._scroll_to_mark, table)

    def _scroll_to_mark(self, table: HangingRows) -> None:
        """Scroll the timeline so that the marked event is the top line."""
        console = self.app.console
        width = self.content_size.width or console.width
        lines = console.render_lines(table, console.options.update_width(width), pad=False)
        for y, line in enumerate(lines):
            if "".join(segment.text for segment in line).startswith(self.MARK):
                if isinstance(self.parent, Widget):
                    self.parent.scroll_to(y=self.virtual_region.y + y, animate=False)
                return
