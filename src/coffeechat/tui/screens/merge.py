"""Merging contacts: pick the other contact, then confirm what will move.

The picker lists the highlighted contact's possible duplicates first, then contacts
with the same name; typing searches every contact by name, organization, title, email
or tag, case and accents ignored, as the contact filter does.
The confirmation says what the merge moves and fills, and offers "Not a duplicate".
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.contact_filter import ContactFilter
from ...domain.text import one_line
from ...models import Contact
from ...store import Store
from ...store.duplicates import DuplicatePair, PickerRow
from ...usecases.merge import MergePlan, preview_merge
from ..key_order import focus_at_end
from ..widgets.safe_text import SafeInput
from ..workers import background
from .modal import Modal, answers


def _prompt(row: PickerRow) -> Text:
    text = Text(one_line(row.name), style="bold")
    details = " · ".join(one_line(part) for part in (row.organization, row.email) if part)
    if details:
        text.append(f"  {details}", style="dim")
    if row.possible_duplicate:
        text.append("  possible duplicate", style="italic")
    return text


class MergePicker(Modal[int | None]):
    """Choose the contact to merge with *contact*; dismisses with its id."""

    SHOWN = 50
    """Matches listed at once."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]
    DEFAULT_CSS = """
    MergePicker > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
    }
    MergePicker OptionList { height: auto; max-height: 16; border: none; }
    MergePicker #merge-empty { color: $text-muted; }
    """

    def __init__(self, store: Store, contact: Contact) -> None:
        super().__init__()
        self.store = store
        self.contact = contact
        self.everyone: ContactFilter[PickerRow] | None = None
        """Every other contact, folded for matching; read by a worker after the first paint."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Merge {one_line(self.contact.name)} with…"))
            yield SafeInput(placeholder="Type a name, organization or email", id="merge-search")
            yield OptionList(id="merge-options")
            yield Static("", id="merge-empty")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()
        self._read_everyone()

    @background(thread=True, exclusive=True, group="merge-picker")
    def _read_everyone(self) -> None:
        assert self.contact.id is not None
        with self.store.reading() as store:
            rows = store.duplicates.every_candidate(self.contact.id)
        everyone = ContactFilter(rows)  # folding 30,000 names: here, not on the event loop
        self.app.call_from_thread(self._everyone_read, everyone)

    def _everyone_read(self, everyone: ContactFilter[PickerRow]) -> None:
        self.everyone = everyone
        if text := self.query_one(Input).value.strip():
            self._fill(text)  # typed before the list was read: now with accents folded

    def _fill(self, text: str) -> None:
        assert self.contact.id is not None
        if text.strip() and self.everyone is not None:
            # The contact filter's matching: case and accents ignored (nunez → Núñez).
            rows = self.everyone.match(text)[: self.SHOWN]
        else:
            rows = self.store.duplicates.merge_candidates(self.contact.id, text)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_prompt(row), id=str(row.id)) for row in rows])
        if rows:
            options.highlighted = 0
        hint = "" if rows else "No match: type part of a name, organization or email."
        self.query_one("#merge-empty", Static).update(hint)

    @on(Input.Changed, "#merge-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#merge-search")
    def _take_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(int(options.get_option_at_index(options.highlighted).id or 0))

    def on_key(self, event) -> None:
        # Down from the search box walks into the list, as in the contact filter.
        if event.key == "down" and self.focused is self.query_one(Input):
            focus_at_end(self.query_one(OptionList))
            event.stop()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))


class DuplicateList(Modal[tuple[int, int] | None]):
    """Every undecided possible duplicate; dismisses with the (low, high) pair chosen."""

    SHOWN = 500
    """Pairs listed at once: a synthetic network can hold tens of thousands."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]
    DEFAULT_CSS = """
    DuplicateList > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
    }
    DuplicateList OptionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.pairs: list[DuplicatePair] = store.duplicates.possible()

    def compose(self) -> ComposeResult:
        shown = self.pairs[: self.SHOWN]
        more = f" (first {len(shown)})" if len(self.pairs) > len(shown) else ""
        with Vertical():
            yield Label(f"Possible duplicates: {len(self.pairs)}{more}. Enter to review.")
            yield OptionList(
                *(Option(self._prompt(p), id=f"{p.low_id}-{p.high_id}") for p in shown)
            )

    @staticmethod
    def _prompt(pair: DuplicatePair) -> Text:
        """Both people, each with what tells them apart (email, title), then the
        organization they share."""
        text = Text()
        for index, (name, detail) in enumerate(
            ((pair.low_name, pair.low_detail), (pair.high_name, pair.high_detail))
        ):
            if index:
                text.append("  ·  ")
            text.append(one_line(name), style="bold")
            text.append(f" ({one_line(detail)})" if detail else " (no email or title)", "dim")
        if pair.organization:
            text.append(f"  {one_line(pair.organization)}", style="dim italic")
        return text

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        low, high = (event.option.id or "0-0").split("-")
        self.dismiss((int(low), int(high)))


class MergeConfirm(Modal[tuple[str, int, int] | None]):
    """Says what a merge will move. Dismisses with ("merge" or "distinct", keep, other)."""

    BINDINGS = [
        Binding("y", "merge", "Merge"),
        Binding("d", "distinct", "Not a duplicate"),
        Binding("s", "swap", "Keep the other"),
        Binding("n,escape", "dismiss(None)", "Cancel"),
    ]
    DEFAULT_CSS = """
    MergeConfirm > Vertical {
        width: 78; max-width: 100%; height: auto; border: thick $warning;
        background: $panel; padding: 1 2;
    }
    MergeConfirm .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    MergeConfirm Button { margin-left: 1; }
    """

    def __init__(self, store: Store, keep_id: int, other_id: int) -> None:
        super().__init__()
        self.store = store
        self.plan: MergePlan = preview_merge(store, keep_id, other_id)

    def compose(self) -> ComposeResult:
        with Vertical():
            # Text, not markup: the description quotes contacts' names.
            yield Static(self._describe(), id="merge-plan")
            yield answers(
                ("merge", "Merge (y)", "warning"),
                ("distinct", "Two people (d)", "default"),
                ("swap", "Keep other (s)", "default"),
                ("cancel", "Cancel (n)", "default"),
            )

    def _describe(self) -> Text:
        keep, other = self.plan.keep, self.plan.other
        where = " · ".join(one_line(p) for p in (keep.organization, keep.email) if p)
        theirs = " · ".join(one_line(p) for p in (other.organization, other.email) if p)
        text = Text(one_line(self.plan.describe()))
        text.append(f"\n\nKept: {one_line(keep.name)}" + (f" ({where})" if where else ""))
        text.append(f"\nRemoved: {one_line(other.name)}" + (f" ({theirs})" if theirs else ""))
        return text

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        action = {"merge": self.action_merge, "distinct": self.action_distinct}
        if event.button.id == "swap":
            self.action_swap()
        elif event.button.id in action:
            action[event.button.id]()
        else:
            self.dismiss(None)

    def _ids(self) -> tuple[int, int]:
        assert self.plan.keep.id is not None and self.plan.other.id is not None
        return self.plan.keep.id, self.plan.other.id

    def action_merge(self) -> None:
        self.dismiss(("merge", *self._ids()))

    def action_distinct(self) -> None:
        self.dismiss(("distinct", *self._ids()))

    def action_swap(self) -> None:
        keep, other = self._ids()
        self.plan = preview_merge(self.store, other, keep)
        self.query_one("#merge-plan", Static).update(self._describe())
