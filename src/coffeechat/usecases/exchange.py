"""Import and export by format name: the one entry point for the CLI and the TUI."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from .. import safe_reading
from ..interop import csv_generic, ics, json_backup, linkedin, markdown, vcard
from ..interop.records import ImportFormatError
from ..store import Store, snapshot
from ..store.snapshot import SnapshotError, dump
from .backup import restore_backup
from .importing import ImportReport, import_contacts

IMPORT_FORMATS = ("linkedin", "vcard", "csv", "json")
EXPORT_FORMATS = ("json", "csv", "vcard", "markdown", "ics")
EXTENSIONS = {"json": "json", "csv": "csv", "vcard": "vcf", "markdown": "md", "ics": "ics"}
_PARSERS = {"linkedin": linkedin.parse, "vcard": vcard.parse, "csv": csv_generic.parse}

Progress = Callable[[int, int], None]


def read_file(path: str | os.PathLike[str]) -> bytes:
    try:
        return safe_reading.read_bytes(path)
    except IsADirectoryError:
        raise ImportFormatError(str(path), None, "is a folder, not a file") from None
    except OSError as error:
        raise ImportFormatError(str(path), None, error.strerror or str(error)) from None


def import_file(
    store: Store, fmt: str, path: str | os.PathLike[str], progress: Progress | None = None
) -> ImportReport:
    """Import *path*; raise ImportFormatError (naming file and line) and change nothing."""
    source = str(path)
    data = read_file(path)
    return import_bytes(store, fmt, data, source, progress)


@contextmanager
def _bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is parsed and matched.

    An import allocates a few objects per row and frees none of them until it ends;
    without this, collections that find nothing to free cost a 30,000-row LinkedIn
    import about a fifth of its time. Nothing built here forms a cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_bytes(
    store: Store, fmt: str, data: bytes, source: str, progress: Progress | None = None
) -> ImportReport:
    with _bulk_allocation():
        return _import_bytes(store, fmt, data, source, progress)


def _import_bytes(
    store: Store, fmt: str, data: bytes, source: str, progress: Progress | None
) -> ImportReport:
    if fmt == "json":
        document = json_backup.parse(data, source, newest=snapshot.VERSION)
        try:
            return restore_backup(store, document)
        except SnapshotError as error:
            raise ImportFormatError(source, None, str(error)) from None
    parsed = _PARSERS[fmt](data, source)
    report = ImportReport(unknown_columns=parsed.unknown_columns)
    for _line, reason in parsed.skipped:
        report.skipped[reason] += 1
    return import_contacts(store.database, parsed.records, report, progress)


def export_text(store: Store, fmt: str, now: datetime | None = None) -> str:
    if fmt == "json":
        return json_backup.write(dump(store.database))
    if fmt == "markdown":
        document = dump(store.database)
        # The report reads as an address book: people by family name.
        rank = {cid: at for at, cid in enumerate(store.contacts.ids_by_sort_name())}
        document["contacts"].sort(key=lambda contact: rank.get(contact["id"], len(rank)))
        return markdown.write(document)
    if fmt == "ics":
        return ics.write(dump(store.database), now or datetime.now())
    if fmt == "vcard":
        store.contacts.fill_missing_uids()  # every card needs its UID
    contacts = store.contacts.all(by_name=True)  # as an address book files them
    if fmt == "csv":
        return csv_generic.write(contacts, store.notes.research_by_contact())
    if fmt == "vcard":
        return vcard.write(contacts, store.notes.research_by_contact())
    raise ValueError(f"unknown export format {fmt!r}")
