"""Letters say only what is true and read as sentences: optional parts, articles,
advice quoted as a sentence or kept as a list, the connection from what is recorded."""

from __future__ import annotations

import pytest

from coffeechat.domain.letter_words import as_sentence, connection, quote_advice, with_article
from coffeechat.domain.outreach import placeholder_values
from coffeechat.domain.templates import (
    blank_problem,
    default_text,
    fill,
    leftover_placeholders,
    variant_names,
)
from coffeechat.models import Contact
from coffeechat.models_activity import Profile
from tests.unit.test_draft_checker import PROFILE, TODAY


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Science Writer", "a Science Writer"),
        ("Engineer", "an Engineer"),
        ("MSL", "an MSL"),
        ("University Liaison", "a University Liaison"),
        ("Head of Medical Affairs", "Head of Medical Affairs"),
        ("Director of Translational Science", "Director of Translational Science"),
        ("VP Research", "VP Research"),
        ("the lead designer", "the lead designer"),
        ("", ""),
    ],
)
def test_a_title_takes_its_article(title: str, said: str) -> None:
    assert with_article(title) == said


def test_advice_is_quoted_as_a_sentence_and_a_list_stays_a_list() -> None:
    assert as_sentence("take a short contract first….") == "Take a short contract first."
    assert as_sentence("Why not ask?") == "Why not ask?"
    assert quote_advice("Take a short contract first….") == "“Take a short contract first.”"
    assert quote_advice("- Take the RAPS course\n- Ask for a shadowing day\n") == (
        "\n- Take the RAPS course.\n- Ask for a shadowing day."
    )
    assert quote_advice("  \n ") == ""


def test_the_connection_comes_from_what_is_recorded() -> None:
    assert connection("article", "Bench to bedside") == "I read your article “Bench to bedside”."
    assert connection("Alumni list") == "I found you on our alumni list."
    assert connection("a friend of a friend") == ""  # nothing the letter could state
    assert connection("") == ""


def test_an_optional_part_goes_when_its_value_is_missing() -> None:
    text = "Your work[[ as ${a_contact_title}]] at ${organization}.[[ I will write to ${x}.]]"
    assert fill(text, {"organization": "Harbor Health"}).text == "Your work at Harbor Health."
    both = {"organization": "Harbor Health", "a_contact_title": "a Science Writer", "x": "Sam"}
    assert fill(text, both).text == (
        "Your work as a Science Writer at Harbor Health. I will write to Sam."
    )
    # Brackets that do not pair are the user's own text.
    assert fill("a [[b ${organization}", {"organization": "O"}).text == "a [[b O"


def test_a_contact_with_no_title_gets_no_title_placeholder() -> None:
    tom = Contact(id=3, name="Tom Lindqvist", organization="Harbor Health")
    values = placeholder_values(profile=PROFILE, contact=tom, today=TODAY)
    text = fill(default_text("intro_letter"), values).text
    assert "Your work at Harbor Health is the path" in text and "${" not in text
    priya = Contact(id=4, name="Priya Raman", title="Science Writer", organization="OSP")
    values = placeholder_values(profile=PROFILE, contact=priya, today=TODAY)
    assert "Your work as a Science Writer at OSP" in fill(default_text("intro_letter"), values).text


#: Values only a particular situation has: the letters that use them are chosen then.
SITUATION = {"${talked_to}", "${referred_by}", "${advice_acted_on}"}


@pytest.mark.parametrize("name", variant_names())
def test_no_shipped_letter_leaves_a_blank_for_what_is_optional(name: str) -> None:
    """A new contact with only a name and the user's profile: every blank is either
    filled or its sentence removed (only what the situation itself supplies stays)."""
    bare = Contact(id=5, name="Sam Lee")
    values = placeholder_values(profile=PROFILE, contact=bare, today=TODAY)
    text = fill(default_text(name), values).text
    assert set(leftover_placeholders(text)) <= SITUATION, text
    assert "[[" not in text and "]]" not in text


def test_a_blank_says_where_its_value_comes_from() -> None:
    values = placeholder_values(profile=Profile(), contact=Contact(name="Sam Lee"), today=TODAY)
    text = fill(default_text("thank_you"), values).text
    assert blank_problem(text) == (
        "${my_name} has no value: fill it in My profile (ctrl+p, My profile), or edit the text"
    )
    assert blank_problem("Dear ${talked_to} and ${nope}") == (
        "${nope} is not a placeholder coffeechat knows (and 1 more): edit the text"
    )
