"""The rows of the outcome form that are added and removed by keyboard: a next step
(what, by when) and a referral (who, and whatever else they said about them).

A blank row is ignored when the form is saved; a half-filled one says what it lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from ...domain import validation as v
from ...domain.agenda import DATE_HELP, check_day, resolve_new_date
from ...models import Introduction
from ...models_activity import NextStep, Referral
from ..widgets.form import FormField, check_all
from ..widgets.safe_text import SafeInput
from ..widgets.suggest import FoldedSuggestions


class StepRow(Vertical):
    """One next step: what, and by when."""

    DEFAULT_CSS = """
    StepRow { height: auto; }
    StepRow > Horizontal { height: 1; }
    StepRow .step-text { width: 1fr; }
    StepRow .step-due { width: 14; margin-left: 1; }
    StepRow Input { background: $boost; }
    StepRow Input:focus { background: $accent 25%; }
    StepRow Input.-invalid { background: $error 25%; }
    StepRow .form-error { color: $error; display: none; height: auto; }
    StepRow.-has-error .form-error { display: block; }
    """

    def __init__(self, step: NextStep | None = None) -> None:
        super().__init__(classes="row")
        self.step = step or NextStep("")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield SafeInput(
                self.step.text, placeholder="Next step", compact=True, classes="step-text"
            )
            yield SafeInput(
                self.step.due_date,
                placeholder="date, +N, fri",
                compact=True,
                max_length=10,
                classes="step-due",
            )
        yield Static("", classes="form-error", markup=False)

    @property
    def text(self) -> str:
        return self.query_one(".step-text", Input).value.strip()

    @property
    def due(self) -> str:
        return self.query_one(".step-due", Input).value.strip()

    def is_blank(self) -> bool:
        return not self.text and not self.due

    def check(self) -> str | None:
        reason = None
        if self.is_blank():
            reason = None
        elif not self.text:
            reason = "Say what the next step is (or ctrl+d removes the row)"
        elif not self.due:
            reason = f"Give the next step a due date ({DATE_HELP})"
        else:
            reason = check_day(self.due, _today(self))
        self.query_one(".form-error", Static).update(f"↳ {reason}" if reason else "")
        self.set_class(bool(reason), "-has-error")
        bad = self.query_one(".step-text" if reason and not self.text else ".step-due", Input)
        for field in self.query(Input):
            field.set_class(bool(reason) and field is bad, "-invalid")
        return reason

    def value(self) -> NextStep:
        return NextStep(self.text, resolve_new_date(self.due, _today(self)) or self.due)


def _today(widget: Widget) -> date:
    """The app's today (its clock is frozen in tests)."""
    clock = getattr(widget.app, "clock", None)
    return clock.today() if clock is not None else date.today()


INTRODUCTION_CHOICES = {
    Introduction.USE_NAME: "I write to them, and may say who suggested them",
    Introduction.NO_NAME: "I write to them without naming who suggested them",
    Introduction.BY_REFERRER: "They introduce me themselves (check in a week later)",
}
"""The answers to "may I use your name?"."""


class ReferralRow(Vertical):
    """One person they suggested: a name, and whatever else they said about them."""

    DEFAULT_CSS = """
    ReferralRow { height: auto; margin-top: 1; }
    ReferralRow .referral-title { color: $text-muted; text-style: bold; }
    ReferralRow .intro-row { height: 1; }
    ReferralRow .intro-row .form-label { width: 16; color: $text-muted; }
    ReferralRow .referral-intro { width: 1fr; }
    """

    def __init__(self, referral: Referral | None = None, organizations: Sequence[str] = ()) -> None:
        super().__init__(classes="row")
        self.referral = referral or Referral("")
        self._organizations = list(organizations)

    def compose(self) -> ComposeResult:
        r = self.referral
        linked = "  (in your contacts)" if r.contact_id else ""
        yield Label(f"Referral{linked}", classes="referral-title")
        yield FormField("Name *", name="name", value=r.name, max_length=v.MAX_NAME)
        yield FormField("Title", name="title", value=r.title)
        yield FormField(
            "Organization",
            name="organization",
            value=r.organization,
            suggester=FoldedSuggestions(self._organizations),
        )
        yield FormField(
            "Email", name="email", value=r.email, checks=[v.check_email], placeholder="name@…"
        )
        yield FormField(
            "Profile URL", name="url", value=r.url, checks=[v.check_url], placeholder="https://…"
        )
        yield FormField(
            "How to reach",
            name="how_to_reach",
            value=r.how_to_reach,
            placeholder="e.g. mention my name; she prefers email",
        )
        with Horizontal(classes="intro-row"):
            yield Label("Introduction", classes="form-label")
            intro = Select(
                [(label, str(kind)) for kind, label in INTRODUCTION_CHOICES.items()],
                prompt="May I use your name? (not asked)",
                compact=True,
                classes="referral-intro",
            )
            if r.introduction in {str(kind) for kind in INTRODUCTION_CHOICES}:
                intro.value = r.introduction
            yield intro

    def fields(self) -> dict[str, FormField]:
        return {field.field_name: field for field in self.query(FormField)}

    def is_blank(self) -> bool:
        return not any(field.value.strip() for field in self.fields().values())

    def check(self) -> FormField | None:
        fields = self.fields()
        bad = check_all(fields.values())
        if not self.is_blank() and not fields["name"].value.strip():
            fields["name"].show_error("A referral needs at least a name")
            bad = bad or fields["name"]
        return bad

    def value(self) -> Referral:
        # Field names are Referral's text fields (replace() cannot check a dict's keys).
        values: dict[str, Any] = {n: f.value.strip() for n, f in self.fields().items()}
        values["url"] = v.normalize_url(values["url"]) if values["url"] else ""
        intro = self.query_one(".referral-intro", Select).value
        values["introduction"] = intro if isinstance(intro, str) else ""
        return replace(self.referral, **values)
