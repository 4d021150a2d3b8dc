"""The three-way merge of two edits of one text or record (domain/three_way.py).

Properties over generated texts: a side that did not change takes the other; merging a
result again with the same sides changes nothing (idempotent); every sentence either
side added is in the result; and two windows saving one note in turn, as the editor
does, never make it grow beyond what was typed nor pile separators up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.three_way import CONFLICT_SEPARATOR, merge_records, merge_text

WORDS = ["alpha", "beta", "gamma", "delta", "met", "Ana", "at", "Acme", "ok", "Rust"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(
    lambda words: " ".join(words).capitalize() + "."
)
lines = st.lists(sentence, min_size=0, max_size=6, unique=True)


def text_of(parts: list[str], joiner: str) -> str:
    return joiner.join(parts)


@st.composite
def edited(draw, parts: list[str], seen: set[str]) -> list[str]:
    """*parts* after a few edits: sentences replaced, removed or inserted (each new
    sentence unlike any other, as the lines of a real note are)."""
    parts = list(parts)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["insert", "replace", "delete"]))
        new = draw(sentence.filter(lambda s: s not in parts and s not in seen))
        seen.add(new)
        if action == "insert" or not parts:
            parts.insert(draw(st.integers(0, len(parts))), new)
        elif action == "replace":
            parts[draw(st.integers(0, len(parts) - 1))] = new
        else:
            del parts[draw(st.integers(0, len(parts) - 1))]
    return parts


@st.composite
def three_versions(draw):
    joiner = draw(st.sampled_from(["\n", " ", "\n\n"]))
    base = draw(lines)
    seen = set(base)
    mine = draw(edited(base, seen))
    theirs = draw(edited(base, seen))
    added = (Counter(mine) - Counter(base)) + (Counter(theirs) - Counter(base))
    return text_of(base, joiner), text_of(mine, joiner), text_of(theirs, joiner), set(added)


@given(three_versions())
@settings(max_examples=300, deadline=None)
def test_merge_is_idempotent_and_takes_one_sided_changes(versions) -> None:
    base, mine, theirs, added = versions
    assert merge_text(base, mine, base) == (mine, False)
    assert merge_text(base, base, theirs) == (theirs, False)
    assert merge_text(base, mine, mine) == (mine, False)
    merged, _ = merge_text(base, mine, theirs)
    # Merging again (this window saves once more, or the other merges the result)
    # changes nothing.
    assert merge_text(base, merged, theirs)[0] == merged
    assert merge_text(theirs, merged, theirs)[0] == merged
    assert merge_text(merged, merged, merged)[0] == merged
    # Nothing is dropped: every sentence either side added is there.
    for sentence_added in added:
        assert sentence_added in merged


@given(st.data(), st.sampled_from(["\n", " "]))
@settings(max_examples=150, deadline=None)
def test_two_windows_saving_in_turn_never_grow_the_note(data, joiner: str) -> None:
    """The editor's protocol: each window keeps the version it loaded or last saved (its
    base), and a save merges its text with what is stored against that base; the
    result is stored and shown. However the two windows interleave edits and saves,
    the note never grows without an edit, and separators appear only for real clashes
    (one per passage both windows changed differently: one save may hold two)."""
    start = data.draw(st.lists(sentence, min_size=4, max_size=4, unique=True))
    stored = text_of(start, joiner)
    windows = {name: {"base": stored, "parts": list(start)} for name in "AB"}
    seen = set(start)
    typed = len(stored)
    clashes = 0
    for _ in range(data.draw(st.integers(1, 24))):
        name = data.draw(st.sampled_from("AB"))
        window = windows[name]
        text = text_of(window["parts"], joiner)
        if data.draw(st.booleans()):
            window["parts"] = data.draw(edited(window["parts"], seen))
            text = text_of(window["parts"], joiner)
            typed += len(text)  # a clash may keep this window's lines a second time
        merged, clashed = merge_text(window["base"], text, stored)
        clashes += clashed  # passages kept twice by this save
        stored = merged
        window["base"] = merged
        window["parts"] = [merged]  # the editor shows the merged text
        # Saving again at once (autosave on blur, quit) changes nothing.
        assert merge_text(window["base"], merged, stored) == (merged, False)
    assert stored.count(CONFLICT_SEPARATOR) <= clashes
    assert len(stored) <= typed + clashes * len(CONFLICT_SEPARATOR)


def test_two_passages_both_changed_in_one_save_are_two_clashes() -> None:
    """The first line changed in one window and the next deleted in the other, and each
    added a last line: both passages are kept twice, each with its separator."""
    base = "Alpha.\nBeta.\nGamma.\nDelta."
    theirs = "Alpha two.\nBeta.\nGamma.\nDelta.\nEpsilon."
    mine = "Alpha.\nGamma.\nDelta.\nZeta."
    merged, clashes = merge_text(base, mine, theirs)
    assert clashes == 2 == merged.count(CONFLICT_SEPARATOR)
    assert merged == (
        f"Alpha.{CONFLICT_SEPARATOR}Alpha two.\nBeta.\nGamma.\nDelta.\nZeta."
        f"{CONFLICT_SEPARATOR}Epsilon."
    )
    assert merge_text(base, merged, theirs)[0] == merged


def test_the_runaway_of_two_windows_saving_one_note() -> None:
    """Four sentences saved over and over from two windows, each with its own edit:
    the note stays the four sentences with both edits, not thousands of characters."""
    base = "Met Ana at Acme.\nShe runs data.\nAsk about Rust.\nSend the deck."
    a = base.replace("She runs data.", "She runs data and ML.")
    b = base.replace("Send the deck.", "Send the deck on Friday.")
    stored, windows = base, {"a": [base, a], "b": [base, b]}
    for _ in range(50):
        for window in windows.values():
            merged, clashed = merge_text(window[0], window[1], stored)
            assert not clashed
            stored = window[0] = window[1] = merged
    assert stored == (
        "Met Ana at Acme.\nShe runs data and ML.\nAsk about Rust.\nSend the deck on Friday."
    )


def test_a_real_clash_keeps_both_once() -> None:
    merged, clashed = merge_text("Call on Monday.", "Call on Tuesday.", "Call on Friday.")
    assert clashed
    assert merged == "Call on Tuesday." + CONFLICT_SEPARATOR + "Call on Friday."
    assert merge_text("Call on Monday.", merged, "Call on Friday.") == (merged, False)


@dataclass(frozen=True)
class Card:
    name: str
    title: str
    notes: str
    rating: int


def test_records_merge_field_by_field() -> None:
    base = Card("Ana", "Engineer", "Met at Acme.", 3)
    mine = Card("Ana", "Engineer", "Met at Acme. Likes Rust.", 4)
    theirs = Card("Ana", "Staff Engineer", "Met at Acme.", 3)
    merged = merge_records(base, mine, theirs, texts=("notes",))
    assert merged.value == Card("Ana", "Staff Engineer", "Met at Acme. Likes Rust.", 4)
    assert merged.conflicts == ()
    clash = merge_records(base, mine, Card("Ana", "Engineer", "Met at Acme.", 5))
    assert clash.conflicts == ("rating",) and clash.value.rating == 4
