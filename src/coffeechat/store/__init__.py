"""The SQLite store. Takes and returns models; never imports textual."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from .contacts import ContactRow, Contacts, list_order
from .db import Database, backup_to
from .errors import NotWritten, StorageFull, StoreBusy, StoreError
from .organizations import Organizations

if TYPE_CHECKING:
    from .advice import Advice
    from .articles import Articles
    from .briefs import Briefs
    from .call_discards import CallDiscards
    from .drafts import Drafts
    from .duplicates import Duplicates
    from .employers import Employers
    from .followups import FollowUps
    from .history import History
    from .interactions import Interactions
    from .interviews import Interviews
    from .mail import MailNoticed
    from .notes import Notes
    from .outcomes import Outcomes
    from .questions import Questions
    from .search import Search
    from .settings import Settings

__all__ = [
    "ContactRow",
    "NotWritten",
    "StorageFull",
    "Store",
    "StoreBusy",
    "StoreError",
    "backup_to",
    "list_order",
]


class Store:
    """One open coffeechat database and a repository per aggregate."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.organizations = Organizations(database)
        self.contacts = Contacts(database, self.organizations)

    # The other repositories are built, and their modules imported, on first use:
    # the contact list's first paint needs only the contacts.

    @cached_property
    def settings(self) -> Settings:
        from .settings import Settings

        return Settings(self.database)

    @cached_property
    def drafts(self) -> Drafts:
        from .drafts import Drafts

        return Drafts(self.database)

    @cached_property
    def followups(self) -> FollowUps:
        from .followups import FollowUps

        return FollowUps(self.database)

    @cached_property
    def notes(self) -> Notes:
        from .notes import Notes

        return Notes(self.database)

    @cached_property
    def articles(self) -> Articles:
        from .articles import Articles

        return Articles(self.database)

    @cached_property
    def search(self) -> Search:
        from .search import Search

        return Search(self.database)

    @cached_property
    def briefs(self) -> Briefs:
        from .briefs import Briefs

        return Briefs(self.database, self.contacts, self.notes, self.articles)

    @cached_property
    def questions(self) -> Questions:
        from .questions import Questions

        return Questions(self.database)

    @cached_property
    def interviews(self) -> Interviews:
        from .interviews import Interviews

        return Interviews(self.database)

    @cached_property
    def outcomes(self) -> Outcomes:
        from .outcomes import Outcomes

        return Outcomes(self.database, self.contacts, self.organizations)

    @cached_property
    def advice(self) -> Advice:
        from .advice import Advice

        return Advice(self.database)

    @cached_property
    def history(self) -> History:
        from .history import History

        return History(self.database)

    @cached_property
    def interactions(self) -> Interactions:
        from .interactions import Interactions

        return Interactions(self.database)

    @cached_property
    def mail(self) -> MailNoticed:
        from .mail import MailNoticed

        return MailNoticed(self.database)

    @cached_property
    def employers(self) -> Employers:
        from .employers import Employers

        return Employers(self.database)

    @cached_property
    def call_discards(self) -> CallDiscards:
        from .call_discards import CallDiscards

        return CallDiscards(self.database)

    @cached_property
    def duplicates(self) -> Duplicates:
        from .duplicates import Duplicates

        return Duplicates(self.database)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        return cls(Database.open(path))

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """The same file through a connection of the calling thread's own, for a worker:
        every repository of the store yielded reads on that connection alone.

        A worker must never touch the interface's connection, even for one query. CPython
        reads a row's columns holding the GIL, and each such call takes the connection's
        lock; a statement stepping in another thread holds that lock while it calls back
        into Python (the fold function every connection has) and waits for the GIL. One
        connection used by two threads can hang both for good."""
        with self.database.reader() as conn:
            yield Store(Database(self.database.path, conn))

    @property
    def path(self) -> os.PathLike[str]:
        return self.database.path

    def close(self) -> None:
        self.database.close()
