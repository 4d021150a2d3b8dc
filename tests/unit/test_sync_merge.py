"""The three-way merge, as a table: every field, changed on one side, on both, or
emptied (deleted) on either side."""

from __future__ import annotations

import pytest

from coffeechat.domain.sync_merge import Conflict, merge
from coffeechat.interop.vdir import INCOMING

FIELDS = sorted({name for names in INCOMING.values() for name in names} | {"summary"})
TAKEN_IN = frozenset(FIELDS) - {"summary"}


# (base, app, theirs) → (incoming, outgoing, conflict?)
TABLE = [
    ("a", "a", "a", None, None, False),  # nothing changed
    ("a", "b", "a", None, "b", False),  # changed in the app: goes out
    ("a", "a", "c", "c", None, False),  # changed elsewhere: comes in
    ("a", "b", "b", None, None, False),  # the same change on both sides
    ("a", "b", "c", None, "b", True),  # both: the app wins, the other is shown
    ("a", "", "a", None, "", False),  # emptied in the app: emptied there
    ("a", "a", "", "", None, False),  # emptied elsewhere: emptied here
    ("a", "", "c", None, "", True),  # emptied here, changed there
    ("a", "b", "", None, "b", True),  # changed here, emptied there
    ("", "b", "", None, "b", False),  # new in the app
    ("", "", "c", "c", None, False),  # new elsewhere
]


@pytest.mark.parametrize("name", FIELDS)
@pytest.mark.parametrize(("base", "app", "theirs", "comes_in", "goes_out", "clash"), TABLE)
def test_merge_table(name, base, app, theirs, comes_in, goes_out, clash):
    merged = merge({name: app}, {name: base}, {name: theirs}, {name: base}, TAKEN_IN)

    expected_in = {name: comes_in} if comes_in is not None and name in TAKEN_IN else {}
    assert merged.incoming == expected_in
    assert merged.outgoing == ({name: goes_out} if goes_out is not None else {})
    assert merged.conflicts == ([Conflict(name, app, theirs)] if clash else [])


def test_a_field_without_a_place_in_the_app_stays_as_changed_elsewhere():
    merged = merge({"summary": "a"}, {"summary": "a"}, {"summary": "x"}, {"summary": "a"}, TAKEN_IN)
    assert (merged.incoming, merged.outgoing, merged.conflicts) == ({}, {}, [])
    # …and a later change in the app still goes out: nothing is frozen.
    later = merge({"summary": "b"}, {"summary": "a"}, {"summary": "x"}, {"summary": "x"}, TAKEN_IN)
    assert later.outgoing == {"summary": "b"} and later.conflicts == []


def test_the_files_own_spelling_is_its_base():
    """A server that re-serialises an item (``+1 555`` as ``+1555``) changed nothing."""
    merged = merge(
        {"phone": "+1 555", "title": "VP"},
        {"phone": "+1 555", "title": "Lead"},
        {"phone": "+1555", "title": "Lead"},
        {"phone": "+1555", "title": "Lead"},
        TAKEN_IN,
    )
    assert (merged.incoming, merged.outgoing, merged.conflicts) == ({}, {"title": "VP"}, [])


def test_a_copy_older_than_our_last_write_changes_nothing():
    """vdirsyncer's ``conflict_resolution = "b wins"``: the server's copy (the phone's
    edit, made before coffeechat's last write) replaces ours in the vdir. The phone's
    field comes in; the field coffeechat had written goes out again, not reverted."""
    merged = merge(
        {"start": "new", "location": "Room 1"},
        {"start": "new", "location": "Room 1"},
        {"start": "old", "location": "https://meet.example/abc"},
        {"start": "new", "location": "Room 1"},
        TAKEN_IN,
        stale={"start": "old"},
    )
    assert merged.incoming == {"location": "https://meet.example/abc"}
    assert merged.outgoing == {"start": "new"} and merged.conflicts == []
