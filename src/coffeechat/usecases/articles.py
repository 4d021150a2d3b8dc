"""Articles read for a contact's research."""

from __future__ import annotations

from ..models_activity import Article
from ..store import Store
from .revisions import save_against


def save_article(store: Store, article: Article, base: Article | None = None) -> Article:
    """Add a new article or save an edited one against *base* (the article as the form
    loaded it): another window's changes meanwhile are merged, or EditConflict raised
    (see revisions.py)."""
    if article.id is None:
        return store.articles.add(article)
    article_id = article.id
    return save_against(
        store,
        base,
        article,
        current=lambda: store.articles.get(article_id),
        write=store.articles.update,
        texts=("notes",),
    )
