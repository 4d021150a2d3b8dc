"""An article edited in two windows: the form saves against the article as it loaded
it, so neither window's edit is lost (usecases/articles.py through revisions.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.models_activity import Article
from coffeechat.store import Store
from coffeechat.usecases.articles import save_article
from coffeechat.usecases.revisions import EditConflict


def _loaded(store: Store) -> Article:
    contact = store.contacts.add(Contact(name="Maria Okafor"))
    return save_article(store, Article(contact.id or 0, "Cell therapy at scale"))


def test_fields_each_window_changed_are_both_kept(db_path: Path, store: Store) -> None:
    base = _loaded(store)
    other = Store.open(db_path)
    try:
        save_article(other, replace(base, url="https://example.org/a"), base)  # window B
    finally:
        other.close()
    saved = save_article(store, replace(base, is_read=True, notes="Ask about scale-up."), base)
    assert (saved.url, saved.is_read, saved.notes) == (
        "https://example.org/a",
        True,
        "Ask about scale-up.",
    )
    assert store.articles.get(base.id or 0) == saved


def test_a_title_both_changed_is_asked_not_overwritten(db_path: Path, store: Store) -> None:
    base = _loaded(store)
    other = Store.open(db_path)
    try:
        save_article(other, replace(base, title="Theirs"), base)
    finally:
        other.close()
    with pytest.raises(EditConflict) as raised:
        save_article(store, replace(base, title="Mine"), base)
    assert raised.value.fields == ("title",)
    assert store.articles.get(base.id or 0).title == "Theirs"  # nothing written
