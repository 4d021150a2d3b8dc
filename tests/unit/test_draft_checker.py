"""The draft checker, templates and the plan for a sent letter."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.dates_in_text import find_dates, promised_date
from coffeechat.domain.draft_checker import (
    Level,
    check_draft,
    job_words_in,
    passes,
    them_share,
)
from coffeechat.domain.outreach import placeholder_values, plan_for_sent
from coffeechat.domain.pipeline import Event
from coffeechat.domain.questions import JOB_WORDS
from coffeechat.domain.templates import (
    INTRO,
    INTRO_REFERRED,
    TEMPLATES,
    default_text,
    fill,
    format_day,
    load_user_template,
)
from coffeechat.models import Contact, OutcomeKind
from coffeechat.models_activity import Outcome, Profile, Referral

TODAY = date(2026, 3, 16)
PROFILE = Profile(
    name="Ada Byron",
    background="a postdoc in cell biology moving toward translational research",
    email="ada@example.org",
    phone="+1 555 0100",
)
MARIA = Contact(
    id=1,
    name="Maria Okafor",
    title="Director of Translational Science",
    organization="Northbridge Biologics",
    how_found="alumni list",
)


def _levels(text: str, **kwargs) -> dict[str, Level]:
    return {f.rule: f.level for f in check_draft(text, today=TODAY, **kwargs)}


def test_default_intro_passes_the_checker_and_is_under_75_words() -> None:
    values = placeholder_values(profile=PROFILE, contact=MARIA, today=TODAY)
    filled = fill(default_text(INTRO), values)
    assert filled.warnings == ()
    findings = check_draft(filled.text, today=TODAY)
    assert passes(findings), findings
    assert all(f.level is Level.OK for f in findings), findings
    assert "Wednesday, March 25" in filled.text  # 7 business days after Monday 16th
    assert "15 or 30 minutes" in filled.text


def test_every_default_template_fills_without_unknown_placeholders() -> None:
    outcome = Outcome(
        1,
        OutcomeKind.REFERRAL_OFFERED,
        advice="Read the FDA guidance",
        referrals=(Referral("Sam"),),
    )
    values = placeholder_values(
        profile=PROFILE,
        contact=MARIA,
        today=TODAY,
        letter_date=TODAY,
        call_date=TODAY,
        referred_by="Tom Lindqvist",
        outcome=outcome,
        talked_to="Jonah Park",
    )
    for name in [*TEMPLATES, INTRO_REFERRED]:
        filled = fill(default_text(name), values)
        assert filled.warnings == (), name
        assert "${" not in filled.text


def test_unknown_and_empty_placeholders_are_warnings_not_errors() -> None:
    filled = fill(
        "Hi ${nope}, ${my_phone} ${contact_name} $$5 {0.__class__}", {"contact_name": "Al"}
    )
    assert filled.text == "Hi ${nope}, ${my_phone} Al $5 {0.__class__}"
    assert filled.warnings == (
        "${nope} is not a placeholder coffeechat knows",
        "${my_phone} has no value yet: your phone (My profile)",
    )


@given(st.text(max_size=300), st.dictionaries(st.text(max_size=10), st.text(max_size=20)))
def test_fill_never_raises_and_inserts_values_literally(template: str, values) -> None:
    filled = fill(template, values)
    assert isinstance(filled.text, str)


def test_user_copy_is_written_once_then_read(tmp_path) -> None:
    folder = tmp_path / "templates"
    assert load_user_template(folder, INTRO) == default_text(INTRO)
    (folder / "intro_letter.txt").write_text("Mine, ${contact_name}?", encoding="utf-8")
    assert load_user_template(folder, INTRO) == "Mine, ${contact_name}?"


def test_length_rules() -> None:
    short = "word " * 60 + "Would you talk on March 20?"
    assert _levels(short)["length"] is Level.OK
    assert _levels("word " * 80 + "?")["length"] is Level.WARN
    assert _levels("word " * 101 + "?")["length"] is Level.BAD
    assert _levels("word " * 80 + "?", first_contact=False)["length"] is Level.OK


def test_each_problem_says_what_to_change() -> None:
    text = "I am looking for a job and I attach my CV. I hope to hear back."
    findings = check_draft(text, today=TODAY)
    bad = {f.rule: f for f in findings if f.level is not Level.OK}
    assert set(bad) == {"question", "job", "them", "date", "connection", "ask", "interest"}
    assert "“job”" in bad["job"].message and "“cv”" in bad["job"].message
    assert "?" in bad["question"].message
    assert "follow up" in bad["date"].message
    assert not passes(findings)


def test_them_versus_me() -> None:
    assert them_share("You and your team; I and my") == (2, 2)
    assert them_share("I'm sure you'll like it, I’ve heard") == (1, 2)
    assert them_share("${my_name} writes") == (0, 0)


def test_dates_in_letters() -> None:
    assert find_dates("call on Wednesday, March 25 or 2026-04-01", TODAY) == [
        date(2026, 3, 25),
        date(2026, 4, 1),
    ]
    assert find_dates("on 3 March", TODAY) == [date(2027, 3, 3)]  # past: next year
    assert find_dates("February 30", TODAY) == []
    assert promised_date("We met March 2, 2026; I'll call on March 25.", TODAY) == date(2026, 3, 25)
    assert format_day(date(2026, 3, 25)) == "Wednesday, March 25"


@given(st.text(max_size=500))
def test_checker_never_raises_and_always_judges_job_words(text: str) -> None:
    findings = check_draft(text, today=TODAY)
    job = next(f for f in findings if f.rule == "job")
    assert (job.level is Level.BAD) == bool(job_words_in(text))


@given(
    st.lists(st.sampled_from(["we", "talk", "science", "the", "lab", "field"]), max_size=40),
    st.sampled_from(sorted(JOB_WORDS)),
    st.booleans(),
)
def test_a_job_word_anywhere_is_flagged(filler: list[str], job: str, upper: bool) -> None:
    words = [
        *filler[: len(filler) // 2],
        job.upper() if upper else job,
        *filler[len(filler) // 2 :],
    ]
    findings = check_draft(" ".join(words) + "?", today=TODAY)
    assert {f.rule: f.level for f in findings}["job"] is Level.BAD


@given(st.integers(min_value=1, max_value=200))
def test_word_count_thresholds(count: int) -> None:
    level = _levels("word " * count)["length"]
    expected = Level.OK if count < 75 else Level.WARN if count <= 100 else Level.BAD
    assert level is expected


def test_plan_for_sent_intro_uses_the_promised_date() -> None:
    body = "Would you talk? I'll call you on Friday, March 27."
    plan = plan_for_sent(INTRO, body, MARIA, TODAY)
    assert plan.event is Event.LETTER_SENT
    kinds = {f.kind: f.due_date for f in plan.followups}
    assert kinds == {"second_person": "2026-03-19", "follow_up": "2026-03-27"}


def test_plan_for_sent_intro_without_a_date_uses_3b7() -> None:
    plan = plan_for_sent(INTRO, "Would you talk?", MARIA, TODAY)
    assert {f.kind: f.due_date for f in plan.followups}["follow_up"] == "2026-03-25"
    assert plan_for_sent("thank_you", "Thanks", MARIA, TODAY).event is Event.THANKED


def test_the_methods_asks_of_a_first_letter() -> None:
    good = (
        "Dear Maria,\n\nAs a fellow Riverside alumnus, I read your article on cell therapy "
        "at Northbridge. I hope to move into this field. Would you have 15 or 30 minutes "
        "for a short call?"
    )
    levels = _levels(good)
    assert (levels["connection"], levels["ask"], levels["interest"]) == (Level.OK,) * 3
    vague = "Dear Maria,\n\nI am a postdoc. Could we talk sometime about things?"
    findings = {f.rule: f for f in check_draft(vague, today=TODAY)}
    assert (
        findings["connection"].level is Level.WARN
        and "connection" in findings["connection"].message
    )
    assert findings["ask"].level is Level.WARN and "15 or 30" in findings["ask"].message
    assert findings["interest"].level is Level.WARN
    # A follow-up or a thank-you is not a first letter: none of these apply.
    later = {f.rule for f in check_draft(vague, first_contact=False, today=TODAY)}
    assert not later & {"connection", "ask", "interest"}


def test_linkedin_note_is_counted_in_characters_against_the_limit() -> None:
    from coffeechat.domain.templates import LINKEDIN_NOTE

    values = placeholder_values(profile=PROFILE, contact=MARIA, today=TODAY)
    note = fill(default_text(LINKEDIN_NOTE), values).text
    info = TEMPLATES[LINKEDIN_NOTE]
    findings = check_draft(
        note,
        first_contact=info.first_contact,
        expects_follow_up_date=info.expects_follow_up_date,
        char_limit=200,
        today=TODAY,
    )
    assert all(f.level is Level.OK for f in findings), findings
    length = next(f for f in findings if f.rule == "length")
    assert length.message == f"{len(note.strip())}/200 characters."
    long = check_draft("x" * 250 + "?", char_limit=200, today=TODAY)
    too_long = next(f for f in long if f.rule == "length")
    assert too_long.level is Level.BAD and "remove 51" in too_long.message
    assert (
        next(f for f in check_draft("x" * 250 + "?", char_limit=300) if f.rule == "length").level
        is Level.OK
    )


def test_note_limit_setting(store) -> None:
    import pytest

    from coffeechat.usecases.outreach import note_limit, set_note_limit

    assert note_limit(store) == 200
    set_note_limit(store, 300)
    assert note_limit(store) == 300
    with pytest.raises(ValueError, match="200 or 300"):
        set_note_limit(store, 250)
    assert note_limit(store) == 300
