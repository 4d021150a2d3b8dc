"""The SQLite store. Takes and returns models; never imports textual."""

from __future__ import annotations

import os

from .contacts import ContactRow, Contacts
from .db import Database, backup_to
from .errors import StoreError
from .interviews import Interviews
from .organizations import Organizations
from .questions import Questions
from .settings import Settings

__all__ = ["ContactRow", "Store", "StoreError", "backup_to"]


class Store:
    """One open coffeechat database and a repository per aggregate."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.organizations = Organizations(database)
        self.contacts = Contacts(database, self.organizations)
        self.settings = Settings(database)
        self.questions = Questions(database)
        self.interviews = Interviews(database)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        return cls(Database.open(path))

    @property
    def path(self) -> os.PathLike[str]:
        return self.database.path

    def close(self) -> None:
        self.database.close()
