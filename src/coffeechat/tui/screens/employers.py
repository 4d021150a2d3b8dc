"""Target employers, ranked the LAMP way: the top five first, whom to write to next."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Label, Select

from ...domain.employers import (
    MOTIVATION_LEVELS,
    POSTING_LEVELS,
    Employer,
    check_level,
    is_top,
)
from ...domain.text import one_line
from ...models import Organization, TargetStatus
from ...store import Store
from ...usecases.employers import rate_employer, target_employers
from ..commands import bindings
from ..widgets.footer import CalmFooter
from ..widgets.form import FormField, chosen
from ..widgets.header import AppHeader
from .form_modal import FormModal

COLUMNS = ("", "Organization", "M", "P", "A", "Status", "People", "Write to next")
NAME_WIDTH = 22
"""Organization and contact names are cut here (with …) so the table fits 80 columns."""


def shortened(text: str, width: int) -> str:
    flat = one_line(text)
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _level(value: int | None) -> str:
    return "·" if value is None else str(value)


class EmployersScreen(Screen[str | None]):
    """Dismissed with an organization's name to filter the contact list by it."""

    BINDINGS = bindings("employers")
    HELP_NAME = "Target employers"
    DEFAULT_CSS = """
    EmployersScreen #employers-hint { height: 1; padding: 0 1; color: $text-muted; }
    EmployersScreen DataTable { height: 1fr; border: round $primary; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.employers: list[Employer] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Label(
            "★ top five · Motivation 0–3 · Posting 1–3 · Advocacy · enter contacts · e rate",
            id="employers-hint",
            markup=False,
        )
        yield DataTable(id="employers", cursor_type="row", zebra_stripes=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Target employers"
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.reload()
        table.focus()

    def reload(self, keep: int | None = None) -> None:
        table = self.query_one(DataTable)
        self.employers = target_employers(self.store)
        table.clear()
        for position, employer in enumerate(self.employers):
            org = employer.organization
            dim = "dim" if org.target_status is not TargetStatus.ACTIVE else ""
            advocacy = "yes" if employer.advocacy else "no"
            table.add_row(
                Text("★" if is_top(position, employer) else "", style="bold yellow"),
                Text(shortened(org.name, NAME_WIDTH), style=dim or "bold"),
                _level(org.motivation),
                _level(org.posting),
                Text(advocacy, style=dim),
                Text(str(org.target_status), style=dim),
                str(employer.contacts),
                Text(shortened(employer.write_next, NAME_WIDTH) or "—", style=dim),
                key=str(org.id),
            )
        table.border_title = f"Target employers {len(self.employers)}"
        if keep is not None:
            for row, employer in enumerate(self.employers):
                if employer.organization.id == keep:
                    table.move_cursor(row=row)

    @property
    def highlighted(self) -> Employer | None:
        table = self.query_one(DataTable)
        if not self.employers or table.cursor_row < 0:
            return None
        return self.employers[min(table.cursor_row, len(self.employers) - 1)]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """enter (or a double click) on a row: its contacts."""
        event.stop()
        self.action_employer_contacts()

    def action_employer_contacts(self) -> None:
        if (employer := self.highlighted) is not None:
            self.dismiss(employer.organization.name)

    def action_rate_employer(self) -> None:
        employer = self.highlighted
        if employer is None:
            return
        org = employer.organization

        def rated(result: Organization | None) -> None:
            if result is not None:
                rate_employer(self.store, result)
                self.reload(keep=org.id)
                self.notify(f"Rated {org.name}", markup=False)

        self.app.push_screen(RateEmployer(org, derived=bool(employer.known_through)), rated)

    def action_close_employers(self) -> None:
        self.dismiss(None)


ADVOCACY_CHOICES = (("from my contacts", "auto"), ("yes", "yes"), ("no", "no"))


class RateEmployer(FormModal[Organization]):
    AUTO_FOCUS = "#field-motivation"
    DEFAULT_CSS = """
    RateEmployer .rate-row { height: 1; }
    RateEmployer .rate-label { width: 16; color: $text-muted; }
    RateEmployer Select { width: 1fr; }
    """

    def __init__(self, organization: Organization, *, derived: bool) -> None:
        super().__init__()
        self.organization = organization
        self.derived = derived
        self.title_text = f"Rate {one_line(organization.name)}"

    def compose_fields(self) -> ComposeResult:
        org = self.organization
        yield FormField(
            "Motivation 0–3",
            name="motivation",
            value="" if org.motivation is None else str(org.motivation),
            checks=[lambda v: check_level(v, MOTIVATION_LEVELS, "Motivation")],
            placeholder="how much you want to work there",
        )
        yield FormField(
            "Posting 1–3",
            name="posting",
            value="" if org.posting is None else str(org.posting),
            checks=[lambda v: check_level(v, POSTING_LEVELS, "Posting")],
            placeholder="do they post roles like the one you want",
        )
        auto = "from my contacts (yes)" if self.derived else "from my contacts (no)"
        choices = [(auto if value == "auto" else label, value) for label, value in ADVOCACY_CHOICES]
        current = "auto" if org.advocacy is None else ("yes" if org.advocacy else "no")
        yield Label("Advocacy", classes="rate-label")
        yield Select(choices, value=current, allow_blank=False, compact=True, id="advocacy")
        yield Label("Status", classes="rate-label")
        yield Select(
            [(str(s), s) for s in TargetStatus],
            value=org.target_status,
            allow_blank=False,
            compact=True,
            id="target-status",
        )

    def result(self, fields: dict[str, FormField]) -> Organization:
        def level(name: str) -> int | None:
            value = fields[name].value.strip()
            return int(value) if value else None

        advocacy = chosen(self.query_one("#advocacy", Select))
        return Organization(
            name=self.organization.name,
            id=self.organization.id,
            motivation=level("motivation"),
            posting=level("posting"),
            advocacy=None if advocacy == "auto" else advocacy == "yes",
            target_status=chosen(self.query_one("#target-status", Select)),
        )
