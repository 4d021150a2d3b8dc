"""The Markdown export shows HTML from people and imports as text, never as live HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt

from coffeechat.models import Contact
from coffeechat.models_activity import Article
from coffeechat.store import Store
from coffeechat.usecases.exchange import export_text

SCRIPT = "<script>alert('name')</script>"
IFRAME = '<iframe src="https://evil.example/"></iframe>'
IMG = '<img src=x onerror="alert(1)">'


def test_raw_html_in_names_and_notes_is_not_live(store: Store) -> None:
    contact = store.contacts.add(
        Contact(name=f"Eve {SCRIPT}", title=IMG, organization="A & B <Labs>")
    )
    assert contact.id is not None
    store.notes.save_research(contact.id, f"**bold** stays Markdown\n\n{IFRAME}\n\n- a <b>list")
    store.articles.add(
        Article(contact_id=contact.id, title=f"Paper {IMG}", url="https://example.org/a?b=1&c=2")
    )
    report = export_text(store, "markdown")
    html = MarkdownIt("commonmark").render(report)  # raw HTML allowed, as GitHub's viewer
    for live in ("<script", "<iframe", "<img", "<b>", "<Labs>"):
        assert live not in html, live
    assert "&lt;script&gt;alert" in html and "&lt;iframe" in html
    assert "<strong>bold</strong>" in html  # a note's own Markdown still renders
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert "A &amp; B &lt;Labs&gt;" in html
