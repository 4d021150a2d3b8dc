"""Stats, referral tree and timeline: the pure rules and the store queries behind them."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.referrals import Network, Person, count
from coffeechat.domain.stats import (
    BOOSTER,
    CURMUDGEON,
    OBLIGATE,
    WAITING,
    CallOutcome,
    Letter,
    compute,
    percent,
    plot,
    ratio,
    responsiveness,
    spark,
)
from coffeechat.domain.timeline import Event, as_lines, in_order
from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import Draft, Outcome, Referral
from coffeechat.store import Store

MONDAY = date(2026, 3, 16)


def test_responsiveness_counts_business_days() -> None:
    def label(replied: date | None, today: date = date(2026, 4, 30)) -> str:
        return responsiveness(Letter(1, "A", MONDAY, replied), today)

    assert label(date(2026, 3, 19)) == BOOSTER  # Thursday: 3 business days
    assert label(date(2026, 3, 20)) == OBLIGATE  # Friday: 4
    assert label(None, date(2026, 3, 24)) == WAITING  # 6 business days
    assert label(None, date(2026, 3, 25)) == CURMUDGEON  # 7 business days
    # A letter sent on Friday, answered on Wednesday: 3 business days.
    assert responsiveness(Letter(1, "A", date(2026, 3, 20), date(2026, 3, 25)), MONDAY) == BOOSTER


def test_compute_stats() -> None:
    letters = [
        Letter(1, "Ann", MONDAY, date(2026, 3, 17)),
        Letter(2, "Bob", MONDAY, None),
        Letter(3, "Cy", MONDAY, date(2026, 3, 30)),
        Letter(4, "Di", MONDAY, None),
    ]
    calls = [
        CallOutcome(date(2026, 3, 20), OutcomeKind.REFERRAL_OFFERED, 2, 2),
        CallOutcome(date(2026, 3, 18), OutcomeKind.NO_REFERRAL, 3, 0),
        CallOutcome(date(2026, 3, 25)),
    ]
    stats = compute(letters, calls, date(2026, 4, 1))
    assert (stats.letters_sent, stats.replies, stats.calls_held, stats.referrals) == (4, 2, 3, 2)
    assert percent(stats.reply_rate) == "50%"
    assert ratio(stats.referrals_per_call) == "0.7"
    assert stats.outcomes_by_kind[OutcomeKind.REFERRAL_OFFERED] == 1
    assert stats.outcomes_by_kind[OutcomeKind.DEAD_END] == 0
    assert stats.confidence == [(date(2026, 3, 18), 3), (date(2026, 3, 20), 2)]
    assert stats.labels[BOOSTER] == ["Ann"]
    assert stats.labels[OBLIGATE] == ["Cy"]
    assert stats.labels[CURMUDGEON] == ["Bob", "Di"]
    empty = compute([], [], MONDAY)
    assert (percent(empty.reply_rate), ratio(empty.referrals_per_call)) == ("—", "—")


@given(st.lists(st.integers(min_value=-3, max_value=9), max_size=30))
def test_spark_has_one_bar_per_value(values: list[int]) -> None:
    line = spark(values)
    assert len(line) == len(values)
    assert set(line) <= set("▁▂▃▄▅▆▇█")


def test_plot_on_a_fixed_scale() -> None:
    assert plot([1, 3, 5]) == [
        "5 │    █",
        "4 │    █",
        "3 │  █ █",
        "2 │  █ █",
        "1 │█ █ █",
        "  └──────",
    ]
    assert len(plot(list(range(40)))[0]) == len("5 │") + 59


def test_tree_up_and_down_and_roots() -> None:
    network = Network(
        [
            Person(1, "Maria"),
            Person(2, "Ada", 1),
            Person(3, "Ben", 1),
            Person(4, "Cleo", 2),
            Person(5, "Dan"),
            Person(6, "Eve", 5),
        ]
    )
    assert [p.name for p in network.chain_up(4)] == ["Maria", "Ada"]
    tree = network.down(1)
    assert [c.person.name for c in tree.children] == ["Ada", "Ben"]
    assert count(tree) == 3
    assert [network.people[r].name for r in network.roots()] == ["Dan", "Maria"]


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=7, max_size=7))
def test_tree_survives_any_loops(referrers: list[int]) -> None:
    """referred_by can form loops through edits: every walk still ends."""
    people = [Person(i, f"P{i}", ref if ref != i else None) for i, ref in enumerate(referrers)]
    network = Network(people)
    for person in people:
        assert len(network.chain_up(person.id)) <= len(people)
        assert count(network.down(person.id)) <= len(people) ** 2
    reached: set[int] = set()

    def walk(node) -> None:
        reached.add(node.person.id)
        for child in node.children:
            walk(child)

    for root in network.roots():
        walk(network.down(root))
    assert set(network.referred) <= reached


def test_timeline_order_and_lines() -> None:
    events = in_order(
        [
            Event("2026-03-17T09:00:00", "call", "Call ended"),
            Event("", "note", "undated"),
            Event("2026-03-16", "letter", "Sent intro letter"),
            Event("2026-03-16T10:00:00", "note", "[bold]x\x1b[31m"),
        ]
    )
    # A bare day happened by its end: after that day's timed events.
    assert [e.kind for e in events] == ["note", "letter", "call", "note"]
    lines = as_lines(events)
    assert lines[1].startswith("2026-03-16        Letter")
    assert "\x1b" not in lines[0] and "[bold]x" in lines[0]
    assert lines[3].startswith("(no date)")


def test_store_history(store: Store) -> None:
    maria = store.contacts.add(Contact(name="Maria", email="m@example.org"))
    assert maria.id is not None
    draft = store.drafts.save(Draft(maria.id, "intro_letter", body="Hi?", subject="Hello"))
    store.drafts.mark_sent(draft, sent_at="2026-03-02T09:00:00")
    store.contacts.with_changes(maria.id, replied_on="2026-03-04")
    interview = store.interviews.create(maria.id, scheduled_at="2026-03-16T10:00")
    assert interview.id is not None
    store.interviews.start(interview.id, datetime(2026, 3, 16, 10), [])
    store.interviews.add_note(
        interview.id,
        "Talk to Ada",
        minute=3,
        checklist_item_id=None,
        now=datetime(2026, 3, 16, 10, 3),
    )
    store.interviews.end(interview.id, datetime(2026, 3, 16, 10, 25))
    store.outcomes.save(
        Outcome(
            interview.id, OutcomeKind.REFERRAL_OFFERED, confidence=4, referrals=(Referral("Ada"),)
        ),
        today=MONDAY,
    )
    kinds = [e.kind for e in store.history.timeline(maria.id)]
    assert kinds == ["letter", "call", "note", "call", "outcome", "follow-up"]
    network = store.history.network()
    ada = next(p for p in network.people.values() if p.name == "Ada")
    assert [p.name for p in network.chain_up(ada.id)] == ["Maria"]
    letters = store.history.letters()
    assert letters == [Letter(maria.id, "Maria", date(2026, 3, 2), date(2026, 3, 4))]
    calls = store.history.calls()
    assert [(c.day, c.kind, c.confidence, c.referrals) for c in calls] == [
        (MONDAY, OutcomeKind.REFERRAL_OFFERED, 4, 1)
    ]
