"""The live draft checker: how a letter measures up against known good practice.

Every finding carries a level and, when something is off, says what to change. The
rules come from the informational-interview literature: first contact well under 100
words (under 75 is better), ask for the meeting as a question, never ask for a job,
write more about them than about yourself, and say when you will follow up. A first
letter also states the connection in its first sentence, asks for 15 or 30 minutes,
and says why this person both narrowly and broadly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from . import questions
from .dates_in_text import find_dates
from .names import is_only_a_title
from .templates import leftover_placeholders, where_from

GOOD_WORDS_FIRST_CONTACT = 75
MAX_WORDS = 100

_THEM = frozenset({"you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd"})
_ME = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


class Level(StrEnum):
    OK = "ok"
    WARN = "warn"
    BAD = "bad"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    level: Level
    message: str
    """What we found and, unless all is well, what to change."""


def words(text: str) -> list[str]:
    return [w.replace("’", "'").casefold() for w in _WORD.findall(text)]


def job_words_in(text: str) -> list[str]:
    """The job-asking words in *text*, lower-cased, in order of first appearance."""
    return list(dict.fromkeys(word.casefold() for word in questions.job_words_in(text)))


def them_share(text: str) -> tuple[int, int]:
    """(words about them, words about me): you/your… against I/me/my…."""
    all_words = words(re.sub(r"\$\{[^{}]*\}", " ", text))  # blanks are not words yet
    return sum(w in _THEM for w in all_words), sum(w in _ME for w in all_words)


def _asks_question(text: str) -> bool:
    return re.search(r"[^\s?]\s*\?", text) is not None


def check_draft(
    text: str,
    *,
    first_contact: bool = True,
    expects_question: bool = True,
    expects_follow_up_date: bool = True,
    count_words: bool = True,
    today: date | None = None,
    char_limit: int | None = None,
) -> list[Finding]:
    findings: list[Finding] = []
    count = len(words(text))
    if greeting := _title_only_greeting(text):
        findings.append(
            Finding(
                "greeting",
                Level.BAD,
                f"“{greeting}” greets a title, not a person: add their name, or set how "
                "to greet them (Greeting, in the contact form).",
            )
        )

    if char_limit is not None:
        findings.append(_characters(text, char_limit))
    elif count_words:
        good = GOOD_WORDS_FIRST_CONTACT if first_contact else MAX_WORDS
        if count == 0:
            findings.append(Finding("length", Level.WARN, "Empty: pick a template or write."))
        elif count < good:
            findings.append(Finding("length", Level.OK, f"{count} words: short, easy to answer."))
        elif count <= MAX_WORDS:
            findings.append(
                Finding(
                    "length",
                    Level.WARN,
                    f"{count} words: under {good} reads better for a first contact; "
                    "cut a sentence about yourself.",
                )
            )
        else:
            findings.append(
                Finding(
                    "length",
                    Level.BAD,
                    f"{count} words: keep it under {MAX_WORDS}"
                    + (f" (under {good} is better)" if first_contact else "")
                    + f"; cut {count - good + 1} or more.",
                )
            )

    if expects_question:
        if _asks_question(text):
            findings.append(Finding("question", Level.OK, "Asks a question."))
        else:
            findings.append(
                Finding(
                    "question",
                    Level.BAD,
                    "No question: ask for the meeting as a question ending in “?”, "
                    "e.g. “Would you have 15 or 30 minutes for a short call?”",
                )
            )

    job = job_words_in(text)
    if job:
        listed = ", ".join(f"“{w}”" for w in job)
        findings.append(
            Finding(
                "job",
                Level.BAD,
                f"Sounds like asking for a job ({listed}): ask for advice and insight, "
                "never for a job.",
            )
        )
    else:
        findings.append(Finding("job", Level.OK, "Does not ask for a job."))

    them, me = them_share(text)
    if them + me:
        share = round(100 * them / (them + me))
        if them >= me:
            findings.append(
                Finding("them", Level.OK, f"About them {share}% (you/your {them}, I/me/my {me}).")
            )
        else:
            findings.append(
                Finding(
                    "them",
                    Level.WARN,
                    f"About them only {share}% (you/your {them}, I/me/my {me}): "
                    "turn an “I” sentence into one about their work.",
                )
            )

    if expects_follow_up_date:
        dates = find_dates(text, today or date.today())
        if dates:
            findings.append(
                Finding("date", Level.OK, f"Names the follow-up date ({dates[0].isoformat()}).")
            )
        else:
            findings.append(
                Finding(
                    "date",
                    Level.BAD,
                    "No follow-up date: say when you will follow up, "
                    "e.g. “I'll call you on Wednesday, March 25.”",
                )
            )

    if first_contact and count:
        findings += method_findings(text)

    blanks = leftover_placeholders(text)
    if blanks:
        findings.append(
            Finding(
                "blanks",
                Level.BAD,
                "Still to fill in: "
                + "; ".join(f"{blank}, from {where_from(blank) or 'the text'}" for blank in blanks)
                + ". It cannot be copied or marked sent until then.",
            )
        )
    return findings


_CONNECTION = re.compile(
    # What ties the writer to this person, as the letter states it: the referrer, an
    # article or talk of theirs, a shared place (a school, a list, a meeting), how
    # they were found. "Your work" alone says why them, not how you know of them.
    r"\b(alumn\w*|fellow|we both|also stud\w*|we met|met you|referred|suggested|"
    r"introduc\w*|recommend\w*|read (?:your|one of your)|saw your|heard (?:you|of you)|"
    r"came across|pointed me|found you|your (?:talk|article|post|paper|book|interview|"
    r"panel|profile|lecture|presentation|podcast))\b",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"\b(?:15|20|30|fifteen|twenty|thirty)(?:\s*(?:or|-|to)\s*(?:15|20|30|fifteen|twenty|"
    r"thirty))?[\s-]*(?:minutes?|mins?)\b",
    re.IGNORECASE,
)
_NARROW = re.compile(
    r"\b(?:your (?:work|team|role|group|company|organi[sz]ation|lab|research|article|"
    r"paper|talk)|at \$\{organization\}|\$\{organization\}|\$\{contact_title\})",
    re.IGNORECASE,
)
_BROAD = re.compile(
    r"\b(?:field|industry|sector|area|career|profession|path|discipline|space)s?\b",
    re.IGNORECASE,
)


def _characters(text: str, limit: int) -> Finding:
    """A connection note is cut off at the limit: count characters, not words."""
    used = len(text.strip())
    if used <= limit:
        return Finding("length", Level.OK, f"{used}/{limit} characters.")
    return Finding(
        "length",
        Level.BAD,
        f"{used}/{limit} characters: LinkedIn cuts the note here; remove {used - limit}.",
    )


_GREETING = re.compile(
    r"^\s*(?P<opening>(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|greetings)"
    r"\s+(?P<whom>[^,:!\n]*?))\s*[,:!]?\s*$",
    re.IGNORECASE,
)


def _title_only_greeting(text: str) -> str:
    """The opening line when it greets a title alone ("Dear Dr.,"), else ""."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    found = _GREETING.match(first)
    if found and is_only_a_title(found["whom"]):
        return found["opening"].strip() + ","
    return ""


