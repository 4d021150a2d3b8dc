"""Letters follow the contact's purpose: each usual purpose has its own wording."""

from __future__ import annotations

import pytest

from coffeechat.domain.draft_checker import Level, check_draft, method_findings
from coffeechat.domain.outreach import placeholder_values
from coffeechat.domain.purposes import PURPOSES, SLUGS, known_purpose, suggested_questions
from coffeechat.domain.templates import (
    FOLLOW_UP_CALL,
    INTRO,
    INTRO_REFERRED,
    REFERRER_UPDATE,
    REFERRER_UPDATE_ADVICE,
    TEMPLATES,
    THANK_YOU,
    choose_variant,
    default_text,
    describe_variant,
    fill,
    load_variant,
    variant_names,
)
from coffeechat.models import OutcomeKind
from coffeechat.models_activity import Outcome, Referral
from tests.unit.test_draft_checker import MARIA, PROFILE, TODAY

VALUES = placeholder_values(
    profile=PROFILE,
    contact=MARIA,
    today=TODAY,
    letter_date=TODAY,
    call_date=TODAY,
    referred_by="Tom Lindqvist",
    outcome=Outcome(
        1,
        OutcomeKind.REFERRAL_OFFERED,
        advice="Read the FDA guidance",
        referrals=(Referral("Sam"),),
    ),
    talked_to="Jonah Park",
    advice_acted_on="Join the regulatory science meetup.",
)

#: A word each purpose's letters carry that the general ones do not.
PURPOSE_WORDS = {
    "career away from the bench": "bench",
    "networking": "field",
    "paper collaboration": "paper",
    "patient groups": "patient",
    "business partner": "partner",
}


def _info(name: str):
    base = name.partition(".")[0]
    if base == INTRO_REFERRED:
        return TEMPLATES[INTRO]
    if base == REFERRER_UPDATE_ADVICE:
        return TEMPLATES[REFERRER_UPDATE]
    return TEMPLATES[base]


@pytest.mark.parametrize("purpose", PURPOSES)
@pytest.mark.parametrize("template", [INTRO, THANK_YOU, FOLLOW_UP_CALL])
def test_each_purpose_yields_its_own_variant(tmp_path, purpose: str, template: str) -> None:
    variant = choose_variant(template, purpose=purpose.capitalize())
    text, name = load_variant(tmp_path, variant)
    assert name == f"{template}.{SLUGS[purpose]}"
    general = default_text(template)
    assert text != general
    word = PURPOSE_WORDS[purpose]
    assert word in text.casefold() and word not in general.casefold()
    assert purpose in describe_variant(name)


@pytest.mark.parametrize("purpose", ["", "   ", "my own reason", "curiosity"])
def test_no_usual_purpose_yields_the_general_template(tmp_path, purpose: str) -> None:
    for template in (INTRO, THANK_YOU, FOLLOW_UP_CALL):
        text, name = load_variant(tmp_path, choose_variant(template, purpose=purpose))
        assert (name, text) == (template, default_text(template))
        assert describe_variant(name).endswith(", general")


def test_the_seeds_wording_of_each_purpose_is_recognised() -> None:
    assert known_purpose("a career away from the bench") == "career away from the bench"
    assert known_purpose("Networking in the field") == "networking"
    assert known_purpose("a partner for writing papers") == "paper collaboration"
    assert known_purpose("patient groups linked to the research") == "patient groups"
    assert known_purpose("business partners in the community") == "business partner"
    assert known_purpose("learning to sail") == ""
    # The suggested questions follow the same reading.
    assert suggested_questions("a partner for writing papers") == suggested_questions(
        "paper collaboration"
    )


def test_referred_and_advice_versions_combine_with_the_purpose(tmp_path) -> None:
    referred = choose_variant(INTRO, purpose="patient groups", referred=True)
    text, name = load_variant(tmp_path, referred)
    assert name == "intro_letter_referred.patient_groups"
    assert text.split("\n")[2].startswith("${referred_by} suggested I write to you.")
    assert describe_variant(name) == ("Intro letter for patient groups, naming who referred you")
    advice = choose_variant(REFERRER_UPDATE, advice_acted_on=True)
    text, name = load_variant(tmp_path, advice)
    assert name == REFERRER_UPDATE_ADVICE and "${advice_acted_on}" in text
    assert load_variant(tmp_path, choose_variant(REFERRER_UPDATE))[1] == REFERRER_UPDATE


def test_a_users_variant_is_theirs_and_an_emptied_one_means_general(tmp_path) -> None:
    variant = choose_variant(THANK_YOU, purpose="networking")
    load_variant(tmp_path, variant)  # writes the user's copies from the defaults
    own = tmp_path / "thank_you.networking.txt"
    assert own.read_text(encoding="utf-8") == default_text("thank_you.networking")
    own.write_text("Thanks for the names, ${contact_first_name}!", encoding="utf-8")
    assert load_variant(tmp_path, variant) == (
        "Thanks for the names, ${contact_first_name}!",
        "thank_you.networking",
    )
    own.write_text("\n", encoding="utf-8")
    assert load_variant(tmp_path, variant) == (default_text(THANK_YOU), THANK_YOU)


@pytest.mark.parametrize("name", variant_names())
def test_the_checker_passes_every_shipped_template(name: str) -> None:
    info = _info(name)
    filled = fill(default_text(name), VALUES)
    assert filled.warnings == (), name
    findings = check_draft(
        filled.text,
        first_contact=info.first_contact,
        expects_question=info.expects_question,
        expects_follow_up_date=info.expects_follow_up_date,
        count_words=not info.is_script,
        today=TODAY,
        char_limit=200 if info.char_limit else None,
    )
    assert all(f.level is not Level.BAD for f in findings), findings
    if info.first_contact:
        # Connection in the first sentence, a 15/30-minute ask, narrow and broad interest.
        method = {f.rule: f.level for f in method_findings(filled.text)}
        assert method == {"connection": Level.OK, "ask": Level.OK, "interest": Level.OK}
    # Every check ticked: under 75 words for a first letter, about them more than me.
    assert all(f.level is Level.OK for f in findings), findings


def test_every_purpose_has_every_variant() -> None:
    names = set(variant_names())
    for slug in SLUGS.values():
        for base in (INTRO, INTRO_REFERRED, THANK_YOU, FOLLOW_UP_CALL):
            assert f"{base}.{slug}" in names
            assert default_text(f"{base}.{slug}").strip()
