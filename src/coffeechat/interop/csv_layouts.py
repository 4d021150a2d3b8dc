"""Which contact field each column of an address-book CSV holds.

One mapping reads coffeechat's own CSV and the layouts address books export:
Google Contacts (current: ``First Name``, ``Organization Name``, ``E-mail 1 - Value``,
``Labels``; older: ``Given Name``, ``Organization 1 - Name``, ``Group Membership``),
Outlook (``E-mail Address``, ``E-mail 2 Address``, ``Mobile Phone``, ``Business Phone``,
``Company``, ``Job Title``, ``Web Page``) and Thunderbird (``Primary Email``,
``Secondary Email``, ``Work Phone``, ``Mobile Number``, ``Web Page 1``, ``Organization``).
Header cells are compared as lower-case words (see ``tabular.header_key``).
"""

from __future__ import annotations

import re

_ALIASES = {
    "name": ("name", "full name", "display name", "contact", "contact name"),
    "first": ("first name", "given name", "firstname", "first"),
    "middle": ("middle name", "additional name"),
    "last": ("last name", "family name", "surname", "lastname", "last"),
    "prefix": ("name prefix",),
    "suffix": ("name suffix", "suffix"),
    "nickname": ("nickname",),
    "email": (
        "email", "e mail", "email address", "e mail address", "mail", "primary email",
        "secondary email", "other email",
    ),
    "organization": (
        "organization", "organisation", "org", "company", "employer", "institution",
        "organization name",
    ),
    "title": ("title", "job title", "position", "role", "organization title"),
    "department": ("department", "organization department"),
    "url": (
        "url", "profile url", "profile", "linkedin", "linkedin url", "website", "web",
        "web page", "personal web page", "business web page", "homepage",
    ),
    "phone": (
        "phone", "telephone", "tel", "mobile", "phone number", "cell", "mobile phone",
        "mobile number", "business phone", "business phone 2", "home phone", "home phone 2",
        "work phone", "primary phone", "other phone", "company main phone", "car phone",
    ),
    "note": ("notes", "note", "research", "research note", "comments"),
    "tags": ("tags", "tag", "labels", "categories", "group membership"),
    "how_found": ("how found", "source", "found via"),
    "purpose": ("purpose",),
    "status": ("status", "pipeline status"),
    "next_action": ("next action",),
    "next_action_date": ("next action date", "next date"),
    "connected_on": ("connected on", "connected"),
    "archived": ("archived",),
}  # fmt: skip
ALIASES = {alias: field for field, names in _ALIASES.items() for alias in names}

# Numbered columns: "E-mail 2 - Value", "Phone 1 - Value", "Organization 1 - Name",
# "Website 1 - Value", "E-mail 2 Address", "Web Page 2".
_NUMBERED = (
    (re.compile(r"^e ?mail \d+ (value|address)$"), "email"),
    (re.compile(r"^phone \d+ value$"), "phone"),
    (re.compile(r"^organization \d+ name$"), "organization"),
    (re.compile(r"^organization \d+ title$"), "title"),
    (re.compile(r"^organization \d+ department$"), "department"),
    (re.compile(r"^(website|web page) \d+( value)?$"), "url"),
)
# Columns that only describe another one ("E-mail 1 - Label", "Phone 2 - Type"): known,
# never imported, never reported as ignored.
_DESCRIBING = re.compile(
    r"^(e ?mail|phone|website|organization|address|relation|event) \d+ (label|type)$"
)
# Bookkeeping Outlook writes on every row ("Normal", "False", "Unspecified"): no one's data.
_BOOKKEEPING = {"sensitivity", "priority", "private", "gender", "internet free busy"}
# Outlook's "Title" is the honorific (Mr., Dr.) when a "Job Title" column exists.
_HONORIFIC_TITLE = "title"
MULTI = {"email", "phone", "url", "organization", "title", "tags", "department", "note"}
"""Fields that several columns may feed; the first value is the field, the rest kept."""


def column_fields(keys: list[str]) -> list[str | None]:
    """The field of each header key (None: not imported)."""
    fields: list[str | None] = []
    has_job_title = "job title" in keys
    for key in keys:
        field = ALIASES.get(key)
        if key == _HONORIFIC_TITLE and has_job_title:
            field = None
        if field is None:
            field = next((name for pattern, name in _NUMBERED if pattern.match(key)), None)
        fields.append(field)
    return fields


def is_describing(key: str) -> bool:
    """Whether an unimported column is left out of the "ignored columns" report."""
    return key == _HONORIFIC_TITLE or key in _BOOKKEEPING or bool(_DESCRIBING.match(key))


def label_columns(keys: list[str]) -> dict[int, int]:
    """For Google's "Phone 1 - Value", the position of its "Phone 1 - Label" (or Type)."""
    found = {}
    for position, key in enumerate(keys):
        numbered = re.match(r"^(phone|e ?mail|website) (\d+) value$", key)
        if numbered:
            for word in ("label", "type"):
                sibling = f"{numbered[1]} {numbered[2]} {word}"
                if sibling in keys:
                    found[position] = keys.index(sibling)
    return found


def phone_rank(key: str) -> int:
    """Mobile first, then work numbers, then the rest: who you call for a coffee chat."""
    if "mobile" in key or "cell" in key:
        return 0
    if any(word in key for word in ("business", "work", "primary", "company")):
        return 1
    return 2


_SYSTEM_GROUP = "*"


def split_tags(value: str) -> list[str]:
    """Google's ``A ::: B ::: * myContacts`` (system groups dropped), or a list split on
    commas or semicolons."""
    parts = re.split(r":::|;|,", value)
    return [p.strip() for p in parts if p.strip() and not p.strip().startswith(_SYSTEM_GROUP)]
