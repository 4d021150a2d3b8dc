"""The agenda: overdue, due today, coming up, thank-you notes owed, calls scheduled."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from ...domain.agenda import (
    DATE_HELP,
    Agenda,
    Item,
    relative_day,
    resolve_new_date,
    weekend_warning,
)
from ...domain.business_days import add_business_days
from ...domain.text import one_line
from ...models import Contact
from ...store import Store
from ...usecases.calendar import load_calendar
from ...usecases.contacts import save_contact
from ...usecases.followups import agenda, complete_followup, reschedule_followup
from ..commands import bindings
from ..undone import Undone
from ..widgets.footer import CalmFooter
from ..widgets.form import FormField
from ..widgets.hanging import HangingRows, hanging
from ..widgets.header import AppHeader
from .modal import Modal

if TYPE_CHECKING:
    from ..app_host import AppHost

AGENDA_DAYS = 14
ITEM_INDENT = "  "
"""Items sit under their section's heading."""


class AgendaList(OptionList):
    """The agenda's items: a click highlights, a double click (like enter) marks done,
    so a stray click never ticks off a follow-up."""

    def on_click(self, event: events.Click) -> None:
        event.prevent_default()  # OptionList's own handler would select on one click
        clicked = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()


class AgendaScreen(Screen[None]):
    if TYPE_CHECKING:
        app: AppHost

    BINDINGS = bindings("agenda")
    HELP_NAME = "Agenda"

    DEFAULT_CSS = """
    AgendaScreen #agenda-list { height: 1fr; border: round $primary; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.agenda: Agenda | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield AgendaList(id="agenda-list")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Agenda"
        self.query_one(OptionList).focus()
        self.reload()

    @property
    def today(self) -> date:
        return self.app.clock.today()

    def reload(self, keep: str | None = None) -> None:
        options = self.query_one(OptionList)
        highlighted = keep
        if highlighted is None and options.highlighted is not None:
            highlighted = options.get_option_at_index(options.highlighted).id
        now = self.app.clock.now()
        self.agenda = agenda(self.store, now, AGENDA_DAYS)
        options.clear_options()
        self._items: dict[str, Item] = {}
        items: list[Option] = []
        for title, section in self.agenda.sections():
            # One width for a section's dates: its items' texts start in one column.
            day_width = max((len(relative_day(i.when, self.today)) for i in section), default=0)
            heading = Text(f"{title} ({len(section)})", style="bold")
            items.append(Option(heading, disabled=True))
            if not section:
                items.append(Option(Text("  nothing", style="italic dim"), disabled=True))
            for index, item in enumerate(section):
                option_id = self._option_id(title, item, index)
                self._items[option_id] = item
                items.append(Option(self._item_text(title, item, day_width), id=option_id))
        options.add_options(items)
        options.border_title = f"Agenda · {self.today:%A} {self.today.isoformat()}"
        ids = [o.id for o in items]
        if highlighted is not None and highlighted in ids:
            options.highlighted = ids.index(highlighted)
        else:
            enabled = [i for i, o in enumerate(items) if not o.disabled]
            options.highlighted = enabled[0] if enabled else None

    def on_undone(self, _message: Undone) -> None:
        self.reload()

    def _option_id(self, section: str, item: Item, index: int) -> str:
        if item.followup_id is not None:
            return f"f{item.followup_id}"
        return f"{section[:5]}-{item.contact_id}-{index}"

    def _item_text(self, section: str, item: Item, day_width: int) -> HangingRows:
        """The day, and beside it who and what: wrapped lines stay under who and what."""
        overdue = section == "Overdue"
        day = Text(ITEM_INDENT)
        day.append(relative_day(item.when, self.today), style="bold red" if overdue else "")
        row = Text()
        row.append(one_line(item.contact_name), style="bold")
        if item.reach:
            row.append(f" ({one_line(item.reach)})", style="dim")
        row.append(" — ")
        row.append(one_line(item.title))
        return hanging(day, row, lead_widths=(len(ITEM_INDENT) + day_width,))

    def _highlighted_followup(self) -> int | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or ""
        if not option_id.startswith("f"):
            self.notify("Only follow-ups can be done, snoozed or rescheduled.", severity="warning")
            return None
        return int(option_id[1:])

    # --- actions ------------------------------------------------------------------------

    def action_close_agenda(self) -> None:
        self.dismiss(None)

    def action_followup_done(self) -> None:
        if (followup_id := self._highlighted_followup()) is None:
            return
        undo = complete_followup(self.store, followup_id, self.app.clock.now())
        self.app.offer_undo(undo.label, undo)
        self.reload()

    def action_followup_snooze(self) -> None:
        if (followup_id := self._highlighted_followup()) is None:
            return
        followup = self.store.followups.get(followup_id)
        if followup is None:
            return
        start = max(self.today, date.fromisoformat(followup.due_date))
        new_day = add_business_days(start, 1, load_calendar(self.store)).isoformat()
        undo = reschedule_followup(self.store, followup_id, new_day, self.today)
        self.app.offer_undo(f"Snoozed to {new_day}.", undo)
        self.reload(keep=f"f{followup_id}")

    def action_followup_reschedule(self) -> None:
        if (followup_id := self._highlighted_followup()) is None:
            return
        followup = self.store.followups.get(followup_id)
        if followup is None:
            return

        def chosen(day: str | None) -> None:
            if day:
                undo = reschedule_followup(self.store, followup_id, day, self.today)
                self.app.offer_undo(f"Rescheduled to {day}: {followup.title}", undo)
                self.reload(keep=f"f{followup_id}")

        contact = self.store.contacts.get(followup.contact_id)
        who = f"{contact.name} — " if contact else ""
        self.app.push_screen(DatePrompt(followup.due_date, who + followup.title), chosen)

    def action_add_colleague(self) -> None:
        """A second person to write to at the highlighted item's organization."""
        from .contact_form import ContactForm, names_in

        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        item = self._items.get(options.get_option_at_index(options.highlighted).id or "")
        contact = self.store.contacts.get(item.contact_id) if item else None
        if contact is None or not contact.organization:
            self.notify("Highlight a follow-up of someone with an organization.")
            return

        def saved(result: Contact | None) -> None:
            if result is not None:
                added = save_contact(self.store, result)
                self.notify(f"Added {added.name} at {added.organization}", markup=False)
                self.reload()

        self.app.push_screen(
            ContactForm(
                Contact(name="", organization=contact.organization),
                organizations=self.store.organizations.names(),
                contact_names=names_in(self.store),
            ),
            saved,
        )

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_followup_done()


