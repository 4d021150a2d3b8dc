"""The Research pane: notes on the person and their organization, my goals, articles."""

from __future__ import annotations

from functools import partial

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...domain.text import one_line
from ...models import Contact
from ...models_activity import Article
from ...store import Store
from ...usecases.articles import delete_article, toggle_read
from ...usecases.notes import goals_for, organization_research, research_on, save_note
from ..commands import bindings
from ..screens.article_form import ArticleForm
from ..screens.confirm import ConfirmScreen
from ..workers import background
from .note_editor import NoteEditor


class ArticleList(OptionList):
    """The contact's articles: unread first; space marks read, n adds, enter edits."""

    HELP_NAME = "Articles"
    BINDINGS = bindings("articles")
    DEFAULT_CSS = """
    ArticleList { height: auto; max-height: 12; min-height: 3; border: none; }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.store = store
        self.contact_id: int | None = None
        self.articles: list[Article] = []

    def show(self, contact_id: int | None, keep_id: int | None = None) -> None:
        self.contact_id = contact_id
        self.articles = self.store.articles.for_contact(contact_id) if contact_id else []
        self.clear_options()
        if not self.articles:
            hint = "No articles yet: press n here to add one." if contact_id else ""
            self.add_option(Option(Text(hint, style="italic"), disabled=True))
            return
        for article in self.articles:
            line = Text("✓ " if article.is_read else "○ ", style="green" if article.is_read else "")
            line.append(one_line(article.title), style="" if article.is_read else "bold")
            if article.url:
                line.append(f"  {one_line(article.url)}", style="dim")
            self.add_option(Option(line, id=str(article.id)))
        index = next((i for i, a in enumerate(self.articles) if a.id == keep_id), 0)
        self.highlighted = index

    @property
    def current(self) -> Article | None:
        if self.highlighted is None or not self.articles:
            return None
        return self.articles[self.highlighted] if self.highlighted < len(self.articles) else None

    def action_add_article(self) -> None:
        if self.contact_id is None:
            return
        self._edit(Article(contact_id=self.contact_id, title=""))

    def action_edit_article(self) -> None:
        if (article := self.current) is not None:
            self._edit(article)

    @background()
    async def _edit(self, article: Article) -> None:
        from functools import partial

        from ...usecases.articles import save_article
        from ..screens.modal import Saving

        base = article if article.id is not None else None
        form = ArticleForm(article).saves_with(Saving(partial(save_article, self.store), base))
        saved = await self.app.push_screen_wait(form)
        if saved is None:
            return
        self.show(self.contact_id, keep_id=saved.id)
        self.focus()

    def action_toggle_read(self) -> None:
        if (article := self.current) is None or article.id is None:
            return
        is_read = toggle_read(self.store, article.id)
        self.show(self.contact_id, keep_id=article.id)
        self.notify(f"{'Read' if is_read else 'Unread'}: {one_line(article.title)}", markup=False)

    def action_delete_article(self) -> None:
        article = self.current
        if article is None or article.id is None:
            return
        article_id = article.id

        def answered(yes: bool | None) -> None:
            if yes:
                delete_article(self.store, article_id)
                self.show(self.contact_id)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete the article “{one_line(article.title)}”?", confirm_label="Delete"
            ),
            answered,
        )


class ResearchPane(VerticalScroll):
    """Everything researched about the highlighted contact; all of it saves itself."""

    DEFAULT_CSS = """
    ResearchPane { padding: 0 1; }
    ResearchPane .research-label {
        color: $text-muted; text-style: bold; margin-top: 1; width: 1fr; height: auto;
    }
    ResearchPane .research-label.-first { margin-top: 0; }
    ResearchPane #note-contact { height: 10; }
    ResearchPane #note-goals { height: 5; }
    ResearchPane #note-organization { height: 8; }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.contact: Contact | None = None
        self.organization_id: int | None = None
        self.active = False
        """Whether the Research tab is showing; while hidden, loading waits (cheap scrolling)."""
        self._stale = True

    def compose(self) -> ComposeResult:
        yield Label("About them", id="label-contact", classes="research-label -first")
        yield NoteEditor(
            placeholder="Background, career path, what they work on (Markdown)",
            id="note-contact",
        )
        yield Label("My goals: what I want to learn from them, why them", classes="research-label")
        yield NoteEditor(placeholder="My goals for this conversation", id="note-goals")
        yield Label("Organization", id="label-organization", classes="research-label")
        yield NoteEditor(
            placeholder="What the organization does, news, people (Markdown)",
            id="note-organization",
        )
        yield Label("Articles, papers, links", classes="research-label")
        yield ArticleList(self.store, id="articles")

    def editor(self, which: str) -> NoteEditor:
        """``contact``, ``goals`` or ``organization``."""
        return self.query_one(f"#note-{which}", NoteEditor)

    def show(self, contact: Contact | None) -> None:
        """Make *contact* the subject; loads at once if the tab is showing, else on activate."""
        self.contact = contact
        if self.active:
            self._load(contact)
        else:
            for editor in self.query(NoteEditor):
                editor.save_now()
            self._stale = True

    def activate(self) -> None:
        self.active = True
        if self._stale:
            self._load(self.contact)

    def deactivate(self) -> None:
        self.active = False

    def _load(self, contact: Contact | None) -> None:
        self._stale = False
        notes = self.store.notes
        contact_id = contact.id if contact else None
        org_id = self.store.organizations.find(contact.organization) if contact else None
        self.organization_id = org_id
        if contact_id is None:
            self.editor("contact").load("", None)
            self.editor("goals").load("", None)
        else:
            self.editor("contact").load(
                notes.research(contact_id),
                partial(save_note, self.store, research_on(contact_id)),
            )
            self.editor("goals").load(
                notes.self_assessment(contact_id),
                partial(save_note, self.store, goals_for(contact_id)),
            )
        if org_id is None:
            self.editor("organization").load("", None)
        else:
            self.editor("organization").load(
                notes.organization_research(org_id),
                partial(save_note, self.store, organization_research(org_id)),
            )
        name = one_line(contact.name) if contact else ""
        self.query_one("#label-contact", Label).update(
            escape(f"About {name}") if contact else "About them"
        )
        org_label = (
            escape(f"Organization: {one_line(contact.organization)}")
            if org_id is not None and contact
            else "Organization (none set: add one in the contact form)"
        )
        self.query_one("#label-organization", Label).update(org_label)
        self.query_one(ArticleList).show(contact_id)
