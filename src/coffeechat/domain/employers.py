"""Target employers, ranked the LAMP way (Steve Dalton's 2-Hour Job Search).

List the organizations you might work for, then rate each: **A**dvocacy (do you know
someone there?), **M**otivation (0–3, how much you want to work there) and **P**osting
(1–3, do they post roles like the one you want). Rank by Motivation, then Posting, then
Advocacy, and start with the top five. Pure: rows in, ranked rows out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Organization, TargetStatus

TOP = 5
"""How many employers the method starts with."""

ADVOCACY_TAGS = ("alumni", "friend", "affinity")
"""A contact tagged with one of these means you know someone there."""

MOTIVATION_LEVELS = (0, 1, 2, 3)
POSTING_LEVELS = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Employer:
    organization: Organization
    contacts: int
    """People you have there (archived ones not counted)."""
    known_through: str
    """A contact there tagged alumni, friend or affinity ("" when none)."""
    write_next: str
    """The next person there not yet written to ("" when none)."""

    @property
    def advocacy(self) -> bool:
        """Set by hand, else derived from your contacts there."""
        if self.organization.advocacy is not None:
            return self.organization.advocacy
        return bool(self.known_through)


def has_advocacy_tag(tags: str) -> bool:
    own = {t.strip().casefold() for t in tags.split(",")}
    return any(tag in own for tag in ADVOCACY_TAGS)


def rank_key(employer: Employer) -> tuple:
    org = employer.organization
    return (
        org.target_status is not TargetStatus.ACTIVE,
        org.target_status is TargetStatus.RULED_OUT,
        -(org.motivation if org.motivation is not None else -1),
        -(org.posting if org.posting is not None else 0),
        not employer.advocacy,
        org.name.casefold(),
    )


def ranked(employers: Iterable[Employer]) -> list[Employer]:
    """Active employers first, by Motivation, then Posting, then Advocacy; then those on
    hold; ruled-out ones last."""
    return sorted(employers, key=rank_key)


def is_top(position: int, employer: Employer) -> bool:
    return position < TOP and employer.organization.target_status is TargetStatus.ACTIVE


def check_level(value: str, levels: tuple[int, ...], what: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) not in levels:
        return f"{what} is a whole number from {levels[0]} to {levels[-1]} (or empty)"
    return None
