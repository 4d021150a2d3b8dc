"""Two windows on one file editing the same research note: nothing is silently lost.

Each window saves with the revision it started from; a save on a stale revision
keeps both texts (ours, then theirs below a separator) and says so.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.store import Store
from coffeechat.tui.widgets.note_editor import CONFLICT_MESSAGE, CONFLICT_SEPARATOR
from tests.conftest import make_app, seed


async def _research_area(pilot) -> TextArea:
    await pilot.press("r")
    await pilot.pause()
    area = pilot.app.focused
    assert isinstance(area, TextArea)
    return area


async def test_two_apps_on_one_note_keep_both_texts(
    db_path: Path, store: Store, clock: Clock
) -> None:
    maria, *_ = seed(store)
    store.notes.save_research(maria.id, "Shared start.")
    other = Store.open(db_path)
    app_a, app_b = make_app(store, clock), make_app(other, clock)
    messages: list[str] = []
    show = app_a.notify
    app_a.notify = lambda message, **kw: (messages.append(message), show(message, **kw))
    try:
        async with app_a.run_test(size=(120, 40)) as pilot_a:
            async with app_b.run_test(size=(120, 40)) as pilot_b:
                area_a = await _research_area(pilot_a)
                area_b = await _research_area(pilot_b)
                area_b.insert(" From B.", area_b.document.end)
                await pilot_b.pause(0.6)
                assert store.notes.research(maria.id) == "Shared start. From B."
                area_a.insert(" From A.", area_a.document.end)
                await pilot_a.pause(0.6)
                body = store.notes.research(maria.id)
                assert body == (
                    "Shared start. From A." + CONFLICT_SEPARATOR + "Shared start. From B."
                )
                assert CONFLICT_MESSAGE in messages
                assert area_a.text == body  # A sees both versions
                # A keeps typing: its saves now build on the merged text.
                area_a.insert(" More A.", area_a.document.end)
                await pilot_a.pause(0.6)
                assert store.notes.research(maria.id).endswith("From B. More A.")
                # B types on its stale text: merged again, still nothing dropped.
                area_b.insert(" More B.", area_b.document.end)
                await pilot_b.pause(0.6)
                final = store.notes.research(maria.id)
                for words in ("From A.", "From B. More A.", "From B. More B."):
                    assert words in final, final
                await pilot_b.press("ctrl+q")
            await pilot_a.press("ctrl+q")
    finally:
        other.close()
    final = store.notes.research(maria.id)
    for words in ("From A.", "More A.", "More B."):
        assert words in final
