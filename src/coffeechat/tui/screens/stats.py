"""Stats: letters, replies, calls, referrals, outcomes, confidence and responsiveness."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from ...domain import stats as s
from ...domain.text import one_line
from ...store import Store
from ...usecases.calendar import load_calendar
from ..commands import bindings
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader

if TYPE_CHECKING:
    from ..app_host import AppHost

LABEL_HELP = {
    s.BOOSTER: "replied within 3 business days",
    s.OBLIGATE: "replied later",
    s.CURMUDGEON: "no reply after 7 business days",
    s.WAITING: "written to less than 7 business days ago",
}


class StatsScreen(Screen[None]):
    if TYPE_CHECKING:
        app: AppHost

    BINDINGS = bindings("stats")
    HELP_NAME = "Stats"
    DEFAULT_CSS = """
    StatsScreen VerticalScroll { padding: 0 1; }
    StatsScreen .stats-title { text-style: bold; color: $primary; margin-top: 1; }
    StatsScreen Static { height: auto; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        history = self.store.history
        today = self.app.clock.today()
        calendar = load_calendar(self.store)
        self.stats = stats = s.compute(history.letters(), history.calls(), today, calendar)
        yield AppHeader()
        with VerticalScroll(id="stats-body", can_focus=True):
            yield Static(self._numbers(stats), id="numbers")
            yield Label("Confidence over time (1–5, one bar per call)", classes="stats-title")
            values = [value for _, value in stats.confidence]
            if values:
                yield Static(Text("\n".join(s.plot(values))), id="confidence-plot")
                first, last = stats.confidence[0][0], stats.confidence[-1][0]
                shown = f"last {len(values[-30:])} calls" if len(values) > 30 else "calls"
                yield Static(
                    Text(f"{shown} from {first} to {last}: {' '.join(map(str, values[-30:]))}"),
                    id="confidence-text",
                )
            else:
                yield Static(
                    Text("No outcomes recorded yet.", style="italic"), id="confidence-text"
                )
            yield Label("Responsiveness", classes="stats-title")
            yield Static(self._labels(stats), id="labels")
            yield Label("Reply rate by how you found them", classes="stats-title")
            yield Static(self._rates(stats.by_how_found), id="by-how-found")
            yield Label("Reply rate by purpose", classes="stats-title")
            yield Static(self._rates(stats.by_purpose), id="by-purpose")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Stats"
        self.query_one("#stats-body").focus()

    @staticmethod
    def _numbers(stats: s.Stats) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(justify="right")
        table.add_column(style="dim")
        table.add_row("Letters sent", str(stats.letters_sent), "first letters, one per contact")
        table.add_row(
            "Reply rate",
            s.percent(stats.reply_rate),
            f"{stats.replies} replied (palette: Record reply)",
        )
        for kind, number in sorted(stats.replies_by_kind.items()):
            table.add_row(Text(f"  {kind}"), str(number), "")
        table.add_row("Calls held", str(stats.calls_held), "")
        table.add_row(
            "Referrals per call", s.ratio(stats.referrals_per_call), f"{stats.referrals} referrals"
        )
        for kind, number in stats.outcomes_by_kind.items():
            table.add_row(Text(f"  {kind}"), str(number), "")
        return table

    @staticmethod
    def _rates(rows: list[tuple[str, int, int]]) -> Table | Text:
        if not rows:
            return Text("No letters sent yet.", style="italic")
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(justify="right")
        table.add_column(style="dim")
        for group, sent, replied in rows[:12]:
            table.add_row(Text(one_line(group)), s.percent(replied / sent), f"{replied} of {sent}")
        return table

    @staticmethod
    def _labels(stats: s.Stats) -> Text:
        text = Text()
        for label, names in stats.labels.items():
            if text:
                text.append("\n")
            text.append(f"{label:<11}", style="bold")
            text.append(f"{len(names):>3}  ", style="bold")
            text.append(f"{LABEL_HELP[label]}", style="dim")
            if names:
                shown = ", ".join(one_line(name) for name in names[:12])
                more = f" and {len(names) - 12} more" if len(names) > 12 else ""
                text.append(f"\n{'':<16}{shown}{more}")
        return text

    def action_close_stats(self) -> None:
        self.dismiss(None)
