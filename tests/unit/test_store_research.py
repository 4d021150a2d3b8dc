"""Notes, articles, full-text search and the brief, on a real SQLite file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.story import STORY_PROMPTS, STORY_TEMPLATE, story_or_template
from coffeechat.models import Contact
from coffeechat.models_activity import Article
from coffeechat.store import Store
from coffeechat.store.search import fts_query, snippet
from tests.conftest import seed


def _org_id(store: Store, contact: Contact) -> int:
    org_id = store.organizations.id_for(contact.organization)
    assert org_id is not None
    return org_id


def test_notes_upsert_one_row_per_subject(store: Store) -> None:
    maria, tom, *_ = seed(store)
    assert store.notes.research(maria.id) == ""
    assert store.notes.save_research(maria.id, "First draft") is True
    assert store.notes.save_research(maria.id, "Second draft") is True
    assert store.notes.save_research(tom.id, "Tom's notes") is True
    assert store.notes.save_self_assessment(maria.id, "Learn about QA") is True
    org = _org_id(store, maria)
    assert store.notes.save_organization_research(org, "Founded 2009") is True
    assert store.notes.research(maria.id) == "Second draft"
    assert store.notes.research(tom.id) == "Tom's notes"
    assert store.notes.self_assessment(maria.id) == "Learn about QA"
    assert store.notes.organization_research(org) == "Founded 2009"
    assert store.organizations.get(org).notes == "Founded 2009"
    assert store.notes.count() == 4


def test_saving_the_same_body_writes_nothing(store: Store) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "Same")
    before = store.notes.get("research", contact_id=maria.id)
    store.database.conn.execute("UPDATE notes SET updated_at = '2000-01-01T00:00:00'")
    assert store.notes.save_research(maria.id, "Same") is False
    after = store.notes.get("research", contact_id=maria.id)
    assert after.updated_at == "2000-01-01T00:00:00"
    assert after.id == before.id


def test_empty_note_never_written_makes_no_row(store: Store) -> None:
    maria, *_ = seed(store)
    assert store.notes.save_research(maria.id, "") is False
    assert store.notes.count() == 0
    store.notes.save_research(maria.id, "x")
    assert store.notes.save_research(maria.id, "") is True  # clearing a note is a save
    assert store.notes.research(maria.id) == ""


def test_story_is_global_and_unique(store: Store) -> None:
    assert store.notes.story() == ""
    store.notes.save_story("## Why this school\nBecause.")
    store.notes.save_story("## Why this school\nBecause I liked it.")
    assert store.notes.story() == "## Why this school\nBecause I liked it."
    assert store.notes.count() == 1
    note = store.notes.get("story")
    assert note.contact_id is None and note.organization_id is None


def test_story_template_has_every_prompt() -> None:
    for prompt in STORY_PROMPTS:
        assert f"## {prompt}" in STORY_TEMPLATE
    assert story_or_template("") == STORY_TEMPLATE
    assert story_or_template("  \n") == STORY_TEMPLATE
    assert story_or_template("mine") == "mine"


def test_notes_go_with_their_contact(store: Store) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "notes")
    store.articles.add(Article(contact_id=maria.id, title="Paper"))
    store.contacts.forget(maria.id)
    assert store.notes.count() == 0
    assert store.search.query("notes") == []
    assert store.search.query("paper") == []


def test_articles_crud_and_toggle(store: Store) -> None:
    maria, tom, *_ = seed(store)
    first = store.articles.add(
        Article(contact_id=maria.id, title="CAR-T at scale", url="https://example.org/cart")
    )
    second = store.articles.add(Article(contact_id=maria.id, title="Interview", is_read=True))
    store.articles.add(Article(contact_id=tom.id, title="Tom's blog"))
    assert [a.title for a in store.articles.for_contact(maria.id)] == [
        "CAR-T at scale",
        "Interview",
    ]
    assert store.articles.toggle_read(first.id) is True
    assert store.articles.get(first.id).is_read is True
    assert store.articles.toggle_read(first.id) is False
    edited = store.articles.save(
        Article(contact_id=maria.id, title="Interview (2024)", notes="good", id=second.id)
    )
    assert edited.title == "Interview (2024)" and edited.notes == "good" and not edited.is_read
    store.articles.delete(first.id)
    assert [a.id for a in store.articles.for_contact(maria.id)] == [second.id]


def test_search_finds_notes_and_articles_ignoring_accents(store: Store) -> None:
    maria, tom, priya, _, emile = seed(store)
    store.notes.save_research(maria.id, "Studied in Genève, then moved to biologics")
    store.notes.save_self_assessment(tom.id, "Learn how patient groups fund research")
    org = _org_id(store, priya)
    store.notes.save_organization_research(org, "A one-person café of science writing")
    store.notes.save_story("## My strengths\nPatience and pipettes")
    store.articles.add(
        Article(contact_id=emile.id, title="Protéines et lumière", notes="read twice")
    )

    [hit] = store.search.query("geneve")
    assert hit.contact_id == maria.id and hit.kind == "research"
    assert hit.label == "Maria Okafor · notes"
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "Genève"

    [hit] = store.search.query("PATIENT groups")
    assert hit.contact_id == tom.id and hit.kind == "self_assessment"

    [hit] = store.search.query("cafe")
    assert hit.organization_id == org and hit.contact_id is None
    assert hit.label == "Independent · organization notes"

    [hit] = store.search.query("pipet")  # a prefix is enough
    assert hit.kind == "story" and hit.label == "My story"

    [hit] = store.search.query("proteines")
    assert hit.source == "article" and hit.contact_id == emile.id

    assert store.search.query("nowhere") == []
    assert store.search.query("   ") == []


def test_search_follows_edits(store: Store) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "zebrafish")
    store.notes.save_research(maria.id, "drosophila")
    assert store.search.query("zebrafish") == []
    assert len(store.search.query("drosophila")) == 1


@pytest.mark.parametrize("text", ['"', "a OR", "NEAR(", "*", "-x", "col:val", "^a", "'"])
def test_search_syntax_never_raises(store: Store, text: str) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "a OR col val x")
    store.search.query(text)


@given(st.text(max_size=40))
def test_fts_query_is_always_valid(text: str) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    query = fts_query(text)
    if query:
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_snippet_marks_every_word_the_folded_query_starts() -> None:
    assert snippet("a Søren d Sørensen", ["soren"]) == ("a Søren d Sørensen", ((2, 7), (10, 18)))
    long = " ".join(f"w{i}" for i in range(30)) + " Łukasz " + " ".join("x" * 20)
    text, spans = snippet(long, ["lukasz"])
    assert text.startswith("…w27 w28 w29 Łukasz") and text.endswith("…")
    assert [text[a:b] for a, b in spans] == ["Łukasz"]


def test_brief_collects_everything(store: Store) -> None:
    maria, tom, *_ = seed(store)
    store.notes.save_research(maria.id, "Runs QA")
    store.notes.save_self_assessment(maria.id, "How she moved to industry")
    store.notes.save_organization_research(_org_id(store, maria), "Biotech, 300 people")
    store.articles.add(Article(contact_id=maria.id, title="Read one", is_read=True))
    store.articles.add(Article(contact_id=maria.id, title="Unread one"))
    conn = store.database.conn
    held = conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'held')", (maria.id,)
    ).lastrowid
    planned = conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'planned')", (maria.id,)
    ).lastrowid
    conn.execute("INSERT INTO checklist_items(interview_id, text) VALUES (?, 'Old')", (held,))
    for position, text in ((2, "Second?"), (1, "First?")):
        conn.execute(
            "INSERT INTO checklist_items(interview_id, text, position) VALUES (?, ?, ?)",
            (planned, text, position),
        )
    brief = store.briefs.for_contact(maria.id)
    assert brief.research == "Runs QA"
    assert brief.self_assessment == "How she moved to industry"
    assert brief.organization_research == "Biotech, 300 people"
    assert [a.title for a in brief.articles_read] == ["Read one"]
    assert brief.articles_unread == 1
    assert brief.questions == ("First?", "Second?")

    empty = store.briefs.for_contact(tom.id)
    assert empty.research == "" and empty.questions == () and empty.articles_read == ()
    assert store.briefs.for_contact(9999) is None
