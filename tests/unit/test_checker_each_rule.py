"""The checker ticks only what the letter's text shows: for each of its checks, a letter
that passes and one that fails."""

from __future__ import annotations

from datetime import date

import pytest

from coffeechat.domain.draft_checker import Level, check_draft

TODAY = date(2026, 3, 16)
GOOD = (
    "Dear Maria,\n\nI found you on our alumni list. Your work at Northbridge is the path "
    "I hope to follow in this field. Would you have 15 or 30 minutes for a short call? "
    "I'll call you on Wednesday, March 25.\n\nBest, Ada"
)
LONG = GOOD + " More about your work." * 20

#: rule → (a letter that passes it, one that fails it)
CASES: dict[str, tuple[str, str]] = {
    "length": (GOOD, LONG),
    "question": (GOOD, GOOD.replace("short call?", "short call.")),
    "job": (GOOD, GOOD + " Any job openings?"),
    "them": (GOOD, GOOD + " I am, I think, my own person; I, me, my, mine, myself."),
    "date": (GOOD, GOOD.replace(" on Wednesday, March 25", " soon")),
    "connection": (
        GOOD,
        GOOD.replace("I found you on our alumni list. Your work", "Your work"),
    ),
    "ask": (GOOD, GOOD.replace("15 or 30 minutes", "some time")),
    "interest": (GOOD, GOOD.replace("the path I hope to follow in this field", "inspiring")),
    "blanks": (GOOD, GOOD.replace("Ada", "${my_name}")),
}


def _level(text: str, rule: str) -> Level:
    found = {f.rule: f.level for f in check_draft(text, today=TODAY)}
    return found.get(rule, Level.OK)  # "blanks" speaks only when there are some


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_check_passes_one_letter_and_fails_another(rule: str) -> None:
    passing, failing = CASES[rule]
    assert _level(passing, rule) is Level.OK
    assert _level(failing, rule) is not Level.OK


def test_your_work_alone_is_no_connection() -> None:
    """The intro letter's "Your work as … at …" says why them, not how you know of them."""
    text = "Dear Tom,\n\nYour work as a Lead at Harbor Health is the path I hope to follow."
    assert _level(text, "connection") is Level.WARN
    for opening in (
        "Ana Silva suggested I write to you.",
        "I read your article “Bench to bedside”.",
        "As a fellow alumnus of Lund, I am writing.",
        "I came across your profile on LinkedIn.",
    ):
        assert _level(f"Dear Tom,\n\n{opening} Your work is great.", "connection") is Level.OK