class DatePrompt(Modal[str | None]):
    """Ask for one date: YYYY-MM-DD, +N business days, today, tomorrow or a weekday."""

    if TYPE_CHECKING:
        app: AppHost

    AUTO_FOCUS = "#field-day"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    DatePrompt > Vertical {
        width: 56; height: auto;
    }
    DatePrompt Label { width: 1fr; }
    DatePrompt .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    """

    def __init__(self, current: str, item: str = "") -> None:
        super().__init__()
        self.current = current
        self.item = item
        """Which item the date is for (who and what), shown above the field."""

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.item:
                yield Label(f"Reschedule: {one_line(self.item)}", markup=False, id="date-item")
            yield Label(f"New date: {DATE_HELP}", markup=False)
            yield FormField(
                "Date", name="day", value=self.current, checks=[self._check], suggested=True
            )
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)

    def _resolve(self, value: str) -> str | None:
        app = self.app
        return resolve_new_date(value, app.clock.today(), load_calendar(app.store))

    def _check(self, value: str) -> str | None:
        if self._resolve(value) is None:
            return f"Use {DATE_HELP}"
        return None

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        field = self.query_one(FormField)
        if field.check() is None:
            day = self._resolve(field.value)
            if day and (warning := weekend_warning(day)):
                self.app.notify(warning, severity="warning")
            self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(None)
