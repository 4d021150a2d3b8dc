"""The paste filter in front of Textual's input parser: ESC inside a bracketed paste
is carried as text, ESC outside it (the Escape key, key sequences) is left alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.tui.paste_driver import ESC, PASTE_END, PASTE_START, STAND_IN, PasteEscapes

PASTED = "note \x1b]52;c;UFdORUQ=\x07 and \x1b\x1b twice, \x1b[31mred\x1b[0m \x1b"


def _through(chunks: list[str]) -> str:
    escapes = PasteEscapes()
    return "".join(escapes.feed(chunk) for chunk in chunks)


def test_escape_inside_a_paste_becomes_the_stand_in_and_outside_stays() -> None:
    stream = f"\x1b[A{ESC}{PASTE_START}{PASTED}{PASTE_END}{ESC}x"
    out = _through([stream])
    assert out == (f"\x1b[A{ESC}{PASTE_START}{PASTED.replace(ESC, STAND_IN)}{PASTE_END}{ESC}x")


def test_a_lone_escape_key_is_never_held_back() -> None:
    escapes = PasteEscapes()
    assert escapes.feed(ESC) == ESC
    assert escapes.feed("\x1b[20") == "\x1b[20"


@given(st.lists(st.integers(min_value=0, max_value=80), max_size=8))
def test_markers_split_across_reads_are_still_seen(cuts: list[int]) -> None:
    stream = f"ab{ESC}{PASTE_START}{PASTED}{PASTE_END}cd{PASTE_START}{ESC}{PASTE_END}"
    expected = _through([stream])
    points = sorted({min(c, len(stream)) for c in cuts})
    chunks = [stream[a:b] for a, b in zip([0, *points], [*points, len(stream)], strict=True)]
    assert _through([c for c in chunks if c]) == expected
    assert expected.count(ESC) == 1 + 4  # the Escape key and the four markers
