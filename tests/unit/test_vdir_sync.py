"""The vdir sync: items out, unchanged items left alone, changes from elsewhere taken
back or left and reported, foreign and malformed files named in one line."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from coffeechat.interop import vcard, vdir, vdir_anchor, vdir_card
from coffeechat.models import Contact, Medium, Status
from coffeechat.models_activity import FollowUp, Question
from coffeechat.store import Store
from coffeechat.usecases.calls import Plan, save_plan
from coffeechat.usecases.contacts import delete_contact
from coffeechat.usecases.sync import STATE_FILE, sync
from tests.conftest import FROZEN_NOW, seed

NOW = FROZEN_NOW


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    added = seed(store)
    return {c.name.split()[0]: c.id for c in added if c.id is not None}


def _files(root: Path) -> dict[str, bytes]:
    """The items in the vdir (not the anchors, which are no item of the app's)."""
    return {
        f"{p.parent.name}/{p.name}": p.read_bytes()
        for p in sorted(root.glob("*/*"))
        if not p.name.startswith(".") and not p.name.startswith("coffeechat-keeps-")
    }


def _plan(store: Store, contact_id: int, when: str = "2026-03-18T15:00") -> int:
    questions = (Question("What does a week look like?"), Question("Who else should I ask?"))
    interview = save_plan(store, contact_id, Plan(when, Medium.VIDEO, 30, questions), NOW)
    assert interview.id is not None
    return interview.id


def _followup(store: Store, contact_id: int, title: str = "Send my summary") -> int:
    added = store.followups.add(FollowUp(contact_id, "next_step", "2026-03-20", title=title))
    assert added.id is not None
    return added.id


def test_round_trip_every_collection(store: Store, people: dict[str, int], tmp_path: Path):
    followup_id = _followup(store, people["Tom"])
    interview_id = _plan(store, people["Tom"])
    store.contacts.with_changes(people["Tom"], time_zone="Europe/Berlin")
    root = tmp_path / "vdir"

    report = sync(store, root, NOW)

    assert report.ok, report.problems
    files = _files(root)
    tom = store.contacts.get(people["Tom"])
    assert tom is not None
    card = files[f"contacts/{tom.uid}.vcf"].decode()
    for line in (
        "FN:Tom Lindqvist",
        "N:Lindqvist;Tom;;;",
        "ORG:Harbor Health\\, Inc.",
        "TITLE:Patient Advocacy Lead",
        f"UID:{tom.uid}",
        "NOTE:Status: scheduled",
    ):
        assert line in card
    todo = files[f"followups/followup-{followup_id}@{tom.uid}.ics"].decode()
    assert "DUE;VALUE=DATE:20260320" in todo and "BEGIN:VALARM" in todo
    event = files[f"calls/call-{interview_id}@{tom.uid}.ics"].decode().replace("\r\n ", "")
    assert "DTSTART:20260318T150000Z" in event  # TZ is UTC in tests
    assert "What does a week look like?" in event and "TRIGGER:-PT15M" in event
    assert "Europe/Berlin" in event
    for key, data in files.items():
        parsed = vdir.read(key.split("/")[0], data)
        assert key.split("/")[1] == vdir.file_name(parsed.uid, Path(key).suffix)
    assert sorted(report.written) == sorted(files)


def test_second_run_writes_nothing(store: Store, people: dict[str, int], tmp_path: Path):
    _followup(store, people["Maria"])
    _plan(store, people["Tom"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    before = {p: p.stat().st_mtime_ns for p in root.glob("*/*")}

    again = sync(store, root, NOW)

    assert (again.written, again.removed, again.came_in, again.problems) == ([], [], [], [])
    assert {p: p.stat().st_mtime_ns for p in root.glob("*/*")} == before


def test_an_idle_sync_parses_no_name_and_a_renamed_contact_gets_its_new_n(
    store: Store, people: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    parsed: list[str] = []
    n_value = vdir_card.n_value
    monkeypatch.setattr(
        vdir_card, "n_value", lambda c, key="": parsed.append(c.name) or n_value(c, key)
    )

    idle = sync(store, root, NOW)
    store.contacts.with_changes(people["Priya"], name="Dr. Priya Raman-Shah")
    store.contacts.with_changes(people["Tom"], given_name="Tomas", family_name="Lindqvist")
    renamed = sync(store, root, NOW)

    assert idle.written == [] and sorted(parsed) == ["Dr. Priya Raman-Shah", "Tom Lindqvist"]
    cards = {key: (root / key).read_text() for key in renamed.written}
    assert any("N:Raman-Shah;Priya;;Dr.;" in card for card in cards.values())
    assert any("N:Lindqvist;Tomas;;;" in card for card in cards.values())


def test_a_first_sync_cuts_plain_names_where_their_sort_key_says(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The N of a name stored with its sort key comes from that key, not a second parse;
    one the key cannot account for (a title) is parsed, and both read as a parse would."""
    for name in ("Ada Raman 7", "Ludwig van Beethoven", "Dr. Henrik Aas", "Madonna"):
        store.contacts.add(Contact(name=name))
    parsed: list[str] = []
    parse_name = vcard.parse_name
    monkeypatch.setattr(vcard, "parse_name", lambda n: parsed.append(n) or parse_name(n))

    report = sync(store, tmp_path / "vdir", NOW)

    cards = b"".join((tmp_path / "vdir" / key).read_bytes() for key in report.written).decode()
    for n in (
        "N:7;Ada Raman;;;",
        "N:van Beethoven;Ludwig;;;",
        "N:Aas;Henrik;;Dr.;",
        "N:;Madonna;;;",
    ):
        assert n in cards
    assert parsed == ["Dr. Henrik Aas"]


def test_a_state_written_before_the_n_was_remembered_is_read(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    state = json.loads((root / STATE_FILE).read_text())
    for entry in state["items"].values():
        del entry[9]
    (root / STATE_FILE).write_text(json.dumps(state))

    again = sync(store, root, NOW)

    assert (again.written, again.notices, again.conflicts) == ([], [], [])
    assert all(len(e) == 10 for e in json.loads((root / STATE_FILE).read_text())["items"].values())


def test_a_changed_contact_is_rewritten(store: Store, people: dict[str, int], tmp_path: Path):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    store.contacts.with_changes(people["Priya"], title="Editor")

    report = sync(store, root, NOW)

    priya = store.contacts.get(people["Priya"])
    assert priya is not None
    assert report.written == [f"contacts/{priya.uid}.vcf"]
    assert "TITLE:Editor" in (root / report.written[0]).read_text()


def test_deleted_and_archived_contacts_are_removed(
    store: Store, people: dict[str, int], tmp_path: Path
):
    _followup(store, people["Maria"])
    _followup(store, people["Tom"])  # the collection is not left empty
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    delete_contact(store, people["Maria"])
    store.contacts.set_archived(people["Priya"], True)

    report = sync(store, root, NOW)

    assert len(report.removed) == 3  # Maria's card and to-do, Priya's card
    assert not any(maria.uid in name for name in _files(root))
    assert report.ok


def test_scope_active_and_tag(store: Store, people: dict[str, int], tmp_path: Path):
    store.contacts.set_status(people["Priya"], Status.DECLINED)
    active = sync(store, tmp_path / "active", NOW, "active")
    tagged = sync(store, tmp_path / "tagged", NOW, "tag:Alumni")
    assert len(active.written) == 4
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    assert tagged.written == [f"contacts/{maria.uid}.vcf"]
    assert sync(store, tmp_path / "x", NOW, "some").problems == [
        "unknown sync scope 'some': use all, active or tag:NAME"
    ]


def test_completed_todo_marks_the_followup_done(
    store: Store, people: dict[str, int], tmp_path: Path
):
    followup_id = _followup(store, people["Maria"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "followups").glob("followup-*.ics")
    path.write_text(path.read_text().replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED"))

    report = sync(store, root, NOW)

    done = store.followups.get(followup_id)
    assert done is not None and done.state == "done"
    assert report.came_in == [f"done: Send my summary (followups/{path.name})"]
    # Kept a while as a completed to-do (no longer with an alarm), its time filled in.
    assert f"followups/{path.name}" in report.written
    assert "STATUS:COMPLETED" in path.read_text() and "VALARM" not in path.read_text()
    assert "COMPLETED:" in path.read_text()
    assert report.ok and sync(store, root, NOW).came_in == []
    _followup(store, people["Tom"], "Thank Tom")  # the collection is not left empty
    later = sync(store, root, NOW + timedelta(days=31))
    assert later.removed == [f"followups/{path.name}"] and not path.exists()


def test_moved_event_moves_the_planned_call(store: Store, people: dict[str, int], tmp_path: Path):
    interview_id = _plan(store, people["Tom"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "calls").glob("call-*.ics")
    moved = path.read_text().replace(
        "DTSTART:20260318T150000Z", "DTSTART;TZID=Europe/Berlin:20260319T170000"
    )
    path.write_text(moved)

    report = sync(store, root, NOW)

    interview = store.interviews.get(interview_id)
    assert interview is not None and interview.scheduled_at == "2026-03-19T16:00"
    assert report.came_in == [f"call moved to 2026-03-19 16:00 (calls/{path.name})"]
    assert sync(store, root, NOW).written == []


def test_a_card_edited_elsewhere_comes_in_and_the_apps_change_goes_out(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    card = root / "contacts" / f"{maria.uid}.vcf"
    edited = card.read_text().replace("END:VCARD", "TEL;TYPE=HOME:+44 20 1234\r\nEND:VCARD")
    edited = edited.replace("FN:Maria Okafor", "FN:Maria O.").replace("TEL;TYPE=CELL", "X-A")
    card.write_text(edited)
    store.contacts.with_changes(people["Maria"], title="VP")

    report = sync(store, root, NOW)

    changed = store.contacts.get(people["Maria"])
    assert changed is not None and changed.name == "Maria O." and changed.title == "VP"
    text = card.read_text()
    assert "FN:Maria O." in text and "TITLE:VP" in text and "REV:" in text
    assert report.ok and report.conflicts == []
    assert sync(store, root, NOW).written == []


def test_foreign_and_malformed_files_are_named_once_and_left_alone(
    store: Store, people: dict[str, int], tmp_path: Path
):
    _followup(store, people["Maria"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [todo] = (root / "followups").glob("followup-*.ics")
    todo.write_text("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\n")
    (root / "contacts" / "notes.txt").write_text("shopping list")
    (root / "contacts" / "displayname").write_text("Contacts")

    report = sync(store, root, NOW)

    assert report.notices == [
        f"followups/{todo.name}: malformed item (not a valid iCalendar item)",
        "contacts/notes.txt: a file made elsewhere",
    ]
    assert report.ok and all("\n" not in line for line in report.notices)
    assert todo.read_bytes() == b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\n"
    assert store.followups.for_contact(people["Maria"], open_only=True)
    assert sync(store, root, NOW).notices == []  # named once


def test_unusable_folder_is_one_line(store: Store, people: dict[str, int], tmp_path: Path):
    # A file where the folder should be: refused whoever runs the test (root included).
    blocked = tmp_path / "vdir"
    blocked.write_text("not a folder")

    report = sync(store, blocked, NOW)

    assert report.problems == [f"cannot use {blocked}: not a folder"]
    assert blocked.read_text() == "not a folder"
    assert store.contacts.count() == len(people)


def test_lost_state_adopts_identical_files(store: Store, people: dict[str, int], tmp_path: Path):
    root = tmp_path / "vdir"
    first = sync(store, root, NOW)
    (root / STATE_FILE).unlink()

    again = sync(store, root, NOW)

    assert first.written and again.written == [] and again.conflicts == [] and again.ok


def test_unsafe_uid_gets_a_safe_file_name():
    assert vdir.file_name("abc-1@x.org", ".vcf") == "abc-1@x.org.vcf"
    name = vdir.file_name("../etc/passwd", ".vcf")
    assert "/" not in name and not name.startswith(".") and name.endswith(".vcf")
    assert vdir.file_name(".hidden", ".ics") != ".hidden.ics"


def test_read_takes_the_start_in_its_zone():
    text = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:call-3@u\r\n"
        b"DTSTART;TZID=America/New_York:20260318T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    parsed = vdir.read("calls", text)
    assert parsed.uid == "call-3@u" and parsed.fields["start"] == "20260318T130000Z"
    with pytest.raises(vdir.MalformedItem, match="no UID"):
        vdir.read("contacts", b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n")


def test_a_folder_where_an_item_goes_is_left_and_the_rest_written(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    (root / "contacts" / f"{maria.uid}.vcf").mkdir(parents=True)

    report = sync(store, root, NOW)

    assert report.notices == [f"contacts/{maria.uid}.vcf: not a regular file"]
    assert len(report.written) == len(people) - 1 and report.ok
    assert sync(store, root, NOW).written == []


def test_an_item_deleted_elsewhere_stays_deleted_until_it_changes_here(
    store: Store, people: dict[str, int], tmp_path: Path
):
    followup_id = _followup(store, people["Maria"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [todo] = (root / "followups").glob("followup-*.ics")
    todo.unlink()  # deleted on the phone, and vdirsyncer carried that back

    report = sync(store, root, NOW)

    assert not todo.exists(), "never written back blindly"
    assert report.written == [] and any("deleted elsewhere" in line for line in report.notices)
    store.followups.reschedule(followup_id, "2026-03-27")  # changed here: written again
    again = sync(store, root, NOW)
    assert todo.exists() and again.written == [f"followups/{todo.name}"]


def test_a_due_date_and_completion_time_from_the_phone_come_in(
    store: Store, people: dict[str, int], tmp_path: Path
):
    followup_id = _followup(store, people["Maria"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "followups").glob("followup-*.ics")
    text = path.read_text().replace("DUE;VALUE=DATE:20260320", "DUE;VALUE=DATE:20260324")
    path.write_text(
        text.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20260317T071500Z")
    )

    report = sync(store, root, NOW)

    done = store.followups.get(followup_id)
    assert done is not None and (done.due_date, done.state) == ("2026-03-24", "done")
    assert done.done_at.startswith("2026-03-17T07:15")  # TZ is UTC in tests
    assert report.came_in == [
        f"Send my summary: due 2026-03-24 (followups/{path.name})",
        f"done: Send my summary (followups/{path.name})",
    ]
    assert "VALARM" not in path.read_text() and report.conflicts == []
    assert sync(store, root, NOW).written == []


def test_a_call_lengthened_elsewhere_and_retitled_here_keeps_both(
    store: Store, people: dict[str, int], tmp_path: Path
):
    interview_id = _plan(store, people["Tom"])
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "calls").glob("call-*.ics")
    path.write_text(path.read_text().replace("DTEND:20260318T153000Z", "DTEND:20260318T160000Z"))
    store.contacts.with_changes(people["Tom"], name="Tom Lindqvist-Berg")

    first = sync(store, root, NOW)
    sync(store, root, NOW)  # the new name reaches the call's summary

    interview = store.interviews.get(interview_id)
    assert interview is not None and interview.length_minutes == 60
    text = path.read_text().replace("\r\n ", "")
    assert "DTEND:20260318T160000Z" in text and "Coffee chat with Tom Lindqvist-Berg" in text
    assert first.conflicts == [] and sync(store, root, NOW).written == []


@pytest.mark.parametrize("collection", ["calls", "followups"])
def test_a_calendar_collection_is_never_empty_whatever_is_deleted(
    store: Store, people: dict[str, int], tmp_path: Path, collection: str
):
    """vdirsyncer stops on a collection one side emptied since its last run: each
    calendar collection holds its anchor (a to-do done, an event cancelled, in 2000),
    from the first sync on, put back if deleted, and no item of the app's keeps it."""
    root = tmp_path / "vdir"
    add = _plan if collection == "calls" else _followup
    row = add(store, people["Tom"])
    first = sync(store, root, NOW)
    anchor = root / collection / vdir_anchor.anchor_name(collection)
    assert anchor.read_bytes() == vdir_anchor.anchor(collection)
    assert f"{collection}/{anchor.name}" not in first.written
    parsed = vdir.read(collection, anchor.read_bytes())
    assert parsed.uid == vdir_anchor.anchor_uid(collection) and parsed.fields["alarm"] == ""
    assert "STATUS:CANCELLED" in anchor.read_text() or parsed.fields["done"]
    if collection == "calls":
        store.interviews.delete(row)
    else:
        store.database.conn.execute("DELETE FROM followups WHERE id = ?", (row,))

    gone = sync(store, root, NOW)

    assert len(gone.removed) == 1 and [p.name for p in (root / collection).iterdir()] == [
        anchor.name
    ]
    anchor.unlink()  # deleted on the phone: it comes back
    again = sync(store, root, NOW)
    assert anchor.read_bytes() == vdir_anchor.anchor(collection)
    assert (again.written, again.removed, again.notices, again.conflicts) == ([], [], [], [])
    written = anchor.stat().st_mtime_ns
    assert sync(store, root, NOW).notices == [] and anchor.stat().st_mtime_ns == written


def test_an_item_an_older_version_kept_cancelled_goes_now_the_anchor_is_there(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    row = _plan(store, people["Tom"])
    sync(store, root, NOW)
    state = json.loads((root / STATE_FILE).read_text())
    [key] = [k for k in state["items"] if k.startswith("calls/call-")]
    state["items"][key][5]["cancelled"] = "yes"  # as an older version left it
    (root / STATE_FILE).write_text(json.dumps(state))
    store.interviews.delete(row)

    report = sync(store, root, NOW)

    assert report.removed == [key] and report.ok
    assert [p.name for p in (root / "calls").iterdir()] == [vdir_anchor.anchor_name("calls")]


def test_a_deleted_calls_number_given_to_another_contacts_call_is_its_own_item(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    _plan(store, people["Maria"])
    toms = _plan(store, people["Tom"])
    sync(store, root, NOW)
    store.interviews.delete(toms)
    priyas = _plan(store, people["Priya"])
    assert priyas == toms  # SQLite gives the highest number again

    report = sync(store, root, NOW)

    tom, priya = store.contacts.get(people["Tom"]), store.contacts.get(people["Priya"])
    assert tom is not None and priya is not None
    assert report.removed == [f"calls/call-{toms}@{tom.uid}.ics"]
    assert f"calls/call-{priyas}@{priya.uid}.ics" in report.written
    text = (root / "calls" / f"call-{priyas}@{priya.uid}.ics").read_text()
    assert f"UID:call-{priyas}@{priya.uid}" in text.replace("\r\n ", "")
    assert sync(store, root, NOW).written == []


def test_a_held_calls_time_moved_elsewhere_goes_back_and_is_shown(
    store: Store, people: dict[str, int], tmp_path: Path
):
    """The app cannot take a new time for a call already held: its own goes back out
    and the other is shown as a conflict, not left to differ without a word."""
    interview_id = _plan(store, people["Tom"])
    store.interviews.start(interview_id, NOW, ())
    store.interviews.end(interview_id, NOW + timedelta(minutes=25))
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    [path] = (root / "calls").glob("call-*.ics")
    held = re.search(r"DTSTART:(\d{8}T\d{6}Z)", path.read_text())
    assert held is not None
    # Moved whole: the same 25 minutes it was held, at another time.
    moved = re.sub(r"DTEND:\S+", "DTEND:20260401T092500Z", path.read_text())
    path.write_text(moved.replace(f"DTSTART:{held[1]}", "DTSTART:20260401T090000Z"))

    report = sync(store, root, NOW)

    assert report.came_in == []
    assert report.conflicts == [
        f"start: kept “{held[1]}”, elsewhere it was “20260401T090000Z” (calls/{path.name})"
    ]
    assert f"DTSTART:{held[1]}" in path.read_text()
    assert sync(store, root, NOW).written == []


def _changed_card(path: Path, title: str) -> str:
    """The card at *path* with its title changed, as a phone would save it."""
    text = path.read_text()
    changed = re.sub(r"TITLE:[^\r\n]*", f"TITLE:{title}", text)
    assert changed != text
    return changed


@pytest.mark.parametrize("order", ["changed before the sync", "put back by vdirsyncer"])
def test_a_contact_deleted_here_and_changed_elsewhere_comes_back_archived(
    store: Store, people: dict[str, int], tmp_path: Path, order: str
):
    """The deletion holds (the person is not back in the list, the card goes) and the
    phone's change is not lost: the contact is back in the archive, holding it, and the
    conflict says so, in whichever order the sync and vdirsyncer met the two changes."""
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    maria = store.contacts.get(people["Maria"])
    assert maria is not None
    card = root / "contacts" / f"{maria.uid}.vcf"
    changed = _changed_card(card, "Head of Research")
    delete_contact(store, people["Maria"])
    if order == "put back by vdirsyncer":
        removed = sync(store, root, NOW)
        assert removed.removed == [f"contacts/{card.name}"] and removed.conflicts == []
    # vdirsyncer brings the phone's copy (a card deleted on one side and changed on
    # the other is put back where it was deleted).
    card.write_text(changed)

    report = sync(store, root, NOW)

    [back] = [c for c in store.contacts.all() if c.uid == maria.uid]
    assert back.archived and back.title == "Head of Research" and back.id is not None
    assert report.conflicts == [
        f"deleted here, changed elsewhere (title “Head of Research”): {back.name} kept, "
        f"archived (contacts/{card.name})"
    ]
    assert "kept archived" in store.notes.research(back.id)
    assert f"contacts/{card.name}" in report.removed and not card.exists()
    assert report.ok
    idle = sync(store, root, NOW)
    assert (idle.written, idle.removed, idle.conflicts, idle.notices) == ([], [], [], [])


def test_a_contact_archived_here_takes_in_what_changed_elsewhere_before_its_card_goes(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    tom = store.contacts.get(people["Tom"])
    assert tom is not None
    card = root / "contacts" / f"{tom.uid}.vcf"
    card.write_text(_changed_card(card, "Head of Patient Care"))
    store.contacts.set_archived(people["Tom"], True)

    report = sync(store, root, NOW)

    after = store.contacts.get(people["Tom"])
    assert after is not None and after.archived and after.title == "Head of Patient Care"
    assert report.came_in == [f"Tom Lindqvist: title “Head of Patient Care” (contacts/{card.name})"]
    assert report.removed == [f"contacts/{card.name}"] and not card.exists()
    assert report.conflicts == [] and report.ok


def test_a_followup_deleted_here_and_done_elsewhere_stays_deleted_and_says_so(
    store: Store, people: dict[str, int], tmp_path: Path
):
    followup_id = _followup(store, people["Maria"])
    _followup(store, people["Tom"], "Thank Tom")  # the collection is not left empty
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    path = next(p for p in (root / "followups").glob("followup-*.ics") if "Maria" in p.read_text())
    path.write_text(
        path.read_text().replace(
            "STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20260317T071500Z"
        )
    )
    store.database.conn.execute("DELETE FROM followups WHERE id = ?", (followup_id,))

    report = sync(store, root, NOW)

    assert report.conflicts == [
        "deleted here, changed elsewhere (done “20260317T071500Z”): left deleted "
        f"(followups/{path.name})"
    ]
    assert report.removed == [f"followups/{path.name}"] and not path.exists()
    assert store.followups.get(followup_id) is None and report.ok


def test_a_server_property_added_to_an_item_deleted_here_is_no_conflict(
    store: Store, people: dict[str, int], tmp_path: Path
):
    root = tmp_path / "vdir"
    sync(store, root, NOW)
    tom = store.contacts.get(people["Tom"])
    assert tom is not None
    card = root / "contacts" / f"{tom.uid}.vcf"
    card.write_text(card.read_text().replace("END:VCARD", "X-SERVER:1\r\nEND:VCARD"))
    delete_contact(store, people["Tom"])

    report = sync(store, root, NOW)

    assert report.removed == [f"contacts/{card.name}"] and report.conflicts == []
    assert all(c.uid != tom.uid for c in store.contacts.all())
