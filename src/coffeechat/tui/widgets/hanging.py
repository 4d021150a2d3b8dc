"""Rows whose text wraps under itself: a narrow lead (a date, a key, a number) on the
left, and the text beside it, its continuation lines starting under its first word.

A Rich ``Text`` wraps back to column 0, under the date, and the eye loses where one
item ends and the next begins. Every list of dated or keyed items (the agenda, the
interviews, the timeline, help) is drawn with these instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

Cell = RenderableType


def hanging_table(
    leads: Sequence[str | None] = ("",), *, gap: int = 2, lead_widths: Sequence[int] = ()
) -> Table:
    """A grid of lead columns (never wrapped, styled by *leads*) and a last column that
    takes the rest of the width and wraps at spaces.

    *lead_widths* pads lead columns to at least that many cells, so the text of rows
    drawn as separate tables (one per option of a list) still starts in one column.
    """
    table = Table.grid(padding=(0, gap), expand=True)
    for index, style in enumerate(leads):
        width = lead_widths[index] if index < len(lead_widths) else None
        table.add_column(style=style or "", no_wrap=True, min_width=width)
    # "fold" only cuts a word longer than the whole column (a URL); others wrap whole.
    table.add_column(ratio=1, overflow="fold")
    return table


class HangingRows:
    """Rows of a ``hanging_table``, laid out for the width they are drawn at: narrower
    than *narrow* cells, a lead ending in a time (``2026-12-03 20:27``) puts the time
    under its date, and the text keeps six more cells."""

    def __init__(
        self,
        leads: Sequence[str | None] = ("",),
        *,
        gap: int = 2,
        lead_widths: Sequence[int] = (),
        narrow: int = 48,
    ) -> None:
        self.leads, self.gap, self.lead_widths, self.narrow = leads, gap, lead_widths, narrow
        self.rows: list[tuple[Cell, ...]] = []

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(cells)

    @property
    def plain(self) -> str:
        """The rows as plain text, a line each, cells two spaces apart (as ``Text.plain``
        gives, for whatever reads an option's text rather than drawing it)."""
        return "\n".join(
            "  ".join(getattr(cell, "plain", str(cell)) for cell in cells) for cells in self.rows
        )

    def __str__(self) -> str:
        return self.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = hanging_table(self.leads, gap=self.gap, lead_widths=self.lead_widths)
        stack = options.max_width < self.narrow
        for cells in self.rows:
            *leads, text = cells
            table.add_row(*(_time_under_date(lead) if stack else lead for lead in leads), text)
        yield table


_ENDS_IN_TIME = re.compile(r"\d{4}-\d\d-\d\d( )\d\d:\d\d$")


def _time_under_date(cell: Cell) -> Cell:
    if not isinstance(cell, Text) or not (found := _ENDS_IN_TIME.search(cell.plain)):
        return cell
    space = found.start(1)
    return Text.assemble(cell[:space], "\n", cell[space + 1 :])


def hanging(*cells: Cell, gap: int = 2, lead_widths: Sequence[int] = ()) -> HangingRows:
    """One row: every cell but the last is a lead, the last is the text that wraps."""
    rows = HangingRows([None] * (len(cells) - 1), gap=gap, lead_widths=lead_widths)
    rows.add_row(*cells)
    return rows
