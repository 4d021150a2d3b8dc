"""The records of the work around a contact: notes, articles, interviews and their
checklists, outcomes, drafts, follow-ups, the user's profile, search hits and briefs.

Plain, frozen records like those in :mod:`coffeechat.models`, kept apart from them so
that they are created when first imported, after the contact list's first paint (the
contact list needs only the contact and its organization). Import them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Contact, Medium, OutcomeKind


@dataclass(frozen=True, slots=True)
class Interaction:
    """Something heard from or done with a contact, outside letters and calls."""

    contact_id: int
    kind: str
    """A :class:`ReplyKind` value, or "touch" (a coffee, a message, a like)."""
    day: str
    back_on: str = ""
    """For an out-of-office reply: the day they are back."""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """Markdown research notes about a contact or an organization (or the "my story" card)."""

    kind: str  # "research", "self_assessment" or "story"
    body: str = ""
    contact_id: int | None = None
    organization_id: int | None = None
    id: int | None = None
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    contact_id: int
    title: str
    url: str = ""
    is_read: bool = False
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    group: str = "Insights"
    position: int = 0
    asks_for_job: bool = False
    is_default: bool = False
    """Part of the default set a call uses when no checklist was prepared."""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Interview:
    contact_id: int
    scheduled_at: str = ""
    medium: Medium = Medium.PHONE
    length_minutes: int = 30
    state: str = "planned"  # planned, in progress, held
    started_at: str = ""
    ended_at: str = ""
    elapsed_seconds: float = 0.0
    running_since: str = ""
    draft_note: str = ""
    id: int | None = None

    @property
    def happened_at(self) -> str:
        """When the call is shown to have taken place: its real start once it started
        (a call planned for the 7th and held on the 4th is the 4th's, in every view),
        else when it is planned."""
        if self.state != "planned":
            return self.started_at or self.ended_at or self.scheduled_at
        return self.scheduled_at


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    interview_id: int
    text: str
    position: int = 0
    asked: bool = False
    answer: str = ""
    question_id: int | None = None
    asked_at: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NoteLine:
    interview_id: int
    text: str
    minute: int = 0
    checklist_item_id: int | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NextStep:
    text: str
    due_date: str = ""


@dataclass(frozen=True, slots=True)
class Referral:
    name: str
    title: str = ""
    organization: str = ""
    email: str = ""
    url: str = ""
    how_to_reach: str = ""
    contact_id: int | None = None
    id: int | None = None
    introduction: str = ""
    """How you will reach them: an :class:`Introduction` value ("" not asked yet)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    interview_id: int
    kind: OutcomeKind
    learned: str = ""
    skills: str = ""
    advice: str = ""
    resources: str = ""
    assignments: str = ""
    next_steps: tuple[NextStep, ...] = ()
    confidence: int = 3
    referrals: tuple[Referral, ...] = field(default_factory=tuple)
    id: int | None = None
    created_at: str = ""
    went_well: str = ""
    """How I did: what went well in the conversation."""
    do_differently: str = ""
    """How I did: what I would do differently next time."""


@dataclass(frozen=True, slots=True)
class Draft:
    contact_id: int
    template: str
    body: str = ""
    subject: str = ""
    sent_at: str = ""
    id: int | None = None
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    contact_id: int
    kind: str  # follow_up, second_person, thank_you, next_step, call
    due_date: str
    title: str = ""
    state: str = "open"  # open, done
    done_at: str = ""
    draft_id: int | None = None
    outcome_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """The user's own details, filled into letters (``${my_name}``, ``${my_background}``…)."""

    name: str = ""
    background: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match in anything written about a person, resolved to where it
    belongs."""

    source: str
    """The table it came from: note, article, call_note, answer, outcome, next_step,
    referral or letter."""
    ref_id: int
    kind: str
    """research, self_assessment, story (notes), or the source for the other tables."""
    label: str
    """Whose it is and what it is: "Maria Okafor · Call 2026-11-20 · note"."""
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    """(start, end) offsets of the matched words within ``snippet``."""
    contact_id: int | None = None
    organization_id: int | None = None
    interview_id: int | None = None
    """The call a call note, answer or outcome belongs to."""
    part: str = ""
    """The outcome field that matched (learned, advice…), else empty."""


@dataclass(frozen=True, slots=True)
class Brief:
    """What to glance at in the minute before a call with one contact."""

    contact: Contact
    research: str = ""
    organization_research: str = ""
    self_assessment: str = ""
    articles_read: tuple[Article, ...] = ()
    articles_unread: int = 0
    questions: tuple[str, ...] = ()
    """Prepared questions of the contact's next (planned or in progress) interview."""
