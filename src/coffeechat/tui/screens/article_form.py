"""Add / edit an article, paper or link: a validated modal form returning an Article."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult

from ...domain import validation as v
from ...models_activity import Article
from ..widgets.form import FormCheckbox, FormField
from .form_modal import FormModal


def _check_title(value: str) -> str | None:
    return v.check_required(value, "A title")


class ArticleForm(FormModal[Article]):
    AUTO_FOCUS = "#field-title"
    DEFAULT_CSS = """
    ArticleForm FormCheckbox { margin-left: 16; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.original = article
        self.title_text = "Edit article" if article.id is not None else "New article"

    def compose_fields(self) -> ComposeResult:
        a = self.original
        yield FormField("Title *", name="title", value=a.title, checks=[_check_title])
        yield FormField(
            "URL", name="url", value=a.url, checks=[v.check_url], placeholder="https://…"
        )
        yield FormField("My notes", name="notes", value=a.notes)
        yield FormCheckbox("Read", a.is_read, compact=True, id="is-read")

    def result(self, fields: dict[str, FormField]) -> Article:
        return replace(
            self.original,
            title=fields["title"].value.strip(),
            url=v.normalize_url(fields["url"].value),
            notes=fields["notes"].value.strip(),
            is_read=self.query_one("#is-read", FormCheckbox).value,
        )
