"""The schema, as an ordered list of migrations.

We number migrations with SQLite's ``PRAGMA user_version`` rather than by name so that
a database written by a *newer* coffeechat can be recognised and refused untouched,
and ``PRAGMA application_id`` marks the file as ours so that another program's
SQLite file is never mistaken for an empty coffeechat database.

A migration runs inside the one transaction ``Database._migrate`` opens, after a backup.
What it may use there (tests/unit/test_sqlite_utils_fit.py holds these facts):

- adding a column: sqlite-utils ``table.add_column`` (it joins the transaction), as
  the migrations after the scripts do;
- reshaping a table: by hand (create the new table, copy, drop, rename), because
  sqlite-utils ``table.transform`` refuses inside a transaction for every table that
  others reference with ON DELETE rules, which is nearly all of ours;
- a script: ``_split_script`` below, not ``executescript`` (it commits first) and not
  sqlite-utils' script runner, which splits schema 1 in 15-25 ms instead of 0.1 ms
  (benchmarks/schema_script.py).

The search index is one FTS5 table over every kind of text (notes, articles, call
notes, answers, outcomes, letters sent), ranked together, with its own triggers;
sqlite-utils ``enable_fts`` builds one index per table, so it is kept as SQL
(search_schema.py builds today's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..domain.names import sort_key
from .search_schema import fold_search_index, search_everything
from .tables import tables

APPLICATION_ID = 0x43434854  # "CCHT"

V1 = """
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE UNIQUE INDEX organizations_name ON organizations(name COLLATE NOCASE);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    how_found TEXT NOT NULL DEFAULT '',
    referred_by INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    purpose TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'to contact',
    next_action TEXT NOT NULL DEFAULT '',
    next_action_date TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0,
    connected_on TEXT NOT NULL DEFAULT '',
    replied_on TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE) WHERE email != '';
CREATE INDEX contacts_url ON contacts(url) WHERE url != '';
CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE);
CREATE INDEX contacts_referred_by ON contacts(referred_by);
CREATE INDEX contacts_organization ON contacts(organization_id);

-- Markdown notes: research on a contact or an organization, a contact's
-- self-assessment ("what I want to learn from them and why them"), and the one
-- global "my story" card (both foreign keys NULL).
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('research', 'self_assessment', 'story')),
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    body TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE UNIQUE INDEX notes_subject
    ON notes(kind, ifnull(contact_id, 0), ifnull(organization_id, 0));

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    is_read INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX articles_contact ON articles(contact_id);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    grp TEXT NOT NULL DEFAULT 'Insights',
    position INTEGER NOT NULL DEFAULT 0,
    asks_for_job INTEGER NOT NULL DEFAULT 0,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);

