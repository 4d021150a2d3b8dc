"""Articles, papers and links about a contact: what they wrote and what I read."""

from __future__ import annotations

import sqlite3

from ..models_activity import Article
from .db import Database, inserted_id, record

_COLUMNS = "id, contact_id, title, url, is_read, notes"


def _article(row: sqlite3.Row) -> Article:
    return record(Article, row, is_read=bool(row["is_read"]))


class Articles:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def add(self, article: Article) -> Article:
        cursor = self._conn.execute(
            "INSERT INTO articles(contact_id, title, url, is_read, notes) VALUES (?, ?, ?, ?, ?)",
            (article.contact_id, article.title, article.url, int(article.is_read), article.notes),
        )
        new_id = inserted_id(cursor)
        added = self.get(new_id)
        assert added is not None
        return added

    def update(self, article: Article) -> Article:
        if article.id is None:
            raise ValueError("update() needs an article with an id")
        self._conn.execute(
            "UPDATE articles SET title = ?, url = ?, is_read = ?, notes = ? WHERE id = ?",
            (article.title, article.url, int(article.is_read), article.notes, article.id),
        )
        updated = self.get(article.id)
        assert updated is not None
        return updated

    def save(self, article: Article) -> Article:
        return self.update(article) if article.id is not None else self.add(article)

    def get(self, article_id: int) -> Article | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row) if row else None

    def for_contact(self, contact_id: int) -> list[Article]:
        """The contact's articles, unread first, then in the order they were added."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE contact_id = ? ORDER BY is_read, id",
            (contact_id,),
        )
        return [_article(row) for row in rows]

    def toggle_read(self, article_id: int) -> bool:
        """Flip read/unread; return the new state."""
        self._conn.execute("UPDATE articles SET is_read = 1 - is_read WHERE id = ?", (article_id,))
        row = self._conn.execute("SELECT is_read FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        return bool(found["is_read"]) if found else False

    def delete(self, article_id: int) -> None:
        self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
