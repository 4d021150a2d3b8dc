"""Read-only renderings of a contact's research brief and of the "my story" card.

Reusable anywhere (the brief screen, the call screen): ``render_brief(store, id)`` and
``render_story(store)`` return Rich renderables; :class:`BriefView` and
:class:`StoryView` are Statics that show them. User text goes through Rich's Markdown
renderer (which never interprets Rich markup) after control characters are defused.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.text import Text
from textual.widgets import Static

from ...domain.story import story_or_template
from ...domain.text import one_line, visible
from ...domain.timezones import their_clock
from ...store import Store


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _markdown(body: str, empty: str) -> RenderableType:
    if not body.strip():
        return Text(empty, style="dim italic")
    return Markdown(visible(body), hyperlinks=False)


def _last_reflection(store: Store) -> list[RenderableType]:
    """How the last call went, in the user's words: interviewing is a skill."""
    last = store.outcomes.last_reflection()
    if last is None:
        return []
    parts: list[RenderableType] = [
        _heading(f"Last time (call with {one_line(last.contact_name)}, {last.day})")
    ]
    for label, text in (("Went well", last.went_well), ("Do differently", last.do_differently)):
        if text.strip():
            line = Text(f"{label}: ", style="bold")
            line.append(one_line(text), style="")
            parts.append(line)
    return parts


def render_brief(store: Store, contact_id: int, now: datetime | None = None) -> RenderableType:
    """Research summary, goals, articles read and prepared questions for one contact."""
    brief = store.briefs.for_contact(contact_id)
    if brief is None:
        return Text("No such contact.", style="italic")
    contact = brief.contact
    head = Text(one_line(contact.name), style="bold")
    role = " · ".join(one_line(part) for part in (contact.title, contact.organization) if part)
    if role:
        head.append(f"\n{role}", style="dim")
    reach = "  ".join(
        f"{mark} {one_line(value)}"
        for mark, value in (("☎", contact.phone), ("✉", contact.email))
        if value
    )
    if reach:
        head.append(f"\n{reach}")
    if clock := their_clock(now or datetime.now(), contact.time_zone, with_day=True):
        head.append(f"\nTheir time now: {clock}", style="bold")
    parts: list[RenderableType] = [head, *_last_reflection(store)]
    parts += [
        _heading("What I want to learn, and why them"),
        _markdown(brief.self_assessment, "No goals written yet (Research tab)."),
        _heading("About them"),
        _markdown(brief.research, "No research notes yet."),
    ]
    if contact.organization:
        parts += [
            _heading(f"About {one_line(contact.organization)}"),
            _markdown(brief.organization_research, "No notes on the organization yet."),
        ]
    parts.append(_heading("Articles read"))
    if brief.articles_read:
        for article in brief.articles_read:
            line = Text(f"✓ {one_line(article.title)}")
            if article.notes:
                line.append(f" — {one_line(article.notes)}", style="dim")
            parts.append(line)
    else:
        parts.append(Text("None read yet.", style="dim italic"))
    if brief.articles_unread:
        parts.append(Text(f"({brief.articles_unread} still unread)", style="dim"))
    if brief.questions:
        parts.append(_heading("Prepared questions"))
        parts += [
            Text(f"{n}. {one_line(question)}") for n, question in enumerate(brief.questions, 1)
        ]
    return Group(*parts)


def render_story(store: Store) -> RenderableType:
    """The "my story" card, or its prompts when nothing is written yet."""
    return Markdown(visible(story_or_template(store.notes.story())), hyperlinks=False)


class BriefView(Static):
    """Shows :func:`render_brief` for a contact; call ``show(contact_id)`` to refresh."""

    DEFAULT_CSS = "BriefView { height: auto; padding: 0 1; }"

    def __init__(self, store: Store, contact_id: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.contact_id = contact_id

    def on_mount(self) -> None:
        self.show(self.contact_id)

    def show(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        if contact_id is None:
            self.update(Text("No contact.", style="italic"))
        else:
            clock = getattr(self.app, "clock", None)  # the app's (frozen in tests), if any
            self.update(render_brief(self.store, contact_id, clock.now() if clock else None))


class StoryView(Static):
    """Shows :func:`render_story`; call ``refresh_story()`` after an edit."""

    DEFAULT_CSS = "StoryView { height: auto; padding: 0 1; }"

    def __init__(self, store: Store, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store

    def on_mount(self) -> None:
        self.refresh_story()

    def refresh_story(self) -> None:
        self.update(render_story(self.store))
