"""Errors the store raises with a message fit to show a user as-is."""


class StoreError(Exception):
    """A problem with the database file, explained in one line."""
