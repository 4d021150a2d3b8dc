"""Keeping in touch and closing the loop: the agenda items appear on the right days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from coffeechat.domain import pipeline
from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.outreach import placeholder_values
from coffeechat.domain.templates import REFERRER_UPDATE, default_text, fill
from coffeechat.models import Contact, Status
from coffeechat.models_activity import Draft, Profile
from coffeechat.store import Store
from coffeechat.usecases.calls import end_call, start_call
from coffeechat.usecases.contacts import change_status, save_contact
from coffeechat.usecases.followups import complete_followup
from coffeechat.usecases.outreach import log_touch, mark_sent
from coffeechat.usecases.steps import TAG_INTERVALS


def _agenda(store: Store, day: date, days: int = 7):
    return build_agenda(store.followups, day, datetime.combine(day, time(8)), days)


def _titles(items) -> list[str]:
    return [item.title for item in items]


def test_interval_rules() -> None:
    intervals = pipeline.parse_tag_intervals("alumni=60, friend = 30")
    assert intervals == {"alumni": 60, "friend": 30}
    thanked, to_contact = Status.THANKED, Status.TO_CONTACT
    assert pipeline.keep_in_touch_interval(thanked, None, "", intervals) == 91
    assert pipeline.keep_in_touch_interval(thanked, None, "Alumni, biotech", intervals) == 60
    assert pipeline.keep_in_touch_interval(thanked, None, "alumni,friend", intervals) == 30
    assert pipeline.keep_in_touch_interval(thanked, 14, "alumni", intervals) == 14
    # Before you have met, tags do not start a keep-in-touch rhythm; a chosen one does.
    assert pipeline.keep_in_touch_interval(to_contact, None, "alumni", intervals) is None
    assert pipeline.keep_in_touch_interval(to_contact, 45, "", intervals) == 45
    assert pipeline.keep_in_touch_interval(Status.DECLINED, None, "alumni", intervals) is None
    for bad in ("alumni", "alumni=soon", "=3", "alumni=0"):
        with pytest.raises(ValueError):
            pipeline.parse_tag_intervals(bad)


def test_losing_touch_shows_on_the_day_and_a_touch_restarts_it(store: Store) -> None:
    elena = store.contacts.add(Contact(name="Elena Petrova", tags="patients"))
    eid = elena.id or 0
    interview = start_call(store, eid, datetime(2026, 1, 5, 10)).interview
    end_call(store, interview.id or 0, datetime(2026, 1, 5, 10, 30))
    change_status(store, eid, Status.THANKED, date(2026, 1, 6))
    # 91 days after the call: Monday 6 April.
    assert _titles(_agenda(store, date(2026, 4, 5)).losing_touch) == []
    losing = _agenda(store, date(2026, 4, 6)).losing_touch
    assert [(i.when, i.contact_name) for i in losing] == [("2026-04-06", "Elena Petrova")]
    assert losing[0].title == "Keep in touch (last: call, 2026-01-05)"
    # Marking it done means you were in touch today: the next one is 91 days out.
    complete_followup(store, losing[0].followup_id or 0, datetime(2026, 4, 7, 9))
    assert _agenda(store, date(2026, 4, 7)).losing_touch == []
    assert [f.due_date for f in store.followups.for_contact(eid, open_only=True)] == ["2026-07-07"]
    # A touch logged by hand restarts it too.
    log_touch(store, eid, date(2026, 5, 1), "Liked her post on patient panels")
    assert [f.due_date for f in store.followups.for_contact(eid, open_only=True)] == ["2026-07-31"]


def test_tag_and_contact_intervals(store: Store) -> None:
    store.settings.set(TAG_INTERVALS, "alumni=30")
    maria = store.contacts.add(Contact(name="Maria", tags="alumni"))
    mid = maria.id or 0
    change_status(store, mid, Status.KEEP_IN_TOUCH, date(2026, 3, 2))
    assert [f.due_date for f in store.followups.for_contact(mid, open_only=True)] == ["2026-04-01"]
    # Her own interval wins over the tag's.
    save_contact(store, replace(store.contacts.get(mid), keep_in_touch_days=7))  # type: ignore[type-var]
    change_status(store, mid, Status.KEEP_IN_TOUCH, date(2026, 3, 2))
    assert [f.due_date for f in store.followups.for_contact(mid, open_only=True)] == ["2026-03-09"]
    # Declined: no keep-in-touch rhythm at all, her own included.
    change_status(store, mid, Status.DECLINED, date(2026, 3, 2))
    assert store.followups.for_contact(mid, open_only=True) == []


def test_tell_the_referrer_after_the_referred_call(store: Store) -> None:
    hannah = store.contacts.add(Contact(name="Hannah Berg", organization="Cascade"))
    jonah = store.contacts.add(Contact(name="Jonah Park", referred_by=hannah.id))
    interview = start_call(store, jonah.id or 0, datetime(2026, 3, 16, 10)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 16, 10, 25))
    items = _agenda(store, date(2026, 3, 18)).due_today
    assert [(i.contact_name, i.title) for i in items] == [
        ("Hannah Berg", "Tell Hannah Berg how it went with Jonah Park")
    ]
    referrer = store.contacts.get(hannah.id or 0)
    assert referrer is not None and referrer.next_action_date == "2026-03-18"
    # The update letter names the person you talked to; sending it closes the item.
    values = placeholder_values(
        profile=Profile(name="Ada Byron"),
        contact=referrer,
        today=date(2026, 3, 18),
        talked_to=store.history.latest_referred_call(hannah.id or 0),
    )
    filled = fill(default_text(REFERRER_UPDATE), values)
    assert "I spoke with Jonah Park" in filled.text and not filled.warnings
    draft = store.drafts.save(Draft(hannah.id or 0, REFERRER_UPDATE, body=filled.text))
    mark_sent(store, draft, referrer, datetime(2026, 3, 18, 9))
    assert _agenda(store, date(2026, 3, 18)).due_today == []
    # A second call with Jonah does not ask again.
    again = start_call(store, jonah.id or 0, datetime(2026, 4, 1, 10)).interview
    end_call(store, again.id or 0, datetime(2026, 4, 1, 10, 20))
    assert _titles(_agenda(store, date(2026, 4, 3)).due_today) == []


def test_an_introduction_the_referrer_makes_gets_a_check_in(store: Store) -> None:
    from coffeechat.models import Introduction, OutcomeKind
    from coffeechat.models_activity import Outcome, Referral
    from coffeechat.usecases.outcomes import save_outcome

    hannah = store.contacts.add(Contact(name="Hannah Berg", organization="Cascade"))
    interview = start_call(store, hannah.id or 0, datetime(2026, 3, 16, 10)).interview
    end_call(store, interview.id or 0, datetime(2026, 3, 16, 10, 25))
    outcome = Outcome(
        interview.id or 0,
        OutcomeKind.REFERRAL_OFFERED,
        referrals=(
            Referral("Jonah Park", introduction=Introduction.BY_REFERRER),
            Referral("Leila Haddad", introduction=Introduction.NO_NAME),
            Referral("Sam Ortiz", introduction=Introduction.USE_NAME),
        ),
    )
    saved = save_outcome(store, outcome, date(2026, 3, 16))
    save_outcome(store, saved.outcome, date(2026, 3, 16))  # saving again adds nothing
    checks = [
        (f.due_date, f.title)
        for f in store.followups.for_contact(hannah.id or 0, open_only=True)
        if f.kind == "introduction"
    ]
    # 7 business days after the call: the method's "a week to ten days".
    assert checks == [
        ("2026-03-25", "Check in with Hannah Berg about the introduction to Jonah Park")
    ]
    by_name = {c.name: c.id for c in store.contacts.all()}
    assert not store.outcomes.may_name_referrer(by_name["Leila Haddad"] or 0)
    assert store.outcomes.may_name_referrer(by_name["Sam Ortiz"] or 0)
    assert [r.introduction for r in saved.outcome.referrals] == [
        "by referrer",
        "no name",
        "use name",
    ]
