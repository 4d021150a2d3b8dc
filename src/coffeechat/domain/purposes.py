"""Why you are talking to someone, and the questions that purpose calls for.

The reasons people reach out for informational interviews differ (a career away from
the bench, networking in a field, a partner for writing papers, patient groups linked
to the research, business partners in the community), and so do the best questions.
Planning a call suggests the ones for the contact's purpose at the top of the bank, and
the letters take the purpose's wording (domain/templates.py picks the variant).
"""

from __future__ import annotations

from ..models_activity import Question

SUGGESTED: dict[str, tuple[tuple[str, str], ...]] = {
    "career away from the bench": (
        ("Insights", "What from your research training do you use every day?"),
        ("Advice", "How did you make the move away from the bench, and what would you change?"),
    ),
    "networking": (
        ("Resources", "Who are the people everyone in this field should know?"),
        ("Resources", "Which meetings or groups are worth a newcomer's time?"),
    ),
    "paper collaboration": (
        ("Trends", "Which open questions in your area would a collaborator help with?"),
        ("Advice", "How do you like a collaboration on a paper to start?"),
    ),
    "patient groups": (
        ("Insights", "How does your group choose which research to work with?"),
        ("Advice", "What do researchers get wrong when they approach patient groups?"),
    ),
    "business partner": (
        ("Insights", "What makes a partnership worth your organization's while?"),
        ("Advice", "How do partnerships with people like me usually start here?"),
    ),
}
"""Purpose (as the contact form suggests it) → (TIARA group, question) pairs."""

PURPOSES = tuple(SUGGESTED)

SLUGS: dict[str, str] = {
    "career away from the bench": "career",
    "networking": "networking",
    "paper collaboration": "papers",
    "patient groups": "patient_groups",
    "business partner": "business",
}
"""Purpose → the short name its letter variants carry (``intro_letter.career.txt``)."""

# How people write a purpose in their own words ("a partner for writing papers",
# "patient groups linked to the research"): a word that names it, tried in this order
# ("paper" before "partner": a partner for writing papers is a paper collaboration).
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("bench", "career away from the bench"),
    ("career", "career away from the bench"),
    ("paper", "paper collaboration"),
    ("patient", "patient groups"),
    ("network", "networking"),
    ("business", "business partner"),
    ("partner", "business partner"),
)


def known_purpose(purpose: str) -> str:
    """The usual purpose *purpose* names ("" for one of the user's own): the exact name
    without case, else the first keyword it contains."""
    text = " ".join(purpose.casefold().split())
    if text in SUGGESTED:
        return text
    return next((known for word, known in _KEYWORDS if word in text), "")


def suggested_questions(purpose: str) -> list[Question]:
    """Questions for *purpose*; [] for a purpose of the user's own."""
    pairs = SUGGESTED.get(known_purpose(purpose), ())
    return [Question(text=text, group=group) for group, text in pairs]
