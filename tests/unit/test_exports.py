# ruff: noqa: E501  (SQL fixtures read better on one line)
"""Exports: the lossless JSON round trip, vCard and CSV round trips, Markdown, iCalendar."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.interop.records import ImportFormatError
from coffeechat.models import Contact, Medium
from coffeechat.models_activity import Question
from coffeechat.store import Store, snapshot
from coffeechat.usecases import exchange
from coffeechat.usecases.calls import Plan, save_plan
from tests.conftest import seed

NOW = datetime(2026, 3, 16, 10, 30)


def fill_everything(store: Store) -> None:
    """A record in every table, written the way the app writes them."""
    contacts = seed(store)
    a, b = contacts[0].id, contacts[1].id
    store.contacts.with_changes(b, referred_by=a)
    conn = store.database.conn
    conn.execute(
        "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, ?)", (a, "# Hi\nx")
    )
    conn.execute("INSERT INTO notes(kind, body) VALUES ('story', 'Why I left the bench')")
    org = store.organizations.id_for("Northbridge Biologics")
    conn.execute(
        "INSERT INTO notes(kind, organization_id, body) VALUES ('research', ?, 'Org')", (org,)
    )
    conn.execute(
        "INSERT INTO articles(contact_id, title, url) VALUES (?, 'Paper', 'https://x.org')", (a,)
    )
    q = conn.execute("INSERT INTO questions(text, grp) VALUES ('What trends?', 'Trends')").lastrowid
    i = conn.execute(
        "INSERT INTO interviews(contact_id, scheduled_at, state) VALUES (?, '2026-03-18T14:00', 'planned')",
        (b,),
    ).lastrowid
    held = conn.execute(
        "INSERT INTO interviews(contact_id, state, started_at) VALUES (?, 'held', '2026-03-10T09:00')",
        (a,),
    ).lastrowid
    item = conn.execute(
        "INSERT INTO checklist_items(interview_id, question_id, text, asked, answer) "
        "VALUES (?, ?, 'What trends?', 1, 'Long reads; automation')",
        (held, q),
    ).lastrowid
    for _ in range(2):  # two equal lines are two lines
        conn.execute(
            "INSERT INTO note_lines(interview_id, checklist_item_id, minute, text) VALUES (?, ?, 3, 'ok')",
            (held, item),
        )
    out = conn.execute(
        "INSERT INTO outcomes(interview_id, kind, learned, confidence, went_well, do_differently) VALUES (?, 'referral offered', 'Lots', 4, 'Listened', 'Ask for names sooner')",
        (held,),
    ).lastrowid
    conn.execute(
        "INSERT INTO referrals(outcome_id, name, contact_id) VALUES (?, 'Tom', ?)", (out, b)
    )
    d = conn.execute(
        "INSERT INTO drafts(contact_id, template, body) VALUES (?, 'intro', 'Hello?')", (a,)
    ).lastrowid
    conn.execute(
        "INSERT INTO followups(contact_id, kind, due_date, title, draft_id) VALUES (?, 'follow_up', '2026-03-19', 'Call Maria', ?)",
        (a, d),
    )
    conn.execute(
        "INSERT INTO followups(contact_id, kind, due_date, outcome_id) VALUES (?, 'thank_you', '2026-03-11', ?)",
        (a, out),
    )
    store.settings.set("theme", "nord")
    assert i


def test_json_round_trip_is_identical(store: Store, tmp_path: Path) -> None:
    fill_everything(store)
    first = exchange.export_text(store, "json")
    doc = json.loads(first)
    assert doc["format"] == "coffeechat" and doc["version"] == snapshot.VERSION
    contact = doc["contacts"][1]
    for key in ("name", "email", "organization", "title", "url", "status", "referred_by"):
        assert key in contact
    assert contact["referred_by"] == doc["contacts"][0]["id"]
    held = doc["interviews"][1]
    assert held["checklist"][0]["answer"] == "Long reads; automation"
    assert len(held["note_log"]) == 2
    assert (doc["outcomes"][0]["went_well"], doc["outcomes"][0]["do_differently"]) == (
        "Listened",
        "Ask for names sooner",
    )
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        report = exchange.import_bytes(fresh, "json", first.encode(), "backup.json")
        assert report.added == len(doc["contacts"])
        assert exchange.export_text(fresh, "json") == first
        again = exchange.import_bytes(fresh, "json", first.encode(), "backup.json")
        assert again.added == 0 and not again.restored
        assert exchange.export_text(fresh, "json") == first
    finally:
        fresh.close()


def test_json_into_a_database_with_other_contacts_merges(store: Store, tmp_path: Path) -> None:
    fill_everything(store)
    text = exchange.export_text(store, "json")
    other = Store.open(tmp_path / "other.db")
    try:
        mine = other.contacts.add(Contact(name="Already Here", email="here@example.org"))
        same = other.contacts.add(Contact(name="Maria O.", email="maria@example.org"))
        report = exchange.import_bytes(other, "json", text.encode(), "b.json")
        assert report.skipped["already present"] == 1
        assert other.contacts.count() == 2 + report.added
        assert other.contacts.get(mine.id).name == "Already Here"
        drafts = other.database.conn.execute("SELECT contact_id FROM drafts").fetchall()
        assert [row["contact_id"] for row in drafts] == [
            same.id
        ]  # Maria's draft follows her to the matched contact
    finally:
        other.close()


def test_json_that_does_not_fit_imports_nothing(store: Store) -> None:
    import pytest

    bad = {"format": "coffeechat", "version": 1, "contacts": [{"id": 1, "name": "A"}, {"id": 2}]}
    with pytest.raises(ImportFormatError, match=r"b\.json: contacts\[1\]: NOT NULL"):
        exchange.import_bytes(store, "json", json.dumps(bad).encode(), "b.json")
    assert store.contacts.count() == 0
    with pytest.raises(ImportFormatError, match="newer"):
        exchange.import_bytes(store, "json", b'{"format": "coffeechat", "version": 9}', "b.json")


def test_vcard_round_trip_keeps_the_vcard_fields(store: Store, tmp_path: Path) -> None:
    seed(store)
    store.contacts.add(
        Contact(name="Ünïcode, Person; Jr.", email="u@example.org", phone="+1 555", url="https://u.example/a,b",
                organization="A; B, C", title="Line\\slash", tags="one, two")
    )  # fmt: skip
    store.database.conn.execute(
        "INSERT INTO notes(kind, contact_id, body) VALUES ('research', 1, ?)",
        ("long " * 40 + "\nend",),
    )
    store.contacts.add(Contact(name="Sam O'Neil Jr."))
    text = exchange.export_text(store, "vcard")
    assert "N:O'Neil;Sam;;;Jr.\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert len(list(vobject.readComponents(text))) == store.contacts.count()
    fresh = Store.open(tmp_path / "v.db")
    try:
        exchange.import_bytes(fresh, "vcard", text.encode(), "out.vcf")
        fields = ("name", "title", "organization", "email", "phone", "url", "tags")
        got = [tuple(getattr(c, f) for f in fields) for c in fresh.contacts.all()]
        want = [tuple(getattr(c, f) for f in fields) for c in store.contacts.all(by_name=True)]
        assert got == want
        noted = store.contacts.get(1)
        assert noted is not None
        (again,) = [c.id for c in fresh.contacts.all() if c.name == noted.name]
        assert fresh.notes.research_by_contact()[again] == "long " * 40 + "\nend"
    finally:
        fresh.close()


def test_csv_round_trip(store: Store, tmp_path: Path) -> None:
    seed(store)
    store.contacts.add(Contact(name='=HYPERLINK("http://evil.example","x")', phone="+1 555 0100"))
    text = exchange.export_text(store, "csv")
    assert "\"'=HYPERLINK(" in text and ",'+1 555 0100," in text  # text, not a formula
    fresh = Store.open(tmp_path / "c.db")
    try:
        report = exchange.import_bytes(fresh, "csv", text.encode(), "out.csv")
        assert report.unknown_columns == []
        fields = ("name", "title", "organization", "email", "phone", "status", "tags")
        got = [tuple(getattr(c, f) for f in fields) for c in fresh.contacts.all()]
        assert got == [
            tuple(getattr(c, f) for f in fields) for c in store.contacts.all(by_name=True)
        ]
    finally:
        fresh.close()


def test_markdown_report(store: Store) -> None:
    fill_everything(store)
    text = exchange.export_text(store, "markdown")
    assert "## Maria Okafor" in text
    assert "- [x] What trends?\n  > Long reads; automation" in text
    assert "#### Outcome" in text and "**Referral:** Tom" in text
    assert "` 3 min` ok" in text


def test_the_ics_call_event_says_how_to_reach_them_and_what_to_ask(store: Store) -> None:
    tom = store.contacts.add(Contact(name="Tom Lindqvist", phone="+47 22 00 00 00"))
    plan = Plan("2026-03-18T14:00", Medium.PHONE, 30, (Question("How did you start?"),))
    save_plan(store, tom.id or 0, plan, NOW)
    event = vobject.readOne(exchange.export_text(store, "ics", NOW)).contents["vevent"][0]
    assert event.location.value == "+47 22 00 00 00"
    assert event.description.value == (
        "30-minute informational interview (phone)\nPhone: +47 22 00 00 00\n"
        "Questions:\n- How did you start?"
    )


def test_ics_opens_in_a_calendar_parser(store: Store) -> None:
    fill_everything(store)
    text = exchange.export_text(store, "ics", NOW)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = vobject.readOne(text)
    todos = calendar.contents["vtodo"]
    # The name once: "Call Maria" already says who.
    assert {t.summary.value for t in todos} == {"Call Maria", "Send Maria Okafor a thank-you note"}
    # DTSTAMP is UTC whatever the local zone (RFC 5545 3.8.7.2).
    assert all(t.dtstamp.value.utcoffset() == timedelta(0) for t in todos)
    assert re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r$", text, re.MULTILINE)
    assert all("valarm" in t.contents for t in todos)
    event, held = calendar.contents["vevent"]
    assert event.summary.value == "Coffee chat with Tom Lindqvist"
    # Pinned in UTC (the test machine runs in UTC), never a floating local time.
    assert event.dtstart.value == datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
    assert "valarm" in event.contents
    # The call held is there when it really started, with the questions it had.
    assert held.summary.value == "Coffee chat with Maria Okafor (held)"
    assert held.dtstart.value == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert "Questions:\n- What trends?" in held.description.value
    assert "valarm" not in held.contents


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.text(max_size=5)
    | st.floats(allow_nan=False)
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=2), max_leaves=4)
ENTRY = st.dictionaries(
    st.sampled_from(["id", "name", "email", "contact_id", "kind", "body", "interview_id",
                     "text", "checklist", "note_log", "referrals", "organization", "referred_by",
                     "template", "due_date", "state", "outcome_id", "confidence"]),
    VALUES,
    max_size=6,
)  # fmt: skip
DOC = st.fixed_dictionaries(
    {"format": st.just("coffeechat"), "version": st.just(1)},
    optional={
        key: st.lists(ENTRY, max_size=3) | SCALARS
        for key in (
            "contacts",
            "organizations",
            "notes",
            "interviews",
            "outcomes",
            "drafts",
            "followups",
            "questions",
            "articles",
            "settings",
        )
    },
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=DOC)
def test_json_import_of_odd_documents_fails_cleanly_or_imports(doc: dict, tmp_path_factory) -> None:
    target = Store.open(tmp_path_factory.mktemp("fuzz") / "f.db")
    try:
        try:
            exchange.import_bytes(target, "json", json.dumps(doc).encode(), "odd.json")
        except ImportFormatError as error:
            assert str(error).startswith("odd.json") and "\n" not in str(error)
            assert target.contacts.count() == 0
    finally:
        target.close()
