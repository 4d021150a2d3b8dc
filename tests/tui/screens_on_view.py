"""Every screen and dialog of the app, opened on the demo data, and what a user sees of it.

``OPENERS`` opens each one the way the app does (its action) where there is one, else
builds it with what the action would pass. ``screen_lines`` reads the terminal's text
back from the screenshot the app exports, so checks look at what is drawn, not at what
a widget holds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from typing import Any

from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from coffeechat.models import Status
from coffeechat.store import Store
from coffeechat.tui.widgets.footer import CalmFooter
from tests.interface_classes import interface_classes
from tests.waiting import wait_until

Opener = Callable[[Any, Store], Awaitable[None] | None]


def _push(build: Callable[[Any, Store], Screen]) -> Opener:
    def opener(app, store: Store) -> None:
        app.push_screen(build(app, store))

    return opener


def _main(action: str) -> Opener:
    def opener(app, store: Store) -> None:
        getattr(app.screen, f"action_{action}")()

    return opener


def _app(action: str) -> Opener:
    def opener(app, store: Store) -> None:
        getattr(app, f"action_{action}")()

    return opener


def _contact(store: Store, name: str):
    return next(c for c in store.contacts.all() if c.name == name)


def _article(store: Store):
    return next(a for c in store.contacts.all() for a in store.articles.for_contact(c.id))


def _contact_form(app, store):
    from coffeechat.tui.screens.contact_form import ContactForm

    return ContactForm(None, organizations=store.organizations.names())


def _date_prompt(app, store):
    from coffeechat.tui.screens.agenda import DatePrompt

    return DatePrompt("2026-03-20")


def _article_form(app, store):
    from coffeechat.tui.screens.article_form import ArticleForm

    return ArticleForm(_article(store))


def _rate_employer(app, store):
    from coffeechat.tui.screens.employers import RateEmployer

    return RateEmployer(store.organizations.all()[0], derived=True)


def _question_form(app, store):
    from coffeechat.tui.screens.question_bank import QuestionForm

    return QuestionForm(None, "Trends", ["Trends", "Insights", "Advice"])


def _reply_form(app, store):
    from coffeechat.tui.screens.reply_form import ReplyForm

    return ReplyForm("Maria Okafor")


def _search(app, store):
    from coffeechat.tui.screens.research_screens import SearchScreen

    return SearchScreen(store, "lab")


def _confirm(app, store):
    from coffeechat.tui.screens.confirm import ConfirmScreen

    return ConfirmScreen(
        "Delete Maria Okafor and everything about them (notes, calls, letters)?",
        confirm_label="Delete",
    )


def _edit_conflict(app, store):
    from coffeechat.tui.screens.modal import EditConflictScreen

    return EditConflictScreen(
        [("Title", "Principal Engineer", "Director of Translational Science")]
    )


def _welcome(app, store):
    from coffeechat.tui.screens.welcome import WelcomeScreen

    return WelcomeScreen("~/.local/share/coffeechat/coffeechat.db")


def _duplicates(app, store):
    from coffeechat.tui.screens.merge import DuplicateList

    return DuplicateList(store)


def _merge_confirm(app, store):
    from coffeechat.tui.screens.merge import MergeConfirm

    return MergeConfirm(store, _contact(store, "Maria Okafor").id, _contact(store, "Ben Adler").id)


def _status_picker(app, store):
    from coffeechat.tui.screens.status_picker import StatusPicker

    return StatusPicker(Status.LETTER_SENT, "Maria Okafor")


def _outcome(app, store: Store) -> None:
    hannah = _contact(store, "Hannah Berg")
    app.open_outcome(store.interviews.for_contact(hannah.id)[0].id)


def _advice(app, store: Store) -> None:
    yusuf = _contact(store, "Yusuf Demir")
    app.screen.looking_back.open_advice(store.interviews.for_contact(yusuf.id)[0].id)


def _export(app, store):
    from coffeechat.tui.screens.transfer import TransferScreen

    return TransferScreen("export", store)


DIALOGS: dict[str, Opener] = {
    "DatePrompt": _push(_date_prompt),
    "ArticleForm": _push(_article_form),
    "ContactForm": _push(_contact_form),
    "RateEmployer": _push(_rate_employer),
    "TextPrompt": _main("holiday_country"),
    "QuestionForm": _push(_question_form),
    "ProfileForm": _app("edit_profile"),
    "ReplyForm": _push(_reply_form),
    "SyncFolderForm": _app("sync_folder"),
    "BriefScreen": _main("brief"),
    "NoteScreen": _main("my_story"),
    "SearchScreen": _push(_search),
    "ConfirmScreen": _push(_confirm),
    "EditConflictScreen": _push(_edit_conflict),
    "HelpScreen": _app("help"),
    "WelcomeScreen": _push(_welcome),
    "MergePicker": _main("merge_contacts"),
    "DuplicateList": _push(_duplicates),
    "MergeConfirm": _push(_merge_confirm),
    "OutcomeForm": _outcome,
    "QuestionBankScreen": _app("question_bank"),
    "PlanInterview": _main("plan_interview"),
    "StatusPicker": _push(_status_picker),
    "TransferScreen": _push(_export),
    "AdviceScreen": _advice,
}
"""Each dialog by class name: how to open it from the main screen."""

SCREENS: dict[str, Opener] = {
    "MainScreen": lambda app, store: None,
    "AgendaScreen": _main("agenda"),
    "CallScreen": _main("start_call"),
    "DraftEditor": _main("draft_email"),
    "EmployersScreen": _main("target_employers"),
    "ReferralTreeScreen": _main("referral_tree"),
    "StatsScreen": _main("stats"),
    "SyncLogScreen": _app("sync_log"),
}
"""Each full screen by class name."""


NO_TEXT_FIELD = {
    "AdviceScreen",
    "AgendaScreen",
    "BriefScreen",
    "ConfirmScreen",
    "DuplicateList",
    "EditConflictScreen",
    "EmployersScreen",
    "HelpScreen",
    "MergeConfirm",
    "ReferralTreeScreen",
    "ReplyForm",
    "StatsScreen",
    "SyncLogScreen",
    "StatusPicker",
    "WelcomeScreen",
}
"""Screens and dialogs with nothing to type into (checked: one that gains a field is
walked by the keys walk, tests/tui/test_keys_walk.py; the fit walk checks the
others have none)."""


def text_fields(screen: Screen) -> list[Widget]:
    """The text fields on *screen* a user reaches with tab, in tab order."""
    return [w for w in screen.focus_chain if isinstance(w, Input | TextArea)]


def app_modal_classes() -> dict[str, type]:
    """Every ModalScreen subclass the app defines, by name (abstract bases left out)."""
    return {
        cls.__name__: cls
        for cls in interface_classes(ModalScreen)
        if cls.__name__ not in ("Modal", "FormModal")
    }


async def open_on(pilot, store: Store, name: str) -> Screen:
    """Open screen or dialog *name* over the main screen; return it once it is shown."""
    app = pilot.app
    opener = DIALOGS.get(name) or SCREENS[name]
    result = opener(app, store)
    if result is not None:
        await result
    await wait_until(lambda: type(app.screen).__name__ == name, what=f"{name} on top")
    await app.workers.wait_for_complete()
    await wait_until(lambda: bool(app.screen.query(CalmFooter)), what=f"{name}'s footer")
    await pilot.pause()
    await pilot.pause()
    return app.screen


_X = re.compile(r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]*?line-(\d+)\)"[^>]*>([^<]*)<')


def screen_lines(app) -> list[str]:
    """The terminal's text, line by line, as drawn (read from the exported SVG)."""
    svg = app.export_screenshot()
    width, height = app.size
    lines = [[" "] * width for _ in range(height)]
    for x, line, text in _X.findall(svg):
        column = round(float(x) / 12.2)
        row = int(line)
        if row >= height:
            continue
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if column + offset < width:
                lines[row][column + offset] = char
    return ["".join(line).rstrip() for line in lines]


def footer_line(app) -> str:
    return screen_lines(app)[-1]


def _widget_at(screen: Screen, x: int, y: int):
    try:
        return screen.get_widget_at(x, y)[0]
    except Exception:  # outside the screen
        return None


def visible_texts(screen: Screen) -> list[tuple[Static, str]]:
    """Every Static and Label wholly in view on *screen*, with its plain text."""
    found = []
    height = screen.size.height
    for widget in screen.query(Static):
        region = widget.region
        if not widget.display or not region.area or region.bottom > height:
            continue
        corners = ((region.x, region.y), (region.right - 1, region.bottom - 1))
        if any(_widget_at(screen, x, y) is not widget for x, y in corners):
            continue  # scrolled out of view, or under a dialog
        if not isinstance(widget, Label | Static) or type(widget).__name__ in ("Tab",):
            continue
        plain = getattr(widget.visual, "plain", None)
        if isinstance(plain, str) and plain.strip():
            found.append((widget, plain))
    return found


def drawn_text(widget: Widget) -> str:
    """*widget*'s lines as drawn, each stripped, joined by spaces (so wrapped words read
    as one sentence again)."""
    lines = widget.render_lines(widget.content_region.reset_offset)
    return " ".join(strip.text.strip() for strip in lines)
