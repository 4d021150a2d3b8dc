"""Schema 1: every table a first coffeechat file had, their indexes, and the first
search index (research notes and articles) with its triggers.

Later migrations add to it (schema_tables.py and the other schema_* modules); the
search index is rebuilt by search_schema.py.
"""

from __future__ import annotations

import sqlite3

from .schema_script import run_script

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


def create_first_tables(conn: sqlite3.Connection) -> None:
    """Schema 1: contacts, their notes, calls and letters, with the first search index."""
    run_script(conn, V1)
