"""Follow-up titles read as sentences that name whom they are about, the same in the
agenda, ``export ics``, the vdir's to-dos and the Markdown report."""

from __future__ import annotations

from datetime import datetime

import icalendar
import pytest
import vobject

from coffeechat.domain.agenda import build_agenda
from coffeechat.domain.followup_titles import followup_sentence
from coffeechat.domain.outcome import THANK_YOU_TITLE
from coffeechat.interop import vdir
from coffeechat.models import Contact
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store
from coffeechat.usecases import exchange

NOW = datetime(2026, 3, 16, 10, 30)
HENRIK = "Dr. Henrik Aas"


@pytest.mark.parametrize(
    ("kind", "title", "sentence"),
    [
        # Stored by an older version: he is not the second person.
        (
            "second_person",
            "Reach a second person at Vestkraft Energi",
            "No reply from Dr. Henrik Aas yet? Reach a second person at Vestkraft Energi",
        ),
        (
            "second_person",
            "No reply from Dr. Henrik Aas yet? Reach a second person at Vestkraft Energi",
            "No reply from Dr. Henrik Aas yet? Reach a second person at Vestkraft Energi",
        ),
        ("thank_you", THANK_YOU_TITLE, "Send Dr. Henrik Aas a thank-you note (within 24 h)"),
        ("thank_you", "", "Send Dr. Henrik Aas a thank-you note"),
        ("thank_you", "thank you", "Send Dr. Henrik Aas a thank-you note"),
        ("follow_up", "", "Follow up with Dr. Henrik Aas"),
        ("follow_up", "Call Henrik", "Call Henrik"),  # names him already
        (
            "next_step",
            "Read the FDA guidance",
            "Read the FDA guidance (agreed with Dr. Henrik Aas)",
        ),
        ("keep_in_touch", "", "Keep in touch with Dr. Henrik Aas"),
        ("something_new", "", "Something new (Dr. Henrik Aas)"),
    ],
)
def test_titles_read_as_sentences(kind: str, title: str, sentence: str) -> None:
    assert followup_sentence(kind, title, HENRIK) == sentence


def test_no_sentence_ends_in_a_colon_and_a_name() -> None:
    for kind in ("second_person", "thank_you", "next_step", "follow_up", "tell_referrer"):
        for title in ("", "Reach a second person at Acme", "Send a thank-you note", "Do it"):
            assert not followup_sentence(kind, title, HENRIK).endswith(f": {HENRIK}")


def test_every_view_says_the_same_sentence(store: Store) -> None:
    henrik = store.contacts.add(Contact(name=HENRIK, organization="Vestkraft Energi"))
    old = "Reach a second person at Vestkraft Energi"
    store.followups.add(FollowUp(henrik.id or 0, "second_person", "2026-03-16", title=old))
    store.followups.add(FollowUp(henrik.id or 0, "thank_you", "2026-03-17", THANK_YOU_TITLE))
    wanted = {
        "No reply from Dr. Henrik Aas yet? Reach a second person at Vestkraft Energi",
        "Send Dr. Henrik Aas a thank-you note (within 24 h)",
    }
    calendar = vobject.readOne(exchange.export_text(store, "ics", NOW))
    assert {todo.summary.value for todo in calendar.contents["vtodo"]} == wanted
    synced = set()
    for followup in store.followups.for_contact(henrik.id or 0):
        item = vdir.followup_item(followup, henrik)
        (todo,) = icalendar.Calendar.from_ical(vdir.render(item, NOW)).walk("VTODO")
        synced.add(str(todo["SUMMARY"]))
    assert synced == wanted
    # Where the person is named beside it (the agenda's line, the report's section), a
    # title is reworded only where it would misread, and never names them twice.
    beside = {
        "No reply from Dr. Henrik Aas yet? Reach a second person at Vestkraft Energi",
        THANK_YOU_TITLE,
    }
    agenda = build_agenda(store.followups, NOW.date(), NOW, 7)
    items = [item for _, section in agenda.sections() for item in section]
    assert {item.title for item in items} == beside
    report = exchange.export_text(store, "markdown")
    assert all(sentence in report for sentence in beside)
