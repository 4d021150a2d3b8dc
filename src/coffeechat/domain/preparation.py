"""The short preparation before a call: what to have done in the minute before dialling.

From career centres' advice on informational interviews: read the research, review the
"my story" card, trim the questions to the call's length, have notes at hand, and for a
video or in-person meeting, dress professionally and check the place or the link.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Medium


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    """Stored in ``interviews.prepared`` (comma separated): never change a key."""
    label: str
    seen: bool = False
    """Only for calls where they see you (video, in person)."""


STEPS: tuple[Step, ...] = (
    Step("research", "Research on them and their organization read"),
    Step("story", "“My story” card reviewed (what they will ask you back)"),
    Step("questions", "Questions trimmed to fit the call"),
    Step("notes", "Notes and the brief at hand"),
    Step("dress", "Dressed professionally", seen=True),
    Step("place", "Place or video link checked", seen=True),
)


def steps_for(medium: Medium) -> tuple[Step, ...]:
    return tuple(step for step in STEPS if not step.seen or medium is not Medium.PHONE)


def parse_done(stored: str) -> frozenset[str]:
    known = {step.key for step in STEPS}
    return frozenset(key for key in stored.split(",") if key in known)


def stored(done: frozenset[str]) -> str:
    return ",".join(step.key for step in STEPS if step.key in done)