CREATE TABLE interviews (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    scheduled_at TEXT NOT NULL DEFAULT '',
    medium TEXT NOT NULL DEFAULT 'phone',
    length_minutes INTEGER NOT NULL DEFAULT 30,
    state TEXT NOT NULL DEFAULT 'planned'
        CHECK (state IN ('planned', 'in progress', 'held')),
    started_at TEXT NOT NULL DEFAULT '',
    ended_at TEXT NOT NULL DEFAULT '',
    -- The timer: seconds banked while paused, plus (now - running_since) while running.
    elapsed_seconds REAL NOT NULL DEFAULT 0,
    running_since TEXT NOT NULL DEFAULT '',
    -- The note line being typed, saved while typing so a crash loses at most 0.5 s.
    draft_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX interviews_contact ON interviews(contact_id);

CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    asked INTEGER NOT NULL DEFAULT 0,
    asked_at TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_items_interview ON checklist_items(interview_id, position);

CREATE TABLE note_lines (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    checklist_item_id INTEGER REFERENCES checklist_items(id) ON DELETE SET NULL,
    minute INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX note_lines_interview ON note_lines(interview_id, id);

CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL UNIQUE REFERENCES interviews(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    learned TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    advice TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    assignments TEXT NOT NULL DEFAULT '',
    confidence INTEGER NOT NULL DEFAULT 3 CHECK (confidence BETWEEN 1 AND 5),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    outcome_id INTEGER NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    how_to_reach TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL
);

CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    template TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    sent_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX drafts_contact ON drafts(contact_id);

-- Everything with a due date: follow-ups promised in letters, 3B7 nudges,
-- thank-you notes owed, next steps from outcomes, scheduled calls.
CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
    done_at TEXT NOT NULL DEFAULT '',
    draft_id INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
    outcome_id INTEGER REFERENCES outcomes(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX followups_due ON followups(state, due_date);
CREATE INDEX followups_contact ON followups(contact_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text search over research notes and articles, kept in step by triggers.
CREATE VIRTUAL TABLE search_index USING fts5(
    source UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_index(source, ref_id, title, body) VALUES ('note', new.id, '', new.body);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN
    DELETE FROM search_index WHERE source = 'note' AND ref_id = old.id;
    INSERT INTO search_index(source, ref_id, title, body) VALUES ('note', new.id, '', new.body);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE source = 'note' AND ref_id = old.id;
END;
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_index(source, ref_id, title, body)
    VALUES ('article', new.id, new.title, new.url || ' ' || new.notes);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    DELETE FROM search_index WHERE source = 'article' AND ref_id = old.id;
    INSERT INTO search_index(source, ref_id, title, body)
    VALUES ('article', new.id, new.title, new.url || ' ' || new.notes);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE source = 'article' AND ref_id = old.id;
END;
"""


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


def _method(conn: sqlite3.Connection) -> None:
    for statement in _split_script(METHOD):
        conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _split_script(V1):
        conn.execute(statement)


def _split_script(script: str) -> list[str]:
    """Split a schema script into statements (``executescript`` would COMMIT for us)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    assert not buffer.strip(), "schema script ends mid-statement"
    return statements


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


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _split_script(V2):
        conn.execute(statement)


def _reflection(conn: sqlite3.Connection) -> None:
    """After each call: what went well and what I would do differently (interviewing
    is a skill; the next brief shows them)."""
    outcomes = tables(conn).table("outcomes")
    outcomes.add_column("went_well", str, not_null_default="")
    outcomes.add_column("do_differently", str, not_null_default="")


def _introductions(conn: sqlite3.Connection) -> None:
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


def _advice_acted_on(conn: sqlite3.Connection) -> None:
    for statement in _split_script(ADVICE_ACTED_ON):
        conn.execute(statement)


# The contact list shows each contact's last interaction, read with its rows: a column
# kept by triggers, because an aggregate over letters, calls and interactions for
# 30,000 rows costs start-up what a stored value does not. The day of the latest letter
# sent, call held (the day it started, as Interview.happened_at dates it: a call from
# 23:50 to 00:20 is the first day's), reply or touch (an out-of-office reply is not
# one): the same events keeping in touch counts from (store/history.py,
# ``last_interaction``), except ``contacts.replied_on``, which the list reads beside
# it. Each trigger recomputes the whole value for the contacts a row belongs to (and
# belonged to: a merge moves rows), so a deleted letter or an edited date is right too.
_LAST_INTERACTION_OF = """(
    SELECT ifnull(max(day), '') FROM (
        SELECT substr(sent_at, 1, 10) AS day FROM drafts WHERE contact_id = {who}
            AND sent_at != ''
        UNION ALL SELECT substr(coalesce(nullif(started_at, ''), ended_at), 1, 10)
            FROM interviews WHERE contact_id = {who} AND ended_at != ''
        UNION ALL SELECT day FROM interactions WHERE contact_id = {who}
            AND kind != 'out of office'))"""


def _recompute(who: str) -> str:
    return (
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who=who)} "
        f"WHERE id = {who};"
    )


def _last_interaction_triggers() -> str:
    statements = []
    # (table, the columns that carry an interaction, when a new row counts)
    watched = (
        ("drafts", ("sent_at",), "new.sent_at != ''"),
        ("interviews", ("ended_at", "started_at"), "new.ended_at != ''"),
        ("interactions", ("day", "kind"), "new.kind != 'out of office'"),
    )
    for table, columns, counts in watched:
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in (*columns, "contact_id"))
        statements += [
            f"CREATE TRIGGER {table}_last_interaction_ai AFTER INSERT ON {table} "
            f"WHEN {counts} BEGIN\n    {_recompute('new.contact_id')}\nEND;",
            # Autosaving a draft rewrites its row on every pause: only a change of what
            # counts recomputes.
            f"CREATE TRIGGER {table}_last_interaction_au AFTER UPDATE ON {table} "
            f"WHEN {changed} BEGIN\n    {_recompute('new.contact_id')}\n"
            f"    {_recompute('old.contact_id')}\nEND;",
            f"CREATE TRIGGER {table}_last_interaction_ad AFTER DELETE ON {table} BEGIN\n"
            f"    {_recompute('old.contact_id')}\nEND;",
        ]
    return "\n".join(statements)


def _last_interaction(conn: sqlite3.Connection) -> None:
    tables(conn).table("contacts").add_column("last_interaction", str, not_null_default="")
    # What the contacts already had: every row at once (contacts.id is each row's own).
    conn.execute(
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who='contacts.id')}"
    )
    for statement in _split_script(_last_interaction_triggers()):
        conn.execute(statement)


