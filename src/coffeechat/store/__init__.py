"""The SQLite store. Takes and returns models; never imports textual."""

from __future__ import annotations

import os

from .advice import Advice
from .articles import Articles
from .briefs import Briefs
from .contacts import ContactRow, Contacts, list_order
from .db import Database, backup_to
from .drafts import Drafts
from .duplicates import Duplicates
from .employers import Employers
from .errors import StorageFull, StoreError
from .followups import FollowUps
from .history import History
from .interactions import Interactions
from .interviews import Interviews
from .notes import Notes
from .organizations import Organizations
from .outcomes import Outcomes
from .questions import Questions
from .search import Search
from .settings import Settings

__all__ = ["ContactRow", "StorageFull", "Store", "StoreError", "backup_to", "list_order"]


class Store:
    """One open coffeechat database and a repository per aggregate."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.organizations = Organizations(database)
        self.contacts = Contacts(database, self.organizations)
        self.settings = Settings(database)
        self.drafts = Drafts(database)
        self.followups = FollowUps(database)
        self.notes = Notes(database)
        self.articles = Articles(database)
        self.search = Search(database)
        self.briefs = Briefs(database, self.contacts, self.notes, self.articles)
        self.questions = Questions(database)
        self.interviews = Interviews(database)
        self.outcomes = Outcomes(database, self.contacts, self.organizations)
        self.advice = Advice(database)
        self.history = History(database)
        self.interactions = Interactions(database)
        self.employers = Employers(database)
        self.duplicates = Duplicates(database)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        return cls(Database.open(path))

    @property
    def path(self) -> os.PathLike[str]:
        return self.database.path

    def close(self) -> None:
        self.database.close()
