"""Reply types change follow-ups as the method says; business days skip public holidays."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coffeechat.domain import stats
from coffeechat.domain.business_days import (
    WEEKDAYS,
    Calendar,
    add_business_days,
    business_days_between,
    three_b_seven,
)
from coffeechat.models import Contact, ReplyKind, Status
from coffeechat.models_activity import Draft, Referral
from coffeechat.store import Store
from coffeechat.usecases.calendar import load_calendar, set_holiday_country
from coffeechat.usecases.outreach import mark_sent, record_reply

MONDAY = datetime(2026, 3, 16, 10, 30)


def _written_to(store: Store, name: str = "Maria Okafor", **fields: str) -> int:
    contact = store.contacts.add(Contact(name=name, organization="Northbridge", **fields))
    draft = store.drafts.save(Draft(contact.id or 0, "intro_letter", body="20 minutes?"))
    mark_sent(store, draft, contact, MONDAY)
    return contact.id or 0


def _open(store: Store, contact_id: int) -> list[tuple[str, str]]:
    return [(f.kind, f.due_date) for f in store.followups.for_contact(contact_id, open_only=True)]


def test_positive_reply_closes_the_nudges(store: Store) -> None:
    mid = _written_to(store)
    recorded = record_reply(store, mid, date(2026, 3, 17), ReplyKind.POSITIVE)
    assert recorded.closed == 2
    assert _open(store, mid) == []
    assert recorded.contact.replied_on == "2026-03-17"
    assert recorded.contact.next_action == "Schedule the call"


def test_referral_only_creates_the_referral_and_a_thank_you(store: Store) -> None:
    mid = _written_to(store)
    recorded = record_reply(
        store,
        mid,
        date(2026, 3, 17),
        ReplyKind.REFERRAL_ONLY,
        referral=Referral("Jonah Park", organization="Cascade", email="jonah@cascade.example"),
    )
    assert recorded.referral is not None
    jonah = store.contacts.get(recorded.referral.id or 0)
    assert jonah is not None
    assert (jonah.referred_by, jonah.how_found, jonah.organization) == (mid, "referral", "Cascade")
    assert _open(store, mid) == [("thank_you", "2026-03-18")]
    assert recorded.contact.replied_on == "2026-03-17"
    # Someone already known is linked, not added twice.
    again = record_reply(
        store,
        mid,
        date(2026, 3, 18),
        ReplyKind.REFERRAL_ONLY,
        referral=Referral("J. Park", email="JONAH@cascade.example"),
    )
    assert again.referral is not None and again.referral.id == jonah.id


def test_declined_reply_closes_everything(store: Store) -> None:
    mid = _written_to(store)
    recorded = record_reply(store, mid, date(2026, 3, 17), ReplyKind.DECLINED)
    assert recorded.contact.status is Status.DECLINED
    assert _open(store, mid) == []
    assert (recorded.contact.next_action, recorded.contact.next_action_date) == ("", "")


def test_out_of_office_moves_the_nudges_past_the_return(store: Store) -> None:
    mid = _written_to(store)
    assert _open(store, mid) == [("second_person", "2026-03-19"), ("follow_up", "2026-03-25")]
    recorded = record_reply(
        store, mid, date(2026, 3, 17), ReplyKind.OUT_OF_OFFICE, back_on=date(2026, 3, 30)
    )
    # The 3B7 clock starts again on Monday 30 March: 3 and 7 business days later.
    assert _open(store, mid) == [("second_person", "2026-04-02"), ("follow_up", "2026-04-08")]
    assert recorded.moved == 2
    assert recorded.contact.replied_on == "", "an automatic answer is not a reply"
    assert recorded.contact.status is Status.LETTER_SENT
    assert recorded.contact.next_action_date == "2026-04-02"


def test_reply_kinds_refuse_what_they_lack(store: Store) -> None:
    mid = _written_to(store)
    with pytest.raises(ValueError, match="back"):
        record_reply(store, mid, date(2026, 3, 17), ReplyKind.OUT_OF_OFFICE)
    with pytest.raises(ValueError, match="name"):
        record_reply(store, mid, date(2026, 3, 17), ReplyKind.REFERRAL_ONLY)
    assert store.interactions.for_contact(mid) == []


def test_stats_use_the_reply_kind_and_group_reply_rates(store: Store) -> None:
    a = _written_to(store, "Ada", how_found="alumni list", purpose="networking")
    _written_to(store, "Bo", how_found="alumni list", purpose="networking")
    c = _written_to(store, "Cy", how_found="conference", purpose="business partner")
    record_reply(store, a, date(2026, 3, 17), ReplyKind.POSITIVE)
    record_reply(store, c, date(2026, 3, 17), ReplyKind.OUT_OF_OFFICE, back_on=date(2026, 4, 6))
    result = stats.compute(store.history.letters(), store.history.calls(), date(2026, 4, 1))
    assert result.replies == 1
    assert result.replies_by_kind == {"positive": 1}
    assert result.by_how_found == [("alumni list", 2, 1), ("conference", 1, 0)]
    assert result.by_purpose == [("networking", 2, 1), ("business partner", 1, 0)]
    # Bo never answered: a curmudgeon; Cy is away, so still waiting, not a curmudgeon.
    assert result.labels[stats.CURMUDGEON] == ["Bo"]
    assert result.labels[stats.WAITING] == ["Cy"]


# --- holidays ----------------------------------------------------------------------------


def test_business_days_skip_public_holidays_of_two_countries() -> None:
    us, de = Calendar.for_country("US"), Calendar.for_country("de")
    # 2 July 2026 (Thursday) + 1: Friday 3 July is Independence Day (observed) in the US.
    assert add_business_days(date(2026, 7, 2), 1, us) == date(2026, 7, 6)
    assert add_business_days(date(2026, 7, 2), 1, de) == date(2026, 7, 3)
    # 2 October 2026 (Friday) + 1: Saturday 3 October is German Unity Day; Monday 5th.
    assert add_business_days(date(2026, 10, 2), 1, de) == date(2026, 10, 5)
    # Easter Monday 2026 (6 April) is a holiday in Germany, not in the US.
    assert add_business_days(date(2026, 4, 3), 1, de) == date(2026, 4, 7)
    assert add_business_days(date(2026, 4, 3), 1, us) == date(2026, 4, 6)
    assert business_days_between(date(2026, 4, 3), date(2026, 4, 10), de) == 4
    assert business_days_between(date(2026, 4, 3), date(2026, 4, 10), WEEKDAYS) == 5
    # Counting back skips them too: Easter Monday, then Good Friday (3 April).
    assert add_business_days(date(2026, 4, 7), -1, de) == date(2026, 4, 2)
    assert us.holiday_name(date(2026, 7, 3)) == "Independence Day (observed)"


def test_3b7_counts_around_christmas_in_germany() -> None:
    de = Calendar.for_country("DE")
    nudges = three_b_seven(date(2026, 12, 22), "Maria", "Northbridge", de)
    # 24 Dec is a working day; 25 and 26 Dec, 1 Jan are holidays.
    assert [n.due for n in nudges] == [date(2026, 12, 28), date(2027, 1, 4)]


def test_unknown_country_is_refused_and_nothing_is_stored(store: Store) -> None:
    with pytest.raises(ValueError, match="no public holidays known"):
        set_holiday_country(store, "Atlantis")
    assert load_calendar(store) is WEEKDAYS
    assert set_holiday_country(store, "gb").country == "GB"
    assert load_calendar(store).country == "GB"
    assert set_holiday_country(store, "") is WEEKDAYS


def test_letters_sent_before_a_holiday_follow_up_after_it(store: Store) -> None:
    set_holiday_country(store, "US")
    contact = store.contacts.add(Contact(name="Maria", organization="Northbridge"))
    draft = store.drafts.save(Draft(contact.id or 0, "intro_letter", body="20 minutes?"))
    mark_sent(store, draft, contact, datetime(2026, 6, 30, 9, 0))  # Tuesday
    due = {f.kind: f.due_date for f in store.followups.for_contact(contact.id or 0)}
    # Wed 1, Thu 2, (Fri 3 observed holiday), Mon 6 → second person; 7 days → Fri 10.
    assert due == {"second_person": "2026-07-06", "follow_up": "2026-07-10"}
