"""Identity (schema 2): a stable UID per contact, the names as the source gave them,
further identifiers, and the pairs that may be one person."""

from __future__ import annotations

import sqlite3

from .schema_script import run_script

# An RFC 4122 version-4 UUID written in SQL, for rows that exist when the column is
# added. New rows get theirs from the code that inserts them (domain.identity.new_uid):
# ALTER TABLE cannot add a non-constant default, and an AFTER INSERT trigger costs a
# 30,000-row import almost a second.
NEW_UID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) "
    "|| substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)

V2 = f"""
-- Identity. A stable UID per contact (vCard UID, and later a vdir file name), the given
-- and family names as the source gave them, further identifiers (a second email, or
-- those of a contact merged into this one) and the pairs that may be one person.
ALTER TABLE contacts ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN family_name TEXT NOT NULL DEFAULT '';
UPDATE contacts SET uid = {NEW_UID_SQL};
CREATE UNIQUE INDEX contacts_uid ON contacts(uid) WHERE uid != '';

-- kind is 'email' or 'url' (value: the normalised key, see domain/identity.py), or
-- 'uid': the UID of a contact merged into this one, so its vCard still finds it.
CREATE TABLE contact_identifiers (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'url', 'uid')),
    value TEXT NOT NULL
);
CREATE UNIQUE INDEX contact_identifiers_key ON contact_identifiers(kind, value, contact_id);
CREATE INDEX contact_identifiers_contact ON contact_identifiers(contact_id);

-- Same name and organization, different identifiers: maybe one person. 'possible'
-- until the user decides; 'distinct' ("not a duplicate") is remembered so that a
-- re-import does not ask again. A merge deletes the pair with the merged contact.
-- The pair is stored once, lower id first (the store orders it).
CREATE TABLE contact_pairs (
    id INTEGER PRIMARY KEY,
    low_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    high_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'possible' CHECK (state IN ('possible', 'distinct')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE UNIQUE INDEX contact_pairs_key ON contact_pairs(low_id, high_id);
CREATE INDEX contact_pairs_high ON contact_pairs(high_id);
"""


def add_identity(conn: sqlite3.Connection) -> None:
    run_script(conn, V2)
