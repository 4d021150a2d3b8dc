"""A readable Markdown report: one section per contact, one per interview under it.

Names, notes and every other field come from people and imports: raw HTML in them
(``<script>``, ``<iframe>``) would be live in any Markdown viewer that renders HTML.
``<``, ``>`` and ``&`` are written as entities, which every renderer shows as the
characters themselves; the rest of a note's Markdown (lists, emphasis) still renders.
"""

from __future__ import annotations

from collections import defaultdict

from ..domain.followup_titles import followup_sentence


def _clean(value: object) -> str:
    text = str(value or "").replace("\r\n", "\n").strip()
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(entry: dict, key: str) -> str:
    return str(entry.get(key) or "")


def _link(url: object) -> str:
    """An autolink for a plain URL (where entities would not be decoded), else text."""
    raw = " ".join(str(url or "").split())
    if raw and not any(char in raw for char in '<> "'):
        return f" <{raw}>"
    return f" {_inline(raw)}" if raw else ""


def _inline(value: object) -> str:
    return " ".join(_clean(value).split())


def quoted(value: object, indent: str = "") -> list[str]:
    """User text as a block quote: a ``#`` heading or an unclosed code fence in it ends
    with the quote (CommonMark closes every block when its container ends), so it
    cannot swallow the rest of the report."""
    return [f"{indent}> {line}".rstrip() for line in _clean(value).splitlines()]


def write(document: dict) -> str:
    """The report from a backup document (``store.snapshot.dump``)."""
    by_contact: dict[str, dict[object, list[dict]]] = {
        key: defaultdict(list) for key in ("notes", "articles", "interviews", "drafts", "followups")
    }
    for key, groups in by_contact.items():
        for entry in document.get(key, []):
            groups[entry.get("contact_id")].append(entry)
    outcomes = {o.get("interview_id"): o for o in document.get("outcomes", [])}
    out = ["# coffeechat report", ""]
    for contact in document.get("contacts", []):
        cid = contact.get("id")
        out += [f"## {_inline(contact.get('name'))}", ""]
        for label, key in (
            ("Title", "title"),
            ("Organization", "organization"),
            ("Email", "email"),
            ("Phone", "phone"),
            ("Profile", "url"),
            ("Status", "status"),
            ("How found", "how_found"),
            ("Tags", "tags"),
            ("Next action", "next_action"),
            ("Next action date", "next_action_date"),
        ):
            if _inline(contact.get(key)):
                out.append(f"- **{label}:** {_inline(contact.get(key))}")
        out.append("")
        titles = {"research": "Research", "self_assessment": "What I want to learn"}
        for note in by_contact["notes"][cid]:
            if _clean(note.get("body")):
                out += [f"### {titles.get(str(note.get('kind')), 'Notes')}", ""]
                out += [*quoted(note["body"]), ""]
        if by_contact["articles"][cid]:
            out += ["### Articles", ""]
            for article in by_contact["articles"][cid]:
                mark = "x" if article.get("is_read") else " "
                link = _link(article.get("url"))
                out.append(f"- [{mark}] {_inline(article.get('title'))}{link}")
            out.append("")
        for interview in by_contact["interviews"][cid]:
            out += _interview(interview, outcomes.get(interview.get("id")))
        open_items = [f for f in by_contact["followups"][cid] if f.get("state") != "done"]
        if open_items:
            out += ["### Follow-ups", ""]
            who = str(contact.get("name") or "")
            for f in open_items:
                # Under the person's own heading: reworded only where it would misread.
                kind, title = _text(f, "kind"), _text(f, "title")
                said = followup_sentence(kind, title, who, named_beside=True)
                out.append(f"- {f.get('due_date')}: {_inline(said)}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _interview(interview: dict, outcome: dict | None) -> list[str]:
    # A call held (or under way) is dated by when it really started, not when planned.
    started = interview.get("started_at") if interview.get("state") != "planned" else ""
    when = _inline(started or interview.get("scheduled_at")) or "unscheduled"
    out = [
        f"### Interview {when} ({_inline(interview.get('medium'))}, {interview.get('state')})",
        "",
    ]
    checklist = interview.get("checklist", [])
    if checklist:
        out += ["#### Checklist", ""]
        for item in sorted(checklist, key=lambda i: (i.get("position") or 0, i.get("id") or 0)):
            mark = "x" if item.get("asked") else " "
            out.append(f"- [{mark}] {_inline(item.get('text'))}")
            if _clean(item.get("answer")):
                out += quoted(item["answer"], "  ")
        out.append("")
    notes = interview.get("note_log", [])
    if notes:
        out += ["#### Notes", ""]
        out += [f"- `{int(n.get('minute') or 0):>2} min` {_inline(n.get('text'))}" for n in notes]
        out.append("")
    if outcome:
        out += ["#### Outcome", "", f"- **Outcome:** {_inline(outcome.get('kind'))}"]
        out.append(f"- **Confidence:** {outcome.get('confidence')}/5")
        for label, key in (
            ("Learned", "learned"),
            ("Skills", "skills"),
            ("Advice", "advice"),
            ("Resources", "resources"),
            ("Assignments", "assignments"),
        ):
            if _clean(outcome.get(key)):
                out.append(f"- **{label}:** {_inline(outcome[key])}")
        for referral in outcome.get("referrals", []):
            extra = ", ".join(
                _inline(referral.get(k))
                for k in ("title", "organization", "email")
                if referral.get(k)
            )
            out.append(
                f"- **Referral:** {_inline(referral.get('name'))}"
                + (f" ({extra})" if extra else "")
            )
        out.append("")
    return out
