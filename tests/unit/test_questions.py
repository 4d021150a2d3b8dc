def test_an_added_question_goes_before_the_closing_referral_question() -> None:
    from coffeechat.domain.questions import REFERRAL_QUESTION, with_added
    from coffeechat.models_activity import Question

    closing = Question(REFERRAL_QUESTION, group="Resources")
    first = Question("How did you start?", group="Insights")
    added = Question("What does a week look like?", group="Insights")
    assert with_added([first, closing], added) == [first, added, closing]
    assert with_added([first], added) == [first, added]
    assert with_added([], added) == [added]


def test_trimming_keeps_the_first_questions_and_the_referral_question() -> None:
    from coffeechat.domain.questions import (
        REFERRAL_QUESTION,
        estimated_minutes,
        questions_that_fit,
        trimmed_to,
    )
    from coffeechat.models_activity import Question

    closing = Question(REFERRAL_QUESTION, group="Resources")
    many = [Question(f"Question {n}?", group="Trends") for n in range(12)]
    kept = trimmed_to([*many, closing], 15)
    room = questions_that_fit(15)
    assert len(kept) == room
    assert estimated_minutes(room, 15) <= 15 < estimated_minutes(room + 1, 15)
    assert kept[-1] is closing
    assert kept[:-1] == many[: room - 1]
    assert trimmed_to(many[:3], 15) == many[:3]
    # Eleven questions in a 30-minute call: about 26 minutes, it fits: nothing goes.
    assert estimated_minutes(11, 30) <= 30
    assert trimmed_to([*many[:10], closing], 30) == [*many[:10], closing]
