"""Two windows on one file editing the same research note: nothing is silently lost.

Each window saves with the revision it started from; a save on a stale revision is
merged three-way against that revision: lines only one window changed take its change,
lines both changed differently are kept twice (ours, then theirs below a separator),
and the merge says so. Saving in turn never piles text or separators up.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from coffeechat.domain.clock import Clock
from coffeechat.domain.three_way import CONFLICT_SEPARATOR
from coffeechat.store import Store
from coffeechat.tui.widgets.note_editor import CONFLICT_MESSAGE, MERGED_MESSAGE
from tests.conftest import make_app, seed
from tests.waiting import wait_until


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
                await wait_until(
                    lambda: store.notes.research(maria.id) == "Shared start. From B.",
                    what="B's words saved",
                )
                area_a.insert(" From A.", area_a.document.end)
                both = "Shared start. From A." + CONFLICT_SEPARATOR + "Shared start. From B."
                await wait_until(
                    lambda: store.notes.research(maria.id) == both, what="both versions saved"
                )
                body = store.notes.research(maria.id)
                assert CONFLICT_MESSAGE in messages
                await wait_until(lambda: area_a.text == body, what="A showing both versions")
                # A keeps typing: its saves now build on the merged text.
                area_a.insert(" More A.", area_a.document.end)
                await wait_until(
                    lambda: store.notes.research(maria.id).endswith("From B. More A."),
                    what="A's further words saved on the merged text",
                )
                # B types on its stale text: merged again, still nothing dropped.
                area_b.insert(" More B.", area_b.document.end)
                kept = ("From A.", "From B. More A.", "From B. More B.")
                await wait_until(
                    lambda: all(words in store.notes.research(maria.id) for words in kept),
                    what="B's stale-text words merged in, nothing dropped",
                )
                await pilot_b.press("ctrl+q")
            await pilot_a.press("ctrl+q")
    finally:
        other.close()
    final = store.notes.research(maria.id)
    for words in ("From A.", "More A.", "More B."):
        assert words in final


async def test_two_apps_editing_different_lines_merge_without_growing(
    db_path: Path, store: Store, clock: Clock
) -> None:
    """The runaway of old: four sentences, two windows each changing its own line and
    saving again and again. The note ends as the four sentences with both changes,
    not thousands of characters, and no separator appears."""
    maria, *_ = seed(store)
    start = "Met Maria at the meetup.\nShe runs data.\nAsk about Rust.\nSend the deck."
    store.notes.save_research(maria.id, start)
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
                area_b.insert(" On Friday.", (3, len("Send the deck.")))
                await wait_until(lambda: "Friday" in store.notes.research(maria.id))
                area_a.insert(" And ML.", (1, len("She runs data.")))
                expected = (
                    "Met Maria at the meetup.\nShe runs data. And ML.\n"
                    "Ask about Rust.\nSend the deck. On Friday."
                )
                await wait_until(lambda: store.notes.research(maria.id) == expected)
                assert MERGED_MESSAGE in messages
                await wait_until(lambda: area_a.text == expected)  # A sees both changes
                for _ in range(10):  # both windows save again and again (blur, typing)
                    for pilot, area in ((pilot_a, area_a), (pilot_b, area_b)):
                        area.insert(" ", area.document.end)
                        area.delete((3, len(area.document[3]) - 1), area.document.end)
                        area.parent.save_now()
                        await pilot.pause()
                final = store.notes.research(maria.id)
                assert CONFLICT_SEPARATOR not in final
                assert final == expected, final
                await pilot_b.press("ctrl+q")
            await pilot_a.press("ctrl+q")
    finally:
        other.close()
