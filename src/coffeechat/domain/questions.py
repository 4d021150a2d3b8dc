"""The question bank's rules: TIARA groups, the default set, and the job-asking check.

TIARA (Trends, Insights, Advice, Resources, Assignments) is the classic shape of an
informational interview: start broad, get personal, end with who else to talk to.
The job check is shared with the draft checker: a letter or a question that asks
for a job breaks the one rule of informational interviews.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models_activity import Question
from .text import folded

TIARA: tuple[str, ...] = ("Trends", "Insights", "Advice", "Resources", "Assignments")

#: (group, question) in the order they are usually asked.
DEFAULT_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Trends", "What trends are you seeing in your field right now?"),
    ("Trends", "How has your field changed since you started?"),
    ("Trends", "Where do you see the field going in the next five years?"),
    ("Trends", "Which developments excite you most, and which worry you?"),
    ("Trends", "What new skills is the field starting to need?"),
    ("Insights", "How did you get to where you are now?"),
    ("Insights", "What does a typical week look like for you?"),
    ("Insights", "What do you enjoy most about your work?"),
    ("Insights", "What is the hardest part of your role?"),
    ("Insights", "What surprised you most when you moved into this kind of work?"),
    ("Insights", "What do you wish you had known before starting?"),
    ("Insights", "How does your team decide what to work on?"),
    ("Advice", "If you were in my shoes, what would you do next?"),
    ("Advice", "Which of my skills would carry over best, and which should I build?"),
    ("Advice", "What is the most common mistake people make when moving into this field?"),
    ("Advice", "How would you suggest I explain my background to people in this field?"),
    ("Advice", "Is there anything in my story that would give you pause?"),
    ("Resources", "Who else would you suggest I talk to?"),
    ("Resources", "Which journals, newsletters or blogs do you read to keep up?"),
    ("Resources", "Are there professional groups or meetings worth joining?"),
    ("Resources", "Are there courses or certificates people in your field respect?"),
    ("Resources", "Which organizations are doing the most interesting work in this area?"),
    ("Assignments", "Is there a small project I could do to test my interest in this work?"),
    ("Assignments", "What should I read or try before we talk again?"),
    ("Assignments", "Would you mind if I kept you posted on how things go?"),
    ("Assignments", "May I mention that we spoke when I contact the people you suggested?"),
)

REFERRAL_QUESTION = "Who else would you suggest I talk to?"
"""Asked in every call, near the end: the next people are the point of the exercise."""

MINUTES_PER_QUESTION = 2.0
"""A question, its answer and a follow-up, at a conversational pace."""
OPENING_AND_CLOSING = 0.15
"""Share of the call that goes to small talk, next steps and thanks."""


def questions_for(length_minutes: int) -> int:
    """How many questions a call of *length_minutes* holds: 6 for 15 minutes, 10 for
    30 (not every question in the bank: the promised time is a promise)."""
    if length_minutes <= 15:
        return 6
    return max(6, round(length_minutes / 3))


def estimated_minutes(count: int, length_minutes: int) -> int:
    """About how long *count* questions take in a call of *length_minutes*."""
    return round(length_minutes * OPENING_AND_CLOSING + count * MINUTES_PER_QUESTION)


def is_referral_question(text: str) -> bool:
    return "who else" in text.casefold()


def with_added(questions: Sequence[Question], question: Question) -> list[Question]:
    """*questions* with *question* added at the end, but before a closing referral
    question (who else to talk to is asked last)."""
    result = list(questions)
    if result and is_referral_question(result[-1].text) and not is_referral_question(question.text):
        result.insert(len(result) - 1, question)
    else:
        result.append(question)
    return result


def questions_that_fit(length_minutes: int) -> int:
    """How many questions a call of *length_minutes* has time for (the estimate the
    plan shows), never fewer than the default set's size."""
    count = questions_for(length_minutes)
    while estimated_minutes(count + 1, length_minutes) <= length_minutes:
        count += 1
    return count


def trimmed_to(questions: Sequence[Question], length_minutes: int) -> list[Question]:
    """The first questions that fit a call of *length_minutes*, keeping the referral
    question (last) whatever else is dropped; a checklist that fits is left whole."""
    if estimated_minutes(len(questions), length_minutes) <= length_minutes:
        return list(questions)
    closing = [q for q in questions if is_referral_question(q.text)]
    others = [q for q in questions if not is_referral_question(q.text)]
    room = questions_that_fit(length_minutes) - len(closing[:1])
    return [*others[: max(room, 0)], *closing[:1]]


def fit_to_call(questions: Sequence[Question], length_minutes: int) -> list[Question]:
    """The default set for one call: as many questions as fit its length, taken in
    turn from every group (TIARA order, then the user's own) in bank order, with the
    referral question always last (added when the set has none)."""
    wanted = questions_for(length_minutes)
    closing = next((q for q in questions if is_referral_question(q.text)), None)
    if closing is None:
        closing = Question(REFERRAL_QUESTION, group="Resources")
    groups: dict[str, list[Question]] = {}
    for question in questions:
        if question is not closing:
            groups.setdefault(question.group, []).append(question)
    ordered = sorted(groups, key=group_order)
    room = wanted - 1
    chosen: set[int] = set()
    while len(chosen) < room and any(groups.values()):
        for group in ordered:
            if groups[group] and len(chosen) < room:
                chosen.add(id(groups[group].pop(0)))
    picked = [q for q in questions if id(q) in chosen]
    picked.sort(key=lambda q: group_order(q.group))
    return [*picked, closing]


#: Words that turn a question or a letter into a job request: the one list the question
#: bank and the draft checker share. Whole words only, so "jobs" and "hiring" count but
#: "positional" or "Jobson" do not.
JOB_WORDS: tuple[str, ...] = (
    "job",
    "jobs",
    "position",
    "positions",
    "opening",
    "openings",
    "hiring",
    "hire me",
    "hire",
    "vacancy",
    "vacancies",
    "resume",
    "résumé",
    "resumé",
    "cv",
    "employment",
    "employ",
    "recruit",
    "recruiting",
    "recruiter",
    "internship",
)

_JOB_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in JOB_WORDS) + r")(?!\w)", re.IGNORECASE
)


def job_words_in(text: str) -> list[str]:
    """The job-asking words in *text*, as written, in order of appearance."""
    return [match.group() for match in _JOB_PATTERN.finditer(text)]


def asks_for_job(text: str) -> bool:
    """True when *text* uses a word that asks for a job (job, position, resume, CV…)."""
    return _JOB_PATTERN.search(text) is not None


def group_order(group: str) -> int:
    """Sort key: TIARA groups first in their order, the user's own groups after."""
    return TIARA.index(group) if group in TIARA else len(TIARA)


def matching(questions: Sequence[Question], query: str) -> list[Question]:
    """The questions whose text or group holds every word of *query*, case and accents
    ignored (as the contact filter matches), in their order."""
    words = folded(query).split()
    if not words:
        return list(questions)
    haystacks = [folded(f"{q.text}\x00{q.group}") for q in questions]
    return [q for q, hay in zip(questions, haystacks, strict=True) if all(w in hay for w in words)]
