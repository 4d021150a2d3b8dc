"""What the user sees of the research feature: the Research tab and the brief."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Article, Draft, Outcome, Question
from coffeechat.store import Store
from coffeechat.tui.screens.research_screens import BriefScreen
from coffeechat.usecases.outcomes import save_outcome
from tests.conftest import make_app, seed
from tests.on_top import opened_by
from tests.waiting import wait_until

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def _research(store: Store) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(
        maria.id,
        "# Maria Okafor\n\nPhD in immunology (2011). Moved from a postdoc to **QA** at "
        "Northbridge in 2015.\n\n- Leads a team of 12\n- Spoke at BIO 2025 on CAR-T",
    )
    store.notes.save_self_assessment(
        maria.id, "How she moved off the bench, and what QA needs that a postdoc lacks."
    )
    org_id = store.organizations.find(maria.organization)
    store.notes.save_organization_research(org_id, "Cell therapy CDMO, ~300 people, Boston.")
    store.articles.add(
        Article(
            contact_id=maria.id,
            title="Scaling CAR-T manufacturing",
            url="https://example.org/cart",
            is_read=True,
            notes="section 3 on QC release",
        )
    )
    store.articles.add(Article(contact_id=maria.id, title="[bold]BIO 2025 talk[/] \x1b[31m"))
    conn = store.database.conn
    interview = conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'planned')", (maria.id,)
    ).lastrowid
    for position, text in enumerate(
        ("What does a typical week look like?", "Who else should I talk to?")
    ):
        conn.execute(
            "INSERT INTO checklist_items(interview_id, text, position) VALUES (?, ?, ?)",
            (interview, text, position),
        )


async def _no_blink(pilot) -> None:
    for text_area in pilot.app.screen.query(TextArea):
        text_area.cursor_blink = False
    await pilot.pause()


@SIZES
def test_research_pane(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Maria's Research tab: her notes, goals, organization notes, articles unread first."""
    _research(store)

    async def open_research(pilot) -> None:
        await pilot.press("r")
        await _no_blink(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=open_research)


@SIZES
def test_brief(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """Maria's brief: goals, research, articles read, the planned call's questions."""
    _research(store)
    assert snap_compare(
        make_app(store, clock), terminal_size=size, run_before=opened_by(["b"], BriefScreen)
    )


def _searched(words: str):
    """ctrl+f and *words*, then wait for the results (the search runs in a thread)."""

    async def search(pilot) -> None:
        await pilot.press("ctrl+f", *words)
        await wait_until(lambda: getattr(pilot.app.screen, "shown_for", None) == words)
        await pilot.pause()

    return search


def test_search_results(snap_compare, store: Store, clock: Clock) -> None:
    """Searching "immuno": matching notes and articles, each snippet with its match marked."""
    _research(store)
    app = make_app(store, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_searched("immuno"))


def test_search_results_of_every_kind(snap_compare, store: Store, clock: Clock) -> None:
    """Searching "regulatory": a note, a call's note and answer, an outcome, a letter."""
    maria, tom, *_ = seed(store)
    store.notes.save_research(maria.id, "Moved from the bench to regulatory affairs in 2015.")
    interview = store.interviews.create(maria.id, scheduled_at="2026-03-10T10:00")
    question = Question("How did you get into your field?")
    store.interviews.start(interview.id, datetime(2026, 3, 10, 10, 0), [question])
    item = store.interviews.checklist(interview.id)[0]
    store.interviews.set_answer(item.id, "A regulatory internship at Agence Montréal")
    store.interviews.add_note(
        interview.id,
        "Regulatory writing courses: ask Núñez-García",
        minute=12,
        checklist_item_id=item.id,
        now=datetime(2026, 3, 10, 10, 12),
    )
    store.interviews.end(interview.id, datetime(2026, 3, 10, 10, 30))
    save_outcome(
        store,
        Outcome(
            interview_id=interview.id,
            kind=OutcomeKind.REFERRAL_OFFERED,
            advice="Read the regulatory guidance before any interview",
            confidence=4,
        ),
        date(2026, 3, 10),
    )
    letter = store.drafts.save(
        Draft(tom.id, "intro_letter", subject="Hello", body="Your regulatory talk at BIO?")
    )
    store.drafts.mark_sent(letter, sent_at="2026-03-02T09:00:00")
    app = make_app(store, clock)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_searched("regulatory"))
