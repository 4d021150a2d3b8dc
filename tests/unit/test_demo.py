"""The demo data set: every pipeline stage, linked referrals, a live agenda."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

from coffeechat.demo import demo_database, fill_demo
from coffeechat.domain.agenda import build_agenda
from coffeechat.models import PIPELINE
from tests.conftest import FROZEN_NOW


def test_every_pipeline_stage_and_organizations(store) -> None:
    summary = fill_demo(store, FROZEN_NOW)
    contacts = store.contacts.all()
    assert 15 <= summary.contacts == len(contacts) <= 25
    assert {c.status for c in contacts} == set(PIPELINE)
    assert len({c.organization for c in contacts}) >= 5


def test_referrals_become_linked_contacts(store) -> None:
    summary = fill_demo(store, FROZEN_NOW)
    conn = store.database.conn
    kind, interview_id = conn.execute(
        "SELECT kind, interview_id FROM outcomes WHERE id = ?", (summary.outcome_id,)
    ).fetchone()
    assert (kind, interview_id) == ("referral offered", summary.held_interview_id)
    referred = conn.execute(
        "SELECT r.name, c.name, c.referred_by FROM referrals r JOIN contacts c ON c.id = "
        "r.contact_id WHERE r.outcome_id = ?",
        (summary.outcome_id,),
    ).fetchall()
    interviewee = store.interviews.get(summary.held_interview_id).contact_id
    assert len(referred) == 2
    assert all(name == contact and by == interviewee for name, contact, by in referred)


def test_held_call_and_planned_call(store) -> None:
    summary = fill_demo(store, FROZEN_NOW)
    held = store.interviews.get(summary.held_interview_id)
    assert held.state == "held" and held.ended_at
    items = store.interviews.checklist(held.id)
    assert sum(item.asked for item in items) >= 3 and any(item.answer for item in items)
    assert len(store.interviews.notes(held.id)) >= 3
    assert store.interviews.get(summary.planned_interview_id).state == "planned"


def test_agenda_is_alive_and_the_rest_is_there(store) -> None:
    fill_demo(store, FROZEN_NOW)
    agenda = build_agenda(store.followups, FROZEN_NOW.date(), FROZEN_NOW, 7)
    assert agenda.overdue and agenda.due_today and agenda.coming_up
    assert agenda.thank_yous and agenda.calls
    assert store.notes.story().startswith("## Why this school")
    assert store.settings.get("profile.name")
    drafts = [d for c in store.contacts.all() for d in store.drafts.for_contact(c.id)]
    assert any(d.sent_at for d in drafts) and any(not d.sent_at for d in drafts)
    assert store.search.query("virology")  # research notes are indexed


def test_demo_database_is_private_and_removed() -> None:
    with demo_database(FROZEN_NOW) as demo:
        path = Path(demo.path)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
        assert demo.contacts.count() > 0
    assert not path.parent.exists()


def test_demo_shows_purpose_letters_advice_acted_on_and_last_interactions(store) -> None:
    fill_demo(store, FROZEN_NOW)
    by_name = {c.name: c for c in store.contacts.all()}
    # Letters in the wording of the contact's purpose.
    maria = store.drafts.last_sent(by_name["Maria Okafor"].id, "intro_letter")
    assert maria is not None and "away from the bench" in maria.body
    ben = store.drafts.last_sent(by_name["Ben Adler"].id, "intro_letter")
    assert ben is not None and "business community" in ben.body
    # Advice from Yusuf (whom Chloe referred) acted on today: tell Chloe how it went.
    agenda = build_agenda(store.followups, FROZEN_NOW.date(), FROZEN_NOW, 7)
    assert ("Chloe Martin", "Tell Chloe Martin how it went with Yusuf Demir") in [
        (i.contact_name, i.title) for i in agenda.due_today
    ]
    told = store.advice.to_tell(by_name["Chloe Martin"].id)
    assert told is not None and told.talked_to == "Yusuf Demir"
    # The list's last interaction: a touch 100 days ago, letters, calls, nothing yet.
    rows = {r.name: r.last_interaction for r in store.contacts.rows()}
    today = FROZEN_NOW.date()
    assert rows["Elena Petrova"] == (today - timedelta(days=100)).isoformat()
    assert rows["Hannah Berg"] == (today - timedelta(days=1)).isoformat()
    assert rows["Sofia Castillo"] == ""
