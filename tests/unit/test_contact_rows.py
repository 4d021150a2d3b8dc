"""One contact's list row, and where it goes: what a write patches into the list."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.contact_filter import ContactFilter
from coffeechat.models import Contact
from coffeechat.store import Store, list_order
from tests.conftest import seed
from tests.unit.test_domain_basics import ROWS


def test_list_order_sorts_as_the_database_does(store: Store) -> None:
    seed(store)
    for name, date in (
        ("émile zola", ""),
        ("Émile Zola", ""),
        ("ada", "2026-03-12"),
        ("Ada", "2026-03-12"),
        ("ZOË", ""),
        ("zoe", ""),
        ("_under", ""),
        ("Ärger", "2026-01-01"),
        ("Ada", ""),
    ):
        store.contacts.add(Contact(name=name, next_action_date=date))
    rows = store.contacts.rows(include_archived=True)
    assert sorted(rows, key=list_order) == rows
    assert sorted(reversed(rows), key=list_order) == rows


def test_one_row_reads_what_the_list_reads(store: Store) -> None:
    maria, *_ = seed(store)
    store.contacts.set_archived(maria.id, True)
    row = store.contacts.row(maria.id)
    assert row is not None and row.archived
    assert row in store.contacts.rows(include_archived=True)
    assert store.contacts.row(999) is None


def test_a_re_read_hands_back_the_rows_it_already_had(store: Store) -> None:
    maria, *_ = seed(store)
    before = store.contacts.rows()
    store.contacts.update(replace(maria, title="Head of Trials"))
    after = store.contacts.rows(reuse={row: row for row in before})
    assert after == store.contacts.rows()  # same values, same order as a plain read
    changed = next(row for row in after if row.id == maria.id)
    assert changed.title == "Head of Trials"
    assert all(row is not changed for row in before)
    unchanged = [row for row in after if row.id != maria.id]
    assert unchanged and all(any(row is old for old in before) for row in unchanged)


@given(
    st.lists(st.tuples(st.booleans(), st.integers(0, 10)), max_size=8),
    st.text(max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_filter_after_inserts_and_removals_equals_a_fresh_filter(
    steps: list[tuple[bool, int]], query: str, same: bool, lazy: bool
) -> None:
    """The previous query's matches (the same query, as the list re-shows a saved
    contact, or a shorter one) are kept through the patches, moved and added to, also
    when that match had stopped at its first row. A lazy filter (names folded at the
    first match) patched before any match is the same."""
    patched = ContactFilter(ROWS, lazy=lazy)
    if not lazy:  # a match stopped at its first row: patching looks at the rest first
        patched.match(query if same else query[:1], enough=1 if same else None)
    rows = list(ROWS)
    for insert, index in steps:
        if insert:
            row = ROWS[index % len(ROWS)]
            patched.insert(index % (len(rows) + 1), row)
            rows.insert(index % (len(rows) + 1), row)
        elif rows:
            patched.remove(index % len(rows))
            del rows[index % len(rows)]
    assert patched.match(query) == ContactFilter(rows).match(query)


def test_the_first_page_is_read_along_the_list_order_index(store: Store) -> None:
    seed(store)
    conn = store.database.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        store.contacts.rows(limit=200)
    finally:
        conn.set_trace_callback(None)
    (query,) = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    plan = " / ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "contacts_list_order" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # no sort of every row for the first page
