"""Editable widgets draw control characters from the data as symbols, never raw."""

from __future__ import annotations

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