def _first_sentence(text: str) -> str:
    """The opening sentence after any greeting line ("Dear Maria,")."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if lines and len(lines[0]) < 60 and lines[0].endswith(","):
        lines = lines[1:]
    body = " ".join(lines)
    return re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0] if body else ""


def method_findings(text: str) -> list[Finding]:
    """What the method asks of a first letter (The 2-Hour Job Search): say your
    connection in the first sentence, ask for 15 or 30 minutes explicitly, and say
    why them both narrowly (their work, their organization) and broadly (the field)."""
    findings: list[Finding] = []
    if _CONNECTION.search(_first_sentence(text)):
        findings.append(Finding("connection", Level.OK, "States the connection first."))
    else:
        findings.append(
            Finding(
                "connection",
                Level.WARN,
                "Open with your connection: how you know of them (“As a fellow alumnus…”, "
                "“I read your article on…”, “Ana Silva suggested I write”).",
            )
        )
    if _ASK.search(text):
        findings.append(Finding("ask", Level.OK, "Asks for a set time (15 or 30 minutes)."))
    else:
        findings.append(
            Finding(
                "ask",
                Level.WARN,
                "Ask for a set, short time: “Would you have 15 or 30 minutes for a call?”",
            )
        )
    narrow, broad = bool(_NARROW.search(text)), bool(_BROAD.search(text))
    if narrow and broad:
        findings.append(Finding("interest", Level.OK, "Says why them, narrowly and broadly."))
    else:
        missing = "their own work or organization" if not narrow else "the field as a whole"
        findings.append(
            Finding(
                "interest",
                Level.WARN,
                f"Say why them both narrowly and broadly: add a word on {missing}.",
            )
        )
    return findings


def passes(findings: list[Finding]) -> bool:
    return all(f.level is not Level.BAD for f in findings)
