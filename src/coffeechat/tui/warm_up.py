"""What the screens behind the keys need, loaded while the app waits for the first key.

The modules of the contact form (`n`), the interview plan (`i`), the draft editor
(`d`), the call screen (`c`) and the outcome form (`ctrl+e`) are imported when a key
first opens them, so that start-up does not pay for them; nor do the libraries they
reach for on first use (``holidays`` for business days, ``nameparser`` for greetings).
Paid at the key, that was 10 to 30 ms of each screen's first opening, on top of the
screen itself. Once every row of the list is read and shown and the app has nothing to
do, a thread imports them, and then, on the app's thread, the default CSS of the screens
and their widgets is added to the stylesheet and parsed (which Textual does when the
first widget of a class is mounted): the first opening then costs what every later one
does.

Importing has no effect a user can see (the modules define classes and constants), so
nothing waits for this: a key pressed before it is done imports what it needs itself,
as before, and Python's import locks keep the two from importing a module twice.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import threading
from typing import TYPE_CHECKING, Any

from .textual_compat import add_default_css

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

AFTER_START = 0.5
"""Seconds after the detail tabs are mounted: the first frames and the list's rows
come first."""

MODULES = (
    "coffeechat.tui.screens.contact_form",
    "coffeechat.tui.screens.plan_interview",
    "coffeechat.tui.screens.draft_editor",
    "coffeechat.tui.screens.draft_mail",
    "coffeechat.tui.screens.call",
    "coffeechat.tui.screens.outcome_form",
    "coffeechat.tui.outcome_opening",
    "coffeechat.usecases.calls",
    "coffeechat.usecases.contacts",
    "coffeechat.usecases.question_bank",
    "coffeechat.domain.purposes",
    "holidays",
    "nameparser",
)
"""Imported in this order; the first ones are the ones most often opened first."""

WHOLE_PACKAGES = ("coffeechat.store",)
"""Every module of these too: the store imports each table's module on its first use
(ending a call reached for the follow-ups' one)."""


def load() -> None:
    """Import :data:`MODULES` and fill the caches they build on first use. A module
    that fails to import is left to fail where it is used."""
    for name in (*MODULES, *_modules_of(WHOLE_PACKAGES)):
        try:
            importlib.import_module(name)
        except Exception:  # reported where the module is used, as it would have been
            continue
    from ..domain.names import parse_name

    with contextlib.suppress(Exception):  # the letter that needs it reports it
        parse_name("Dr. Ada King Lovelace")  # nameparser's constants, built once


def _modules_of(packages: tuple[str, ...]) -> list[str]:
    names = []
    for package in packages:
        path = importlib.import_module(package).__path__
        names += [f"{package}.{module.name}" for module in pkgutil.iter_modules(path)]
    return names


def styled_classes() -> list[type[DOMNode]]:
    """The classes whose default CSS the five screens add to the app's stylesheet when
    they first open (bases included through their subclasses)."""
    from textual.widgets import Button, Select
    from textual.widgets._select import SelectCurrent

    from .screens.call import CallScreen
    from .screens.contact_form import ContactForm
    from .screens.draft_editor import DraftEditor
    from .screens.outcome_form import OutcomeForm
    from .screens.plan_interview import PlanInterview
    from .widgets.call_notes import NoteLog
    from .widgets.call_side import CallSide
    from .widgets.checklist import Checklist
    from .widgets.form import FormField

    return [
        ContactForm,
        PlanInterview,
        DraftEditor,
        CallScreen,
        OutcomeForm,
        FormField,
        Select,
        SelectCurrent,
        Button,
        Checklist,
        CallSide,
        NoteLog,
    ]


def _style(app: App[Any]) -> None:
    """On the app's thread, idle: their CSS parsed once, not at each screen's first
    frame (5-10 ms of it), and undo's triggers made (c and ctrl+e record a change)."""
    with contextlib.suppress(Exception):  # parsed when the screen opens, as before
        add_default_css(app, styled_classes())
    store = getattr(app, "store", None)
    if store is not None:
        from ..usecases import undo

        with contextlib.suppress(Exception):  # made by the first change, as before
            undo.prepare(store)


def _load_then_style(app: App[Any]) -> None:
    load()
    with contextlib.suppress(Exception):  # the app closed meanwhile
        app.call_from_thread(_style, app)


def start(app: App[Any]) -> None:
    """Load in a daemon thread, :data:`AFTER_START` seconds from now (a quitting app
    does not wait for it)."""

    def go() -> None:
        threading.Thread(target=_load_then_style, args=(app,), name="warm-up", daemon=True).start()

    app.set_timer(AFTER_START, go, name="warm-up")
