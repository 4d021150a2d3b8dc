def test_an_added_question_goes_before_the_closing_referral_question() -> None:
    from coffeechat.domain.questions import REFERRAL_QUESTION, with_added
    from coffeechat.models import Question

    closing = Question(REFERRAL_QUESTION, group="Resources")
    first = Question("How did you start?", group="Insights")
    added = Question("What does a week look like?", group="Insights")
    assert with_added([first, closing], added) == [first, added, closing]
    assert with_added([first], added) == [first, added]
    assert with_added([], added) == [added]


def test_trimming_keeps_the_first_questions_and_the_referral_question() -> None:
    from coffeechat.domain.questions import REFERRAL_QUESTION, questions_for, trimmed_to
    from coffeechat.models import Question

    closing = Question(REFERRAL_QUESTION, group="Resources")
    many = [Question(f"Question {n}?", group="Trends") for n in range(12)]
    kept = trimmed_to([*many, closing], 15)
    assert len(kept) == questions_for(15)
    assert kept[-1] is closing
    assert kept[:-1] == many[: questions_for(15) - 1]
    assert trimmed_to(many[:3], 15) == many[:3]
