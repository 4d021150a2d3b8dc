"""Editable widgets draw control characters from the data as symbols, never raw."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.widgets import Input, TextArea

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from tests.conftest import make_app, seed
from tests.waiting import wait_until

HOSTILE = "[bold]x[/bold] \x1b]52;c;UFdORUQ=\x07 \x1b[31mred \u202eevil\u202c 🎉"
RAW = ("\x1b", "\x07", "\u202e")


def _drawn(widget) -> str:
    return "".join(
        segment.text for y in range(widget.size.height) for segment in widget.render_line(y)
    )


async def test_inputs_and_text_areas_show_controls_as_symbols(store: Store, clock: Clock) -> None:
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        name = app.screen.query_one("#field-name", Input)
        name.value = HOSTILE
        name.cursor_position = 0
        await pilot.pause()
        drawn = _drawn(name)
        assert "[bold]x[/bold]" in drawn and "␛]52;c;UFdORUQ=" in drawn
        assert not any(raw in drawn for raw in RAW), drawn
        assert name.value == HOSTILE, "the value itself is kept as typed"
        await pilot.press("escape")
        await pilot.press("r")
        await pilot.pause()
        area = app.focused
        assert isinstance(area, TextArea)
        area.text = HOSTILE
        await pilot.pause()
        drawn = _drawn(area)
        assert "␛[31mred" in drawn
        assert not any(raw in drawn for raw in RAW), drawn
        contact = app.screen.contact
        await wait_until(lambda: store.notes.research(contact.id) == HOSTILE, timeout=20)


TUI = Path(__file__).resolve().parents[2] / "src" / "coffeechat" / "tui"
SAFE = {"Input": "SafeInput", "TextArea": "SafeTextArea"}


def _fields_made_raw(path: Path) -> list[str]:
    """Where *path* makes a Textual Input or TextArea itself (by the name it imported
    from ``textual.widgets``) instead of the safe kind."""
    tree = ast.parse(path.read_text("utf-8"))
    raw = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets"
        for alias in node.names
        if alias.name in SAFE
    }
    return [
        f"{path.relative_to(TUI)}:{node.lineno}: {node.func.id}(…)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in raw
    ]


def test_no_screen_makes_a_field_that_draws_controls_raw() -> None:
    """Every text field of every screen, dialog and row draws controls as symbols: none
    is a bare Input or TextArea (a next step's text, a path from the preferences, a
    search typed into the merge picker all come from outside)."""
    made_raw = [where for path in sorted(TUI.rglob("*.py")) for where in _fields_made_raw(path)]
    assert made_raw == [], f"use {SAFE}: {made_raw}"


async def test_a_next_step_with_controls_shows_them_as_symbols(store: Store, clock: Clock) -> None:
    """The outcome form's rows (a next step read back from the file) are safe fields."""
    from coffeechat.models_activity import NextStep
    from coffeechat.tui.screens.outcome_rows import StepRow

    row = StepRow(NextStep(HOSTILE))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.mount(row)
        field = row.query_one(".step-text", Input)
        await wait_until(lambda: field.size.width > 0, what="the row laid out")
        await pilot.pause()
        drawn = _drawn(field)
        assert drawn.startswith("[bold]x[/bold] ␛]52"), drawn
        assert not any(raw in drawn for raw in RAW), drawn
