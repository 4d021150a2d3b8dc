"""Merging two contacts: what the kept contact takes from the other (pure rules).

Fields the kept contact lacks are filled from the other; where both have a value and
they differ, the other's value is kept in the research note, and its email and profile
URL stay identifiers of the kept contact, so a re-import of either record finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import PIPELINE, Contact, Status
from .identity import email_key, url_key
from .names import sort_key

FILLED = (
    ("title", "title"),
    ("organization", "organization"),
    ("email", "email"),
    ("phone", "phone"),
    ("url", "profile URL"),
    ("how_found", "how found"),
    ("purpose", "purpose"),
    ("next_action", "next action"),
    ("next_action_date", "next action date"),
    ("connected_on", "connected on"),
    ("replied_on", "replied on"),
)
"""The contact's fields a merge fills, with the names the question before it uses."""


class MergeError(ValueError):
    """The two contacts cannot be merged (the same one, or one is gone)."""


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What a merge of *other* into *keep* does, for the question asked before it."""

    keep: Contact
    other: Contact
    moves: dict[str, int] = field(default_factory=dict)
    """Records that move, by plain name ("notes", "interviews", ...); zero counts left out."""
    filled: tuple[str, ...] = ()
    """Fields of the kept contact filled from the other."""

    def describe(self) -> str:
        moving = ", ".join(
            f"{n} {what if n != 1 else _SINGULAR[what]}" for what, n in self.moves.items()
        )
        text = f"Merge {self.other.name} into {self.keep.name}"
        text += f": moves {moving}." if moving else ": nothing else to move."
        if self.filled:
            text += " Fills " + ", ".join(self.filled) + "."
        return text + f" {self.other.name} is then removed; this cannot be undone."


_SINGULAR = {
    "notes": "note",
    "articles": "article",
    "drafts": "draft",
    "follow-ups": "follow-up",
    "interviews": "interview",
    "outcomes": "outcome",
    "referrals": "referral",
}


def two_people(
    keep_id: int, other_id: int, keep: Contact | None, other: Contact | None
) -> tuple[Contact, Contact]:
    """The two contacts read for *keep_id* and *other_id*, if they can be merged or told
    apart; MergeError if not."""
    if keep_id == other_id:
        raise MergeError("a contact cannot be merged with itself")
    if keep is None or other is None:
        raise MergeError("one of the two contacts no longer exists")
    return keep, other


def _tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def filled_fields(keep: Contact, other: Contact) -> tuple[str, ...]:
    """The names of the kept contact's fields the merge fills from the other."""
    filled = tuple(
        label for name, label in FILLED if getattr(other, name) and not getattr(keep, name)
    )
    if other.tags and not set(_tags(other.tags)) <= set(_tags(keep.tags)):
        filled += ("tags",)
    return filled


def merged_fields(keep: Contact, other: Contact) -> tuple[dict[str, object], list[str]]:
    """Column values for the kept contact, and the other's differing values as note lines."""
    values: dict[str, object] = {}
    kept_aside: list[str] = []
    for name, label in FILLED:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and not mine:
            values[name] = theirs
        elif theirs and theirs != mine and name not in ("email", "url"):
            kept_aside.append(f"{label}: {theirs}")
    tags = list(dict.fromkeys(_tags(keep.tags) + _tags(other.tags)))
    if tags != _tags(keep.tags):
        values["tags"] = ", ".join(tags)
    # The further step of the pipeline wins, so a held call is not forgotten.
    if PIPELINE.index(other.status) > PIPELINE.index(keep.status) and other.status not in (
        Status.NO_REPLY,
        Status.DECLINED,
    ):
        values["status"] = str(other.status)
    # Whoever referred the other one referred this person (also when it was the other
    # one that referred the kept contact: that link would point at itself).
    if keep.referred_by in (None, other.id) and other.referred_by not in (None, keep.id):
        values["referred_by"] = other.referred_by
    if not (keep.given_name or keep.family_name) and keep.name == other.name:
        values["given_name"], values["family_name"] = other.given_name, other.family_name
        values["sort_name"] = sort_key(
            keep.name, other.given_name, other.family_name, keep.organization
        )
    if other.email and email_key(other.email) != email_key(keep.email) and keep.email:
        kept_aside.append(f"email: {other.email}")
    if other.url and url_key(other.url) != url_key(keep.url) and keep.url:
        kept_aside.append(f"profile URL: {other.url}")
    return values, kept_aside