def _last_interaction_by_start(conn: sqlite3.Connection) -> None:
    """A held call counts on the day it started, not the day it ended: the triggers
    made again (they read the start now) and every contact's value recomputed."""
    for table in ("drafts", "interviews", "interactions"):
        for suffix in ("ai", "au", "ad"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_last_interaction_{suffix}")
    conn.execute(
        f"UPDATE contacts SET last_interaction = {_LAST_INTERACTION_OF.format(who='contacts.id')}"
    )
    for statement in _split_script(_last_interaction_triggers()):
        conn.execute(statement)


def _sort_name_of_organizations(conn: sqlite3.Connection) -> None:
    """A record with no person's name, named after its organization, files under the
    organization as written (``domain.names.sort_key``): those keys made again."""
    rows = conn.execute(
        "SELECT c.id, c.name, o.name AS organization FROM contacts c "
        "JOIN organizations o ON o.id = c.organization_id "
        "WHERE c.given_name = '' AND c.family_name = ''"
    ).fetchall()
    conn.executemany(
        "UPDATE contacts SET sort_name = ? WHERE id = ?",
        [(sort_key(r["name"], "", "", r["organization"]), r["id"]) for r in rows],
    )


def _greeting(conn: sqlite3.Connection) -> None:
    """How letters address a person, when not by their given name ("Dr. Aas")."""
    conn.execute("ALTER TABLE contacts ADD COLUMN greeting TEXT NOT NULL DEFAULT ''")


LIST_ORDER_INDEX = (
    "CREATE INDEX contacts_list_order ON contacts(archived, next_action_date = '', "
    "next_action_date, sort_name, id)"
)
"""The contact list's order as an index (schema 13 on; ``_list_order_index`` made the
first, by name). The expressions must stay those of ``Contacts.rows()``'s ORDER BY."""


def _list_order_index(conn: sqlite3.Connection) -> None:
    """The contact list's order as an index: the first screenful is read without
    sorting every row (12 ms → 0.3 ms at 30,000 contacts, before the first paint).
    Schema 13 rebuilt it as :data:`LIST_ORDER_INDEX` (by family name)."""
    conn.execute(
        "CREATE INDEX contacts_list_order ON contacts(archived, next_action_date = '', "
        "next_action_date, name COLLATE NOCASE, id)"
    )


def _mail_noticed(conn: sqlite3.Connection) -> None:
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


def _sort_name(conn: sqlite3.Connection) -> None:
    """Lists of people file by family name (``domain.names.sort_key``), kept in a column
    every writer fills, so the list reads in order along an index instead of parsing
    every name while it draws. The list's index takes it in place of the name."""
    tables(conn).table("contacts").add_column("sort_name", str, not_null_default="")
    rows = conn.execute("SELECT id, name, given_name, family_name FROM contacts").fetchall()
    conn.executemany(
        "UPDATE contacts SET sort_name = ? WHERE id = ?",
        [(sort_key(r["name"], r["given_name"], r["family_name"]), r["id"]) for r in rows],
    )
    conn.execute("DROP INDEX contacts_list_order")
    conn.execute(LIST_ORDER_INDEX)


def _call_discards(conn: sqlite3.Connection) -> None:
    """How to discard each call (usecases/calls.py): the rows its first start and its end
    changed, as they were, so a call picked up in a later session can still be
    discarded. Not backed up: a restored call is a call, not a mistake to take back."""
    conn.execute(
        "CREATE TABLE call_discards ("
        " interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,"
        " undo TEXT NOT NULL)"
    )


#: MIGRATIONS[n] brings a database from user_version n to n + 1. Append only.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2,
    _method,
    _reflection,
    _introductions,
    _advice_acted_on,
    _last_interaction,
    _list_order_index,
    search_everything,
    _mail_noticed,
    fold_search_index,
    _greeting,
    _sort_name,
    _call_discards,
    _last_interaction_by_start,
    _sort_name_of_organizations,
]

SCHEMA_VERSION = len(MIGRATIONS)
