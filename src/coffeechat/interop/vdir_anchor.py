"""The one item each calendar collection of the vdir always holds, so that it is never
empty.

vdirsyncer stops on a collection that one side emptied since its last run ("Storage …
was completely emptied"), taking it for an accident, and carries nothing more for it
until ``vdirsyncer sync --force-delete``. Deleting the last to-do on the phone, or the
app removing the last call, would empty a collection. So ``followups/`` holds a to-do
done in 2000 and ``calls/`` an event cancelled in 2000: lists hide a to-do done,
calendars show nothing that far back, and each collection keeps one item on both
sides whatever the phone or the app delete.

The text is fixed (no time of writing in it): two vdirs synced to one server write the
same item, never a conflict. Its file name is the one vdirsyncer gives its UID, so a
copy downloaded from the server lands on the same name.
"""

from __future__ import annotations

from .ics import PRODID
from .vcard import fold

_ANCHORS = {
    "followups": (
        "coffeechat-keeps-this-list",
        [
            "BEGIN:VTODO",
            "UID:coffeechat-keeps-this-list",
            "DTSTAMP:20000101T000000Z",
            "SUMMARY:coffeechat keeps this list in step (leave it)",
            "DESCRIPTION:A sync stops on a list emptied since its last run. This "
            "to-do\\, done long ago\\, keeps the list from ever being empty.",
            "DUE;VALUE=DATE:20000101",
            "STATUS:COMPLETED",
            "COMPLETED:20000101T000000Z",
            "PERCENT-COMPLETE:100",
            "END:VTODO",
        ],
    ),
    "calls": (
        "coffeechat-keeps-this-calendar",
        [
            "BEGIN:VEVENT",
            "UID:coffeechat-keeps-this-calendar",
            "DTSTAMP:20000101T000000Z",
            "DTSTART:20000101T000000Z",
            "DTEND:20000101T000100Z",
            "SUMMARY:coffeechat keeps this calendar in step (leave it)",
            "DESCRIPTION:A sync stops on a calendar emptied since its last run. This "
            "event\\, cancelled long ago\\, keeps the calendar from ever being empty.",
            "STATUS:CANCELLED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ],
    ),
}

COLLECTIONS = tuple(_ANCHORS)
"""The collections that hold an anchor: a card cannot be hidden like a to-do done, so
``contacts/`` has none."""


def anchor_name(collection: str) -> str:
    """The anchor's file name in *collection*."""
    return f"{_ANCHORS[collection][0]}.ics"


def anchor_uid(collection: str) -> str:
    return _ANCHORS[collection][0]


def anchor(collection: str) -> bytes:
    """The anchor item of *collection*, as written."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", *_ANCHORS[collection][1]]
    return "".join(fold(line) for line in [*lines, "END:VCALENDAR"]).encode("utf-8")
