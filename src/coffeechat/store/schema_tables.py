"""Tables and columns added after schema 1 (schema_first.py), each by its migration.

Indexes that serve a table's own lookups stay beside it; the contact list's order
index is in schema_list_order.py, the last-interaction triggers in
schema_last_interaction.py, the search index in search_schema.py.
"""

from __future__ import annotations

import sqlite3

from .schema_script import run_script
from .tables import tables

# The method around the interviews: a time zone and a keep-in-touch interval per
# contact, target employers ranked by Advocacy, Motivation and Posting (LAMP), and a
# log of interactions (replies of each kind, touches) that keeping in touch counts from.
METHOD = """
ALTER TABLE contacts ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN keep_in_touch_days INTEGER;
ALTER TABLE organizations ADD COLUMN motivation INTEGER;
ALTER TABLE organizations ADD COLUMN posting INTEGER;
ALTER TABLE organizations ADD COLUMN advocacy INTEGER;
ALTER TABLE organizations ADD COLUMN target_status TEXT NOT NULL DEFAULT 'active';
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    back_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX interactions_contact ON interactions(contact_id, day);
ALTER TABLE interviews ADD COLUMN prepared TEXT NOT NULL DEFAULT '';
"""


def add_method(conn: sqlite3.Connection) -> None:
    run_script(conn, METHOD)


def add_reflection(conn: sqlite3.Connection) -> None:
    """After each call: what went well and what I would do differently (interviewing
    is a skill; the next brief shows them)."""
    outcomes = tables(conn).table("outcomes")
    outcomes.add_column("went_well", str, not_null_default="")
    outcomes.add_column("do_differently", str, not_null_default="")


def add_introductions(conn: sqlite3.Connection) -> None:
    """Each referral keeps the answer to "may I use your name?" (or that the referrer
    makes the introduction themselves)."""
    tables(conn).table("referrals").add_column("introduction", str, not_null_default="")


ADVICE_ACTED_ON = """
-- A piece of a call's advice (a line of the outcome's advice, as written when marked)
-- that the user acted on, and the day they did: closing the loop with whoever
-- referred them to the person who gave it.
CREATE TABLE advice_acted_on (
    id INTEGER PRIMARY KEY,
    outcome_id INTEGER NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
    advice TEXT NOT NULL,
    day TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE UNIQUE INDEX advice_acted_on_piece ON advice_acted_on(outcome_id, advice);
"""


def add_advice_acted_on(conn: sqlite3.Connection) -> None:
    run_script(conn, ADVICE_ACTED_ON)


def add_greeting(conn: sqlite3.Connection) -> None:
    """How letters address a person, when not by their given name ("Dr. Aas")."""
    conn.execute("ALTER TABLE contacts ADD COLUMN greeting TEXT NOT NULL DEFAULT ''")


def add_mail_noticed(conn: sqlite3.Connection) -> None:
    """Messages the mail scan acted on (a letter seen sent, a reply), so a message read
    again is not counted twice. Only the date, subject, sender address and Message-ID
    of a message are kept; contact and interaction say what it was taken for (no
    foreign keys: a contact merged or deleted leaves a message that is simply known)."""
    conn.execute(
        "CREATE TABLE mail_noticed ("
        " message_id TEXT PRIMARY KEY,"
        " kind TEXT NOT NULL,"
        " day TEXT NOT NULL,"
        " subject TEXT NOT NULL DEFAULT '',"
        " sender TEXT NOT NULL DEFAULT '',"
        " contact_id INTEGER,"
        " interaction_id INTEGER)"
    )
    conn.execute("CREATE INDEX mail_noticed_interaction ON mail_noticed(interaction_id)")


def add_call_discards(conn: sqlite3.Connection) -> None:
    """How to discard each call (usecases/calls.py): the rows its first start and its end
    changed, as they were, so a call picked up in a later session can still be
    discarded. Not backed up: a restored call is a call, not a mistake to take back."""
    conn.execute(
        "CREATE TABLE call_discards ("
        " interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,"
        " undo TEXT NOT NULL)"
    )
