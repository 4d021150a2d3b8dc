"""Articles read for a contact's research."""

from __future__ import annotations

from ..models_activity import Article
from ..store import Store
from .revisions import add_or_save


def save_article(store: Store, article: Article, base: Article | None = None) -> Article:
    """Add a new article or save an edited one against *base* (the article as the form
    loaded it): another window's changes meanwhile are merged, or EditConflict raised
    (see revisions.py)."""
    return add_or_save(store, store.articles, article, base, texts=("notes",))


def toggle_read(store: Store, article_id: int) -> bool:
    """Flip an article between read and unread; its new state, read back in the same
    transaction (another window's flip in between cannot make the notice lie)."""
    with store.database.transaction():
        return store.articles.toggle_read(article_id)


def delete_article(store: Store, article_id: int) -> None:
    """Delete an article (the pane asked first)."""
    with store.database.transaction():
        store.articles.delete(article_id)
