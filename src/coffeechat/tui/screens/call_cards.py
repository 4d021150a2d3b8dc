"""What the call screen shows a key away: the "my story" card and the research brief."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...domain.text import visible
from ...models import Contact
from ...store import Store
from ..widgets.safe_text import SafeTextArea

_CARD_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 96; max-width: 100%; height: 90%; max-height: 100%;
    border: thick $primary; background: $panel; padding: 0 1;
}}
{name} .card-title {{ text-style: bold; height: 1; }}
{name} .card-hint {{ color: $text-muted; height: 1; }}
{name} .card-heading {{ text-style: bold; margin-top: 1; }}
"""

STORY_PLACEHOLDER = """\
Why this field? Why did I leave what I did before?
My strengths, in one breath each:
What I am looking for (never: a job from them):"""


class StoryText(SafeTextArea):
    """The story card's editor; saved as you type, on close and on quit (``autosave``)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._saved = store.interviews.story()
        super().__init__(self._saved, classes="autosave", soft_wrap=True, id="story")

    def on_mount(self) -> None:
        # Saved while typing too, so a crash mid-edit loses at most a fraction of a second.
        self.set_interval(0.3, self.save_now, name="story autosave")

    def save_now(self) -> None:
        if self.text != self._saved:
            self._store.interviews.save_story(self.text)
            self._saved = self.text


class StoryScreen(ModalScreen[None]):
    """The user's prepared answers to what they will be asked back. Editable."""

    HELP_NAME = "My story"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "close", "Save and close", priority=True),
    ]
    DEFAULT_CSS = _CARD_CSS.format(name="StoryScreen") + "StoryScreen TextArea { height: 1fr; }"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("My story", classes="card-title")
            yield Static(
                "Your answers to what they will ask you back · escape saves and closes",
                classes="card-hint",
            )
            editor = StoryText(self.store)
            if not editor.text:
                editor.placeholder = STORY_PLACEHOLDER
            yield editor

    def action_close(self) -> None:
        self.query_one(StoryText).save_now()
        self.dismiss(None)


class BriefScreen(ModalScreen[None]):
    """The contact's research notes and what I want to learn from them. Read only."""

    HELP_NAME = "Research brief"
    BINDINGS = [Binding("escape,r,q", "dismiss(None)", "Close")]
    DEFAULT_CSS = _CARD_CSS.format(name="BriefScreen")

    def __init__(self, store: Store, contact: Contact) -> None:
        super().__init__()
        self.store = store
        self.contact = contact

    def compose(self) -> ComposeResult:
        contact = self.contact
        with Vertical():
            yield Static(Text(f"Research: {visible(contact.name)}"), classes="card-title")
            yield Static("escape closes", classes="card-hint")
            with VerticalScroll():
                facts = [
                    part
                    for part in (contact.title, contact.organization, contact.how_found)
                    if part
                ]
                if facts:
                    yield Static(Text(visible(" · ".join(facts))))
                sections = self.store.interviews.brief(contact.id) if contact.id else []
                if not sections:
                    yield Static(
                        Text("No research notes yet for this contact.", style="italic"),
                    )
                for heading, body in sections:
                    yield Static(Text(visible(heading)), classes="card-heading")
                    yield Static(Text(visible(body)))
