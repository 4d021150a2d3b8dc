"""Add / edit an article, paper or link: a validated modal form returning an Article."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

from ...domain import validation as v
from ...models import Article
from ..widgets.form import FormField, check_all


def _check_title(value: str) -> str | None:
    return v.check_required(value, "A title")


class ArticleForm(ModalScreen[Article | None]):
    """Enter or ctrl+s saves (after validation), escape cancels."""

    AUTO_FOCUS = "#field-title"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    DEFAULT_CSS = """
    ArticleForm { align: center middle; }
    ArticleForm > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    ArticleForm .form-title { text-style: bold; width: 1fr; margin-bottom: 1; }
    ArticleForm Checkbox { margin-left: 16; }
    ArticleForm .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.original = article

    def compose(self) -> ComposeResult:
        a = self.original
        with Vertical():
            title = "Edit article" if a.id is not None else "New article"
            yield Label(f"{title}  ·  enter or ctrl+s saves · escape cancels", classes="form-title")
            yield FormField("Title *", name="title", value=a.title, checks=[_check_title])
            yield FormField(
                "URL", name="url", value=a.url, checks=[v.check_url], placeholder="https://…"
            )
            yield FormField("My notes", name="notes", value=a.notes)
            yield Checkbox("Read", a.is_read, compact=True, id="is-read")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        fields = {field.field_name: field for field in self.query(FormField)}
        if bad := check_all(fields.values()):
            bad.input.focus()
            return
        self.dismiss(
            replace(
                self.original,
                title=fields["title"].value.strip(),
                url=v.normalize_url(fields["url"].value),
                notes=fields["notes"].value.strip(),
                is_read=self.query_one("#is-read", Checkbox).value,
            )
        )
