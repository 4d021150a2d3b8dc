"""The outcome of an interview: a validated modal form that returns an Outcome (or None).

Next steps and referrals are rows added and removed by keyboard (ctrl+n, ctrl+r,
ctrl+d); a blank row is ignored, a half-filled one says what it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.console import RenderableType
from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ...domain.outcome import check_confidence
from ...domain.text import one_line
from ...models import OutcomeKind
from ...models_activity import Outcome
from ..commands import bindings
from ..fill_in import FillsIn
from ..widgets.autosave import Autosave, KeepsTyping
from ..widgets.form import FormField, chosen
from ..widgets.safe_text_area import SafeTextArea
from .modal import Modal
from .outcome_found import Found
from .outcome_rows import ReferralRow, StepRow

TEXT_FIELDS = (
    ("learned", "What I learned about the field"),
    ("skills", "Skills it needs"),
    ("advice", "Advice"),
    ("resources", "Resources mentioned"),
    ("assignments", "Assignments they gave me"),
    ("went_well", "How I did: what went well"),
    ("do_differently", "How I did: what I would do differently"),
)

WIDE = 110
"""From this width the call's notes stand beside the form; below, ctrl+l swaps them in."""


class OutcomeForm(KeepsTyping, Modal[Outcome | None], FillsIn):
    """ctrl+s saves (after validation), escape cancels."""

    BINDINGS = bindings("outcome")
    HELP_NAME = "Outcome form"
    AUTO_FOCUS = "#kind"
    DEFAULT_CSS = """
    OutcomeForm > Vertical {
        width: 100%; height: 100%;
    }
    OutcomeForm #outcome-body { height: 1fr; }
    OutcomeForm #outcome-side { width: 3fr; max-width: 96; }
    OutcomeForm #call-record {
        width: 2fr; min-width: 30; margin-left: 1; border: round $primary-muted;
    }
    OutcomeForm #call-record:focus { border: round $primary; }
    OutcomeForm.-narrow #call-record { display: none; margin-left: 0; }
    OutcomeForm.-narrow.-record-shown #call-record { display: block; }
    OutcomeForm.-narrow.-record-shown #outcome-side { display: none; }
    OutcomeForm.-record-hidden #call-record { display: none; }
    OutcomeForm .form-title { text-style: bold; width: 1fr; }
    OutcomeForm .form-hint { color: $text-muted; width: 1fr; margin-bottom: 1; }
    OutcomeForm VerticalScroll { height: 1fr; }
    OutcomeForm #steps, OutcomeForm #referrals { height: auto; }
    OutcomeForm .kind-row { height: 1; }
    OutcomeForm .kind-row Label { width: 16; color: $text-muted; }
    OutcomeForm Select { width: 1fr; }
    OutcomeForm #kind-error { color: $error; padding-left: 16; display: none; }
    OutcomeForm #kind-error.-shown { display: block; }
    OutcomeForm .area-label { color: $text-muted; margin-top: 1; }
    OutcomeForm TextArea { height: 3; border: none; background: $boost; padding: 0 1; }
    /* Textual's own TextArea:focus border outranks the rule above: without this the
       focused box grew a border and showed one line of the three. */
    OutcomeForm TextArea:focus { border: none; background: $accent 25%; }
    OutcomeForm .section { text-style: bold; margin-top: 1; color: $primary; }
    OutcomeForm .empty-hint { color: $text-muted; text-style: italic; }
    OutcomeForm .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    /* Messages at the bottom stop above the form's last lines: Save and Cancel (and
       the frame under them) stay in view. */
    OutcomeForm ToastRack { margin-bottom: 3; }
    """

    def __init__(
        self,
        interview_id: int,
        *,
        contact_name: str,
        when: str = "",
        outcome: Outcome | None = None,
        organizations: Sequence[str] = (),
        call_record: RenderableType = "",
        found: Found | None = None,
        typed: Mapping[str, str] | None = None,
        keep_typed: Callable[[dict[str, str]], object] | None = None,
    ) -> None:
        """*typed*: texts typed earlier and not saved (shown instead of the saved ones);
        *keep_typed*: where the texts go as they are typed (autosave)."""
        super().__init__()
        self.typed = dict(typed or {})
        self._keep_typed = keep_typed
        self._kept_texts = dict(self.typed)
        self.autosave = Autosave(self, self._write_typed)
        self.found = found
        self.call_record = call_record
        """The call's answers and note log, shown beside the fields."""
        self._asked_about_referrals = False
        self.interview_id = interview_id
        self.contact_name = contact_name
        self.when = when
        self.original = outcome
        self._organizations = list(organizations)

    def compose(self) -> ComposeResult:
        o = self.original
        with Vertical(), Horizontal(id="outcome-body"):
            with Vertical(id="outcome-side"):
                when = f" · {self.when}" if self.when else ""
                yield Label(
                    escape(f"Outcome of the call with {one_line(self.contact_name)}{when}"),
                    classes="form-title",
                )
                yield Label(
                    "ctrl+s save · esc cancel · ctrl+n step · ctrl+r referral · ctrl+d remove row"
                    " · ctrl+l the call's notes",
                    classes="form-hint",
                )
                with VerticalScroll(id="outcome-scroll"):
                    with Horizontal(classes="kind-row"):
                        yield Label("Outcome *")
                        yield Select(
                            [(str(kind), kind) for kind in OutcomeKind],
                            value=o.kind if o else Select.NULL,
                            prompt="Pick one…",
                            compact=True,
                            id="kind",
                        )
                    yield Static("↳ Pick what came of the call", id="kind-error")
                    yield FormField(
                        "Confidence *",
                        name="confidence",
                        value=str(o.confidence) if o else "",
                        checks=[check_confidence],
                        placeholder="1 (shaky) to 5 (at ease)",
                        max_length=1,
                    )
                    # The texts, steps and referrals follow the first frame (_fill).
                with Horizontal(classes="buttons"):
                    yield Button("Save", variant="primary", id="save", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
            record = VerticalScroll(id="call-record", can_focus=True)
            record.border_title = "The call (ctrl+l)"
            yield record

    def _rest_of_the_form(self) -> list[Widget]:
        """What follows the confidence: the seven texts, the next steps and referrals."""
        o = self.original
        widgets: list[Widget] = []
        for name, label in TEXT_FIELDS:
            widgets.append(Label(label, classes="area-label"))
            text = self.typed.get(name, getattr(o, name) if o else "")
            area = SafeTextArea(text, id=f"area-{name}")
            area.show_line_numbers = False
            widgets.append(area)
        widgets.append(Label("Next steps (ctrl+n adds one)", classes="section"))
        widgets.append(
            Vertical(*(StepRow(step) for step in (o.next_steps if o else ())), id="steps")
        )
        widgets.append(Label("Referrals: who else to talk to (ctrl+r adds one)", classes="section"))
        widgets.append(
            Vertical(
                *(ReferralRow(r, self._organizations) for r in (o.referrals if o else ())),
                id="referrals",
            )
        )
        return widgets

    def _call_record_parts(self) -> list[Widget]:
        at = self.found.record_at if self.found else None
        if isinstance(self.call_record, Text) and at is not None:
            # Two parts, so that the second (what was found) can be scrolled to.
            before, rest = self.call_record.divide([at])
            return [
                Static(before, markup=False),
                Static(rest, markup=False, id="call-record-found"),
            ]
        return [Static(self.call_record or "No notes from this call.", markup=False)]

    async def _fill(self) -> None:
        with self.app.batch_update():
            await self.query_one("#outcome-scroll").mount_all(self._rest_of_the_form())
            await self.query_one("#call-record").mount_all(self._call_record_parts())
        if self.found is not None:
            self.call_after_refresh(self.show_found, self.found)

    def on_mount(self) -> None:
        self.fill_in_after_paint(self._fill)
        if self.typed:
            self.notify("What you typed here before the app closed is back; not saved yet.")

    # --- autosave of the texts ----------------------------------------------------------

    def texts(self) -> dict[str, str]:
        return {name: self.query_one(f"#area-{name}", TextArea).text for name, _ in TEXT_FIELDS}

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self._keep_typed is not None and (event.text_area.id or "").startswith("area-"):
            self.autosave.touch()

    def _write_typed(self) -> bool:
        if self._keep_typed is None or not self.is_mounted or self.filling:
            return False
        texts = self.texts()
        if texts == self._kept_texts:
            return False
        self._keep_typed(texts)
        self._kept_texts = texts
        return True

    def save_now(self) -> None:
        """Write the texts as typed (quit, blur): like every editor, at most 0.4 s late."""
        self.autosave.flush()

    @property
    def save_failed(self) -> bool:
        return self.autosave.failing

    def on_descendant_blur(self) -> None:
        self.save_now()

    def on_resize(self) -> None:
        self.set_class(self.size.width < WIDE, "-narrow")

    def action_toggle_call_record(self) -> None:
        """Wide: show or hide the notes beside the form. Narrow: swap them in and out."""
        if self.has_class("-narrow"):
            shown = not self.has_class("-record-shown")
            self.set_class(shown, "-record-shown")
            if shown:
                self._focus_before_record = self.focused
                self.query_one("#call-record").focus()
            elif isinstance(before := getattr(self, "_focus_before_record", None), Widget):
                before.focus()
        else:
            self.toggle_class("-record-hidden")

    # --- rows ---------------------------------------------------------------------------

    def show_found(self, found: Found) -> None:
        """Opened from a search: show and focus what it found."""
        target: Widget | None = None
        if found.record_at is not None:
            self.set_class(True, "-record-shown")
            self.set_class(False, "-record-hidden")
            record = self.query_one("#call-record", VerticalScroll)
            record.focus()
            record.scroll_to_widget(self.query_one("#call-record-found"), top=True, animate=False)
            return
        if found.field:
            target = self.query_one(f"#area-{found.field}", TextArea)
        elif found.step:
            steps = [row for row in self.step_rows() if row.step.text == found.step]
            target = steps[0].query_one(Input) if steps else None
        elif found.referral_id is not None:
            people = [r for r in self.referral_rows() if r.referral.id == found.referral_id]
            target = people[0].fields()["name"].input if people else None
        if target is not None:
            target.focus()
            self.call_after_refresh(target.scroll_visible, animate=False)

    def step_rows(self) -> list[StepRow]:
        return list(self.query(StepRow))

    def referral_rows(self) -> list[ReferralRow]:
        return list(self.query(ReferralRow))

    async def action_add_next_step(self) -> None:
        row = StepRow()
        await self.query_one("#steps").mount(row)
        row.query_one(Input).focus()
        row.scroll_visible()

    async def action_add_referral(self) -> None:
        row = ReferralRow(organizations=self._organizations)
        await self.query_one("#referrals").mount(row)
        row.fields()["name"].input.focus()
        row.scroll_visible()

    async def action_remove_row(self) -> None:
        """Remove the next step or referral row that has the focus."""
        node: DOMNode | None = self.focused
        while node is not None and not isinstance(node, StepRow | ReferralRow):
            node = node.parent
        if node is None:
            self.notify("Move into a next step or referral row to remove it.", severity="warning")
            return
        rows: list = self.step_rows() if isinstance(node, StepRow) else self.referral_rows()
        index = rows.index(node)
        await node.remove()
        rest = rows[:index] + rows[index + 1 :]
        if rest:
            target = rest[min(index, len(rest) - 1)]
            target.query(Input).first().focus()
        else:
            self.focus_next()

    # --- saving -------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        # A long form: enter moves on, ctrl+s saves. Keys typed after enter belong to
        # the next field (keys are handed out in order: see tui/key_order).
        event.stop()
        self.focus_next()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self.query_one("#kind-error").remove_class("-shown")

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save_outcome()

    @on(Button.Pressed, "#cancel")
    def action_cancel_outcome(self) -> None:
        self.dismiss(None)

    def validate(self) -> Widget | None:
        """Check every field and row; return the first widget to fix, or None."""
        first: Widget | None = None
        kind = self.query_one("#kind", Select)
        missing_kind = kind.value is Select.NULL
        self.query_one("#kind-error").set_class(missing_kind, "-shown")
        if missing_kind:
            first = kind
        confidence = self.query_one(FormField)
        if confidence.check() and first is None:
            first = confidence.input
        for step in self.step_rows():
            if step.check() and first is None:
                first = step.query_one(".step-due" if step.text else ".step-text", Input)
        for referral in self.referral_rows():
            bad = referral.check()
            if bad is not None and first is None:
                first = bad.input
        return first

    def action_save_outcome(self) -> None:
        if (bad := self.validate()) is not None:
            bad.focus()
            bad.scroll_visible()
            self.notify("Fix the fields marked in red", severity="warning")
            return
        if not self._asked_about_referrals and all(r.is_blank() for r in self.referral_rows()):
            self._ask_about_referrals()
            return
        self._save()

    def _ask_about_referrals(self) -> None:
        """Once per form: the people they suggest are the point of the call."""
        from .confirm import ConfirmScreen

        self._asked_about_referrals = True

        async def answered(add: bool | None) -> None:
            if add:
                await self.action_add_referral()
            else:
                self._save()

        self.app.push_screen(
            ConfirmScreen(
                "Did you ask who else to talk to? No referral is filled in. "
                "y adds one; n saves as it is.",
                confirm_label="Add a referral",
            ),
            answered,
        )

    def _save(self) -> None:
        texts = self.texts()
        outcome = Outcome(
            interview_id=self.interview_id,
            kind=OutcomeKind(chosen(self.query_one("#kind", Select))),
            confidence=int(self.query_one(FormField).value.strip()),
            next_steps=tuple(row.value() for row in self.step_rows() if not row.is_blank()),
            referrals=tuple(row.value() for row in self.referral_rows() if not row.is_blank()),
            id=self.original.id if self.original else None,
            **texts,
        )
        self.finish(outcome)
