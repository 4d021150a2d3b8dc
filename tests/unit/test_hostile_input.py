"""Every validator and parser takes anything a user or a file can throw at it: it
answers (a reason, None, a value) or raises only its documented clean error."""

from __future__ import annotations

import inspect
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain import call, validation
from coffeechat.domain.agenda import resolve_new_date
from coffeechat.domain.text import one_line, visible
from coffeechat.interop import tabular

HOSTILE = [
    "[bold]Ada[/bold]",
    "[red on white]x",
    "[link=https://evil.example]click[/link]",
    "\x1b[2J\x1b[H",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]0;title\x07",
    "\x1bP+q\x1b\\",
    "\x9b31m",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "a\u200bb\u200dc\ufeff",
    "🎉👩‍🔬🏳️‍🌈",
    "\x00\x01\x7f",
    "+99999999999999999999",
    "+١٢",
    "9999-12-31",
    "0000-00-00",
    "2026-02-30",
    "http://",
    "https://" + "a" * 5000,
    "@" * 300,
    "x" * 100_000,
]
TEXT = st.one_of(
    st.text(),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=20), max_size=5).map("".join),
)

VALIDATORS = sorted(
    (
        (f"{module.__name__}.{name}", function)
        for module in (validation, call)
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("check_") and function.__module__ == module.__name__
    ),
    key=lambda pair: pair[0],
)


def test_every_validator_is_covered() -> None:
    names = {name.rsplit(".", 1)[1] for name, _ in VALIDATORS}
    assert {"check_name", "check_email", "check_url", "check_phone", "check_date"} <= names
    assert {"check_minutes", "check_required", "check_when"} <= names


@pytest.mark.parametrize(("name", "check"), VALIDATORS, ids=[n for n, _ in VALIDATORS])
@settings(max_examples=150, deadline=None)
@given(value=TEXT)
def test_validators_answer_with_a_reason_or_none(name: str, check, value: str) -> None:
    reason = check(value)
    assert reason is None or (isinstance(reason, str) and reason.strip()), (name, reason)
    if reason is not None:
        assert "\n" not in reason, "a reason is shown on one line under the field"


@settings(max_examples=200, deadline=None)
@given(value=TEXT)
def test_date_and_url_helpers_never_raise(value: str) -> None:
    try:
        parsed = validation.parse_date(value)
    except ValueError:
        pass  # documented: the form shows check_date's reason instead
    else:
        assert parsed is None or isinstance(parsed, date)
    assert isinstance(validation.normalize_url(value), str)
    assert isinstance(tabular.parse_date(value), str)
    try:
        when = call.parse_when(value)
    except ValueError:
        pass  # documented: the form shows check_when's reason instead
    else:
        assert when is None or isinstance(when, datetime)


@settings(max_examples=200, deadline=None)
@given(value=TEXT | st.integers(min_value=0, max_value=10**30).map(lambda n: f"+{n}"))
def test_reschedule_input_never_raises(value: str) -> None:
    resolved = resolve_new_date(value, date(2026, 3, 16))
    assert resolved is None or date.fromisoformat(resolved)


def test_reschedule_far_out_is_refused_not_a_crash() -> None:
    assert resolve_new_date("+99999999999", date(2026, 3, 16)) is None
    assert resolve_new_date("+١٢", date(2026, 3, 16)) is None
    assert resolve_new_date("+3", date(2026, 3, 16)) == "2026-03-19"


@settings(max_examples=300, deadline=None)
@given(value=TEXT)
def test_display_helpers_leave_no_control_characters(value: str) -> None:
    for shown in (visible(value), one_line(value)):
        assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in shown)
    assert "\n" not in one_line(value)
