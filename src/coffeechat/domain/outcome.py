"""What saving an interview's outcome means: thank-you due date, next steps, referral keys.

(What it does to the contact's status is a pipeline rule: ``domain/pipeline.py``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from ..models_activity import NextStep, Referral
from .text import single_spaced
from .validation import normalize_url

CONFIDENCE_LEVELS = (1, 2, 3, 4, 5)

THANK_YOU_TITLE = "Send a thank-you note (within 24 h)"


def thank_you_due(ended_at: str, today: date) -> str:
    """The day a thank-you note is due: within 24 hours of the end of the call.

    *ended_at* is the call's ISO end time; a call with no end time counts from *today*.
    """
    try:
        ended = datetime.fromisoformat(ended_at).date() if ended_at else today
    except ValueError:
        ended = today
    return (ended + timedelta(days=1)).isoformat()


def next_step_title(step: NextStep) -> str:
    return f"Next step: {step.text.strip()}"


def referral_key(referral: Referral) -> tuple[str, str]:
    """What makes two referral rows the same person: email, else URL, else name + org.

    The same order as matching an existing contact, so two rows naming one person in a
    form become one contact.
    """
    if referral.email.strip():
        return ("email", referral.email.strip().casefold())
    if referral.url.strip():
        return ("url", normalize_url(referral.url).casefold())
    name = single_spaced(referral.name).casefold()
    org = single_spaced(referral.organization).casefold()
    return ("name", f"{name}\x00{org}")


def unique_referrals(referrals: Iterable[Referral]) -> list[Referral]:
    """Referral rows with blanks dropped and repeats of the same person merged.

    A later row fills in fields an earlier row for the same person left empty.
    """
    merged: dict[tuple[str, str], Referral] = {}
    for referral in referrals:
        if not referral.name.strip():
            continue
        cleaned = Referral(
            name=referral.name.strip(),
            title=referral.title.strip(),
            organization=referral.organization.strip(),
            email=referral.email.strip(),
            url=normalize_url(referral.url) if referral.url.strip() else "",
            how_to_reach=referral.how_to_reach.strip(),
            contact_id=referral.contact_id,
            introduction=referral.introduction,
        )
        key = referral_key(cleaned)
        if key in merged:
            first = merged[key]
            merged[key] = Referral(
                name=first.name,
                title=first.title or cleaned.title,
                organization=first.organization or cleaned.organization,
                email=first.email or cleaned.email,
                url=first.url or cleaned.url,
                how_to_reach=first.how_to_reach or cleaned.how_to_reach,
                contact_id=first.contact_id or cleaned.contact_id,
                introduction=first.introduction or cleaned.introduction,
            )
        else:
            merged[key] = cleaned
    return list(merged.values())


def check_confidence(value: str) -> str | None:
    value = value.strip()
    if not value:
        return "Pick a confidence from 1 to 5"
    if not (value.isascii() and value.isdigit()) or int(value) not in CONFIDENCE_LEVELS:
        return "Confidence is a whole number from 1 to 5"
    return None


_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")


def advice_pieces(advice: str) -> list[str]:
    """The pieces of a call's advice, one a line as typed (list bullets and blank lines
    dropped, a repeat kept once): each can be marked acted on by itself."""
    pieces: list[str] = []
    for line in advice.splitlines():
        piece = " ".join(_BULLET.sub("", line).split())
        if piece and piece not in pieces:
            pieces.append(piece)
    return pieces
