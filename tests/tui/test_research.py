"""The Research tab, brief, my story and note search, driven through Pilot."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from rich.console import Console

from coffeechat.domain.clock import Clock
from coffeechat.domain.story import STORY_TEMPLATE
from coffeechat.models_activity import Article
from coffeechat.store import Store
from coffeechat.tui.screens.article_form import ArticleForm
from coffeechat.tui.screens.confirm import ConfirmScreen
from coffeechat.tui.screens.research_screens import BriefScreen, NoteScreen, SearchScreen
from coffeechat.tui.widgets.brief import render_brief
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.note_editor import NoteEditor, NotePreview
from coffeechat.tui.widgets.research import ArticleList, ResearchPane
from coffeechat.usecases.notes import research_on, save_note
from tests.conftest import make_app, seed
from tests.tui.burst import burst
from tests.waiting import wait_until


def _notes_table(store: Store) -> list[tuple]:
    return store.database.conn.execute("SELECT * FROM notes ORDER BY id").fetchall()


def _editor(app, which: str = "contact") -> NoteEditor:
    return app.screen.query_one(ResearchPane).editor(which)


async def test_typing_is_saved_after_a_pause_and_survives_a_restart(
    store: Store, clock: Clock, db_path: Path
) -> None:
    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        assert app.focused is _editor(app).text_area
        await burst(pilot, *"Met at ASCO")
        # Saved while typing too (at most 0.4 s behind), so a prefix may be there already.
        assert "Met at ASCO".startswith(store.notes.research(maria.id))
        await wait_until(lambda: store.notes.research(maria.id) == "Met at ASCO", timeout=20)
        app.exit()  # not through ctrl+q: the pause alone must have saved it

    reopened = Store.open(db_path)
    try:
        app = make_app(reopened, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("r")
            assert _editor(app).text == "Met at ASCO"
    finally:
        reopened.close()


async def test_loading_notes_writes_nothing(store: Store, clock: Clock) -> None:
    maria, tom, *_ = seed(store)
    store.notes.save_research(maria.id, "Maria's notes")
    store.notes.save_self_assessment(tom.id, "Tom's goals")
    store.notes.save_organization_research(
        store.organizations.find(maria.organization), "Northbridge notes"
    )
    store.database.conn.execute("UPDATE notes SET updated_at = '2000-01-01T00:00:00'")
    before = _notes_table(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "escape", "down", "up", "down")
        assert _editor(app, "goals").text == "Tom's goals"
        await pilot.press("up")
        assert _editor(app).text == "Maria's notes"
        assert _editor(app, "organization").text == "Northbridge notes"
        await pilot.pause()
        assert not any(editor.autosave.pending for editor in app.screen.query(NoteEditor))
        await app.action_quit()
    assert _notes_table(store) == before
    assert store.notes.count() == 3


async def test_switching_contact_saves_at_once_to_the_right_contact(
    store: Store, clock: Clock
) -> None:
    maria, tom, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "r", *"hi", "escape", "down")
        # No pause: leaving the editor flushed it, before the debounce fired.
        assert store.notes.research(maria.id) == "hi"
        assert store.notes.research(tom.id) == ""
        assert _editor(app).text == ""


async def test_quit_saves_what_was_just_typed(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "tab")
        assert app.focused is _editor(app, "goals").text_area
        await burst(pilot, *"why", "ctrl+q")
    assert store.notes.self_assessment(maria.id) == "why"


async def test_organization_notes_are_shared_by_its_people(store: Store, clock: Clock) -> None:
    from coffeechat.models import Contact

    seed(store)
    colleague = store.contacts.add(
        Contact(name="Zed Colleague", organization="Northbridge Biologics")
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        _editor(app, "organization").text_area.text = "Hiring freeze in 2025"
        org_id = store.organizations.find("Northbridge Biologics")
        await wait_until(
            lambda: store.notes.organization_research(org_id) == "Hiring freeze in 2025",
            timeout=20,
        )
        app.screen.reload(keep_id=colleague.id)
        await pilot.pause()
        assert _editor(app, "organization").text == "Hiring freeze in 2025"
        assert _editor(app).text == ""


async def test_no_organization_means_nothing_to_edit(store: Store, clock: Clock) -> None:
    from coffeechat.models import Contact

    lone = store.contacts.add(Contact(name="Lone Wolf"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        assert app.screen.contact.id == lone.id
        assert _editor(app, "organization").text_area.disabled
        assert store.notes.count() == 0


async def test_articles_add_validate_toggle_delete(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "tab", "tab", "tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("n")
        assert isinstance(app.screen, ArticleForm)
        app.screen.query_one("#field-title").value = "CAR-T manufacturing at scale"
        app.screen.query_one("#field-url").value = "not a url"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ArticleForm), "a bad URL is refused"
        errors = " ".join(str(e.render()) for e in app.screen.query(".form-error"))
        assert "web address" in errors
        app.screen.query_one("#field-url").value = "example.org/cart"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleForm)
        [article] = store.articles.for_contact(maria.id)
        assert article.url == "https://example.org/cart" and not article.is_read
        await pilot.press("space")
        assert store.articles.get(article.id).is_read
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleForm)
        app.screen.query_one("#field-notes").value = "Section 3 on QC"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.articles.get(article.id).notes == "Section 3 on QC"
        assert store.articles.get(article.id).is_read
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert store.articles.for_contact(maria.id) == []


async def test_search_jumps_to_the_contact_even_when_filtered_out(
    store: Store, clock: Clock
) -> None:
    *_, priya, _, _ = seed(store)
    store.notes.save_self_assessment(priya.id, "Ask how she pitches to magazines")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "slash", *"tom")
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await burst(pilot, *"magazine")
        await wait_until(lambda: app.screen.shown_for == "magazine")  # searched in a thread
        assert [hit.contact_id for hit in app.screen.hits] == [priya.id]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.contact.id == priya.id
        assert app.screen.query_one(ContactList).highlighted_id == priya.id
        assert app.focused is _editor(app, "goals").text_area
        assert _editor(app, "goals").text == "Ask how she pitches to magazines"


async def test_search_to_organization_and_story(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    store.notes.save_organization_research(
        store.organizations.find(maria.organization), "Spun out of a university lab"
    )
    store.notes.save_story("## My strengths\nStubbornness")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "down", "down", "ctrl+f", *"univers", "down", "enter")
        await pilot.pause()
        assert app.screen.contact.id == maria.id
        assert app.focused is _editor(app, "organization").text_area
        await burst(pilot, "ctrl+f", *"stubborn", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one(NoteEditor).text == "## My strengths\nStubbornness"


async def test_my_story_from_the_palette_starts_from_the_prompts(
    store: Store, clock: Clock
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "ctrl+p", *"My story", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        editor = app.screen.query_one(NoteEditor)
        assert editor.text == STORY_TEMPLATE
        await pilot.pause()
        assert not editor.autosave.pending, "showing the template is not an edit"
        assert store.notes.count() == 0, "showing the template is not writing it"
        await burst(pilot, *"Curious")  # the note opens with the cursor after its text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
    assert store.notes.story() == STORY_TEMPLATE + "Curious"


async def test_brief_shows_goals_articles_and_prepared_questions(
    store: Store, clock: Clock
) -> None:
    maria, *_ = seed(store)
    store.notes.save_self_assessment(maria.id, "How she moved into industry")
    store.articles.add(Article(contact_id=maria.id, title="Her review", is_read=True))
    conn = store.database.conn
    interview = conn.execute(
        "INSERT INTO interviews(contact_id, state) VALUES (?, 'planned')", (maria.id,)
    ).lastrowid
    conn.execute(
        "INSERT INTO checklist_items(interview_id, text) VALUES (?, 'What does a day look like?')",
        (interview,),
    )
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BriefScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(render_brief(store, app.screen.contact_id))
        shown = console.export_text()
        for expected in ("How she moved into industry", "Her review", "What does a day look"):
            assert expected in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, BriefScreen)


async def test_preview_toggle(store: Store, clock: Clock) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "# Heading\n\n[bold]not markup[/]")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "ctrl+t")
        assert isinstance(app.focused, NotePreview)
        assert not _editor(app).text_area.display
        await pilot.press("ctrl+t")
        assert app.focused is _editor(app).text_area


async def test_edit_in_external_editor(
    store: Store, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "before")
    script = tmp_path / "fake-editor.sh"
    modes = tmp_path / "modes"
    script.write_text(f'#!/bin/sh\nstat -c %a "$1" > {modes}\nprintf "after\\n" >> "$1"\n')
    script.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "ctrl+o")
        await pilot.pause()
        assert _editor(app).text == "beforeafter\n"
    assert store.notes.research(maria.id) == "beforeafter\n"
    assert modes.read_text().strip() == "600"
    leftovers = [p for p in Path("/tmp").glob("coffeechat-*.md") if p.stat().st_uid == 0]
    assert not any(stat.S_IMODE(p.stat().st_mode) != 0o600 for p in leftovers)


async def test_failing_editor_leaves_the_note_alone(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "keep me")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "false")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "ctrl+o")
        await pilot.pause()
        assert _editor(app).text == "keep me"
    assert store.notes.research(maria.id) == "keep me"


async def test_hidden_research_tab_catches_up_when_shown(store: Store, clock: Clock) -> None:
    from textual.widgets import TabbedContent

    maria, tom, *_ = seed(store)
    store.notes.save_research(maria.id, "Maria's")
    store.notes.save_research(tom.id, "Tom's")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down")
        app.screen.query_one(TabbedContent).active = "tab-research"  # as a mouse click does
        await pilot.pause()
        assert _editor(app).text == "Tom's"
        app.screen.query_one(TabbedContent).active = "tab-profile"
        await pilot.pause()
        await pilot.press("up", "r")
        assert _editor(app).text == "Maria's"
        assert app.focused is _editor(app).text_area
    assert store.notes.research(maria.id) == "Maria's"


async def test_a_failed_save_keeps_the_text_and_retries(store: Store, clock: Clock) -> None:
    import sqlite3

    maria, *_ = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        editor = _editor(app)
        calls: list[str] = []
        locked = True

        def sometimes_locked(body: str, base: str) -> None:
            calls.append(body)
            if locked:
                raise sqlite3.OperationalError("database is locked")
            save_note(store, research_on(maria.id), body, base)

        editor._saver = sometimes_locked
        await burst(pilot, *"abc")
        # Tried while typing (a slow run may try "a" or "ab" first), failed, kept.
        await wait_until(lambda: calls and calls[-1] == "abc", timeout=2)
        assert editor.autosave.pending and editor.text == "abc"
        assert store.notes.research(maria.id) == ""
        locked = False
        await pilot.press("ctrl+q")
    assert store.notes.research(maria.id) == "abc"
