"""Marking a piece of a call's advice as acted on, and closing the loop it opens."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ..domain.pipeline import TELL_REFERRER, tell_referrer_after_advice
from ..models_activity import FollowUp
from ..store import Store
from .steps import settle
from .undo import NOTHING, Undo, recorded


@dataclass(frozen=True, slots=True)
class AdviceMarked:
    advice: str
    acted: bool
    """True: marked acted on; False: the mark was taken back."""
    tell: FollowUp | None = None
    """The "Tell <referrer> how it went" item this put on the agenda, if any."""
    referrer: str = ""
    """Who referred you to the person whose advice it was ("" if nobody)."""
    undo: Undo = NOTHING

    def message(self) -> str:
        if not self.acted:
            return f"No longer marked acted on: {self.advice}"
        if self.tell is not None:
            return f"Acted on: {self.advice}. On the agenda: {self.tell.title}."
        if self.referrer:
            return f"Acted on: {self.advice}. Telling {self.referrer} is already on the agenda."
        return f"Acted on: {self.advice}."


def mark_advice_acted_on(
    store: Store, outcome_id: int, advice: str, now: datetime, *, acted: bool = True
) -> AdviceMarked:
    """Mark (or, with *acted* False, unmark) one piece of an outcome's advice as acted on
    *now*. When the advice came from someone a contact referred you to, that referrer
    hears how it went: "Tell <referrer> how it went" goes on their agenda, unless it is
    there already. One transaction; the result says how to undo it."""
    marked, undo = recorded(
        store,
        f"{'Acted on' if acted else 'Unmarked'}: {advice}",
        lambda: _mark(store, outcome_id, advice, now, acted),
    )
    return replace(marked, undo=undo)


def _mark(store: Store, outcome_id: int, advice: str, now: datetime, acted: bool) -> AdviceMarked:
    today = now.date()
    with store.database.transaction():
        source = store.advice.source(outcome_id)
        if source is None:
            raise ValueError("that call's outcome no longer exists")
        if not acted:
            store.advice.unmark(outcome_id, advice)
            return AdviceMarked(advice, acted=False)
        store.advice.mark(outcome_id, advice, now.isoformat(timespec="seconds"))
        referrer = store.contacts.get(source.referred_by) if source.referred_by else None
        if referrer is None or referrer.id is None or referrer.archived:
            return AdviceMarked(advice, acted=True)
        open_titles = [f.title for f in store.followups.for_contact(referrer.id, open_only=True)]
        item = tell_referrer_after_advice(referrer.name, source.contact_name, open_titles, today)
        if item is None:
            return AdviceMarked(advice, acted=True, referrer=referrer.name)
        title, due = item
        tell = store.followups.add(FollowUp(referrer.id, TELL_REFERRER, due.isoformat(), title))
        settle(store, referrer.id, today)
    return AdviceMarked(advice, acted=True, tell=tell, referrer=referrer.name)
