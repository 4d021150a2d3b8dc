"""Why you are talking to someone, and the questions that purpose calls for.

The reasons people reach out for informational interviews differ (a career away from
the bench, networking in a field, a partner for writing papers, patient groups linked
to the research, business partners in the community), and so do the best questions.
Planning a call suggests the ones for the contact's purpose at the top of the bank.
"""

from __future__ import annotations

from ..models import Question

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


def suggested_questions(purpose: str) -> list[Question]:
    """Questions for *purpose* (matched without case); [] for a purpose of the user's own."""
    pairs = SUGGESTED.get(purpose.strip().casefold(), ())
    return [Question(text=text, group=group) for group, text in pairs]
