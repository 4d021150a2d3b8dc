"""Validation, display safety and the contact filter."""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain import validation as v
from coffeechat.domain.contact_filter import ContactFilter
from coffeechat.domain.text import one_line, visible


def test_email() -> None:
    assert v.check_email("") is None
    assert v.check_email("ada@example.org") is None
    assert v.check_email("ada@example") is not None
    assert v.check_email("ada example.org") is not None


def test_url() -> None:
    assert v.check_url("https://example.org/x") is None
    assert v.check_url("example.org") is None
    assert v.check_url("ftp://example.org") is not None
    assert v.check_url("not a url") is not None
    assert v.normalize_url("example.org/") == "https://example.org"


def test_phone() -> None:
    assert v.check_phone("+1 (617) 555-0142") is None
    assert v.check_phone("555-0142 ext. 12") is None
    assert v.check_phone("call me") is not None
    assert v.check_phone("12") is not None


def test_date() -> None:
    assert v.check_date("2026-03-15") is None
    assert v.check_date("") is None
    assert "YYYY-MM-DD" in v.check_date("15/03/2026")
    assert v.check_date("2026-02-30") is not None


@given(st.text())
def test_validators_never_raise(value: str) -> None:
    for check in (
        v.check_email,
        v.check_url,
        v.check_phone,
        v.check_date,
        v.check_name,
        v.check_minutes,
    ):
        result = check(value)
        assert result is None or isinstance(result, str)


@given(st.text())
def test_visible_text_has_no_control_characters(value: str) -> None:
    shown = one_line(value)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in shown)


def test_escape_is_shown_not_obeyed() -> None:
    assert visible("\x1b[31mred") == "␛[31mred"
    assert one_line("a\nb\tc") == "a b c"


class Row(NamedTuple):
    name: str
    organization: str = ""
    title: str = ""
    email: str = ""
    tags: str = ""


ROWS = [
    Row("Ada Lovelace", "Analytical Engines", "Analyst", "ada@example.org", "math"),
    Row("Charles Babbage", "Analytical Engines", "Inventor"),
    Row("Émile Zola", "Press", "Writer", tags="writing, france"),
]


def test_filter_matches_every_field_and_all_words() -> None:
    f = ContactFilter(ROWS)
    assert [r.name for r in f.match("analytical")] == ["Ada Lovelace", "Charles Babbage"]
    assert [r.name for r in f.match("analytical inv")] == ["Charles Babbage"]
    assert [r.name for r in f.match("EXAMPLE.ORG")] == ["Ada Lovelace"]
    assert [r.name for r in f.match("france")] == ["Émile Zola"]
    assert f.match("") == ROWS
    assert f.match("nobody") == []


@given(st.lists(st.text(max_size=5), max_size=6))
def test_incremental_filter_equals_fresh_filter(queries: list[str]) -> None:
    incremental = ContactFilter(ROWS)
    typed = ""
    for piece in queries:
        typed += piece
        assert incremental.match(typed) == ContactFilter(ROWS).match(typed)


MANY = [
    Row(f"{first} {last} {n}", org, tags=tag)
    for n, (first, last, org, tag) in enumerate(
        zip(
            ["Ada", "Søren", "Łukasz", "Tom", "Noor"] * 8,
            ["Okafor", "Berg", "Nowak", "Lindqvist", "Haddad", "Kim", "Osei"] * 6,
            ["Okafor Labs", "Bio", "Health", ""] * 10,
            ["", "mentor", "alumni"] * 14,
            strict=False,
        )
    )
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["o", "ok", "s", "so", "lu", "a", " b", "z", ""]),
            st.booleans(),
            st.integers(1, 12),
            st.integers(-1, 45),
            st.integers(1, 40),
        ),
        max_size=6,
    )
)
def test_a_filter_stopped_early_and_taken_on_equals_a_full_one(
    typing: list[tuple[str, bool, int, int, int]],
) -> None:
    """Stopping at the first screenful (``enough``, ``through``), typing on before the
    rest was looked at, and looking at it a slice at a time (``more``) find the same
    rows in the same order as matching every row at once."""
    stopped = ContactFilter(MANY)
    typed = ""
    for piece, extend, enough, through, budget in typing:
        typed = typed + piece if extend else piece
        shown = stopped.match(typed, enough=enough, through=through)
        every = ContactFilter(MANY).match(typed)
        assert shown == every[: len(shown)]
        assert len(shown) >= min(enough, len(every))
        assert not any(i <= through for i, row in enumerate(MANY) if row in every[len(shown) :])
        if extend:
            continue  # the next piece is typed before the rest is looked at
        while not stopped.complete:
            shown += stopped.more(budget)
        assert shown == every
