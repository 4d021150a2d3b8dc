"""Record a reply: positive, "talk to X instead", declined, or out of office until a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...domain import validation as v
from ...domain.agenda import DATE_HELP, check_day, resolve_new_date
from ...domain.text import one_line
from ...models import ReplyKind
from ...models_activity import Referral
from ..widgets.form import FormField
from .form_modal import FormModal

KIND_LABELS = {
    ReplyKind.POSITIVE: "Positive: happy to talk",
    ReplyKind.REFERRAL_ONLY: "Referral only: talk to someone else instead",
    ReplyKind.DECLINED: "Declined",
    ReplyKind.OUT_OF_OFFICE: "Out of office until a date",
}


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    back_on: date | None = None
    referral: Referral | None = None


class ReplyForm(FormModal[Reply]):
    """Pick what they said (enter); a date or a name follows when the kind needs one."""

    AUTO_FOCUS = "#reply-kind"
    DEFAULT_CSS = """
    ReplyForm #reply-kind { height: auto; margin-bottom: 1; border: none; }
    ReplyForm .reply-extra { display: none; }
    ReplyForm.-away .away, ReplyForm.-referral .referral { display: block; }
    """

    def __init__(self, who: str, noticed_on: str = "") -> None:
        """*noticed_on*: the day of a reply noticed in the mail, whose kind this changes."""
        super().__init__()
        self.title_text = f"Reply from {one_line(who)}"
        if noticed_on:
            self.title_text += f" (noticed in your mail, {noticed_on}): what kind?"

    def compose_fields(self) -> ComposeResult:
        yield Label("What did they say?", markup=False)
        yield OptionList(
            *(Option(label, id=str(kind)) for kind, label in KIND_LABELS.items()),
            id="reply-kind",
        )
        back = FormField(
            "Back on",
            name="back_on",
            placeholder="YYYY-MM-DD, +N, monday…",
            checks=[self._check_back],
        )
        back.add_class("reply-extra", "away")
        yield back
        for label, name, checks in (
            ("Talk to", "name", [self._check_referral_name]),
            ("Organization", "organization", []),
            ("Email", "email", [v.check_email]),
        ):
            field = FormField(label, name=name, checks=checks)
            field.add_class("reply-extra", "referral")
            yield field

    def on_mount(self) -> None:
        self.query_one("#reply-kind", OptionList).highlighted = 0

    @property
    def kind(self) -> ReplyKind:
        options = self.query_one("#reply-kind", OptionList)
        index = options.highlighted or 0
        return ReplyKind(options.get_option_at_index(index).id or ReplyKind.POSITIVE)

    @on(OptionList.OptionHighlighted, "#reply-kind")
    def _kind_changed(self) -> None:
        self.set_class(self.kind is ReplyKind.OUT_OF_OFFICE, "-away")
        self.set_class(self.kind is ReplyKind.REFERRAL_ONLY, "-referral")

    @on(OptionList.OptionSelected, "#reply-kind")
    def _kind_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a kind: save, or go to the date or name it still needs."""
        event.stop()
        if self.kind is ReplyKind.OUT_OF_OFFICE:
            self.query_one("#field-back_on").focus()
        elif self.kind is ReplyKind.REFERRAL_ONLY:
            self.query_one("#field-name").focus()
        else:
            self.action_save()

    def _check_back(self, value: str) -> str | None:
        if self.kind is not ReplyKind.OUT_OF_OFFICE:
            return None
        if not value.strip():
            return f"The day they are back ({DATE_HELP})"
        return check_day(value, self._today())

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)  # the app's (frozen in tests)
        return clock.today() if clock is not None else date.today()

    def _check_referral_name(self, value: str) -> str | None:
        if self.kind is not ReplyKind.REFERRAL_ONLY:
            return None
        return v.check_required(value, "The name of the person to talk to")

    def result(self, fields: dict[str, FormField]) -> Reply:
        kind = self.kind
        if kind is ReplyKind.OUT_OF_OFFICE:
            back = resolve_new_date(fields["back_on"].value, self._today())
            return Reply(kind, back_on=date.fromisoformat(back) if back else None)
        if kind is ReplyKind.REFERRAL_ONLY:
            return Reply(
                kind,
                referral=Referral(
                    name=fields["name"].value.strip(),
                    organization=fields["organization"].value.strip(),
                    email=fields["email"].value.strip(),
                ),
            )
        return Reply(kind)
