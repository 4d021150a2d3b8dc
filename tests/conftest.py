"""Shared fixtures: every test runs against its own folders and database."""

from __future__ import annotations

import gc
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from coffeechat.demo import fill_demo
from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.store import Store, db
from coffeechat.tui.textual_compat import parse_stylesheets_once
from tests.notices import Notice, record_notices
from tests.one_boundary import Boundary
from tests.rows_by_name import connect_named_only

FROZEN_NOW = datetime(2026, 3, 16, 10, 30)  # a Monday


def pytest_configure(config: pytest.Config) -> None:
    """Young collections every 20,000 allocations, not 700: each Pilot test builds and
    drops an app of thousands of objects, and at the interpreter's default the cycle
    collector ran thousands of times a file, the older generations with it, for about
    a seventh of the suite's CPU (a third of that at this rate). The app's own rule for
    full collections (tui/long_lived.py) works from whatever young threshold it finds."""
    gc.set_threshold(20_000, *gc.get_threshold()[1:])


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder at tmp_path so no test touches real data."""
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("COFFEECHAT_DB", str(tmp_path / "data" / "coffeechat.db"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Their local time and calendar times depend on the machine's zone: pin it.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    return home


@pytest.fixture(autouse=True)
def rows_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store connection of the suite refuses a positional read by the store."""
    monkeypatch.setattr(db, "connect", connect_named_only(db.connect))


@pytest.fixture(autouse=True)
def one_boundary(rows_by_name: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Boundary]:
    """The interface writes only through use cases: a test whose screens wrote to the
    store by themselves fails, naming the line (see tests/one_boundary.py)."""
    boundary = Boundary()
    monkeypatch.setattr(db, "connect", boundary.watching(db.connect))
    yield boundary
    stray = boundary.take()
    if stray:
        pytest.fail(Boundary.report(stray), pytrace=False)


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[Notice]:
    """Every notification the app shows during the test (see tests/notices.py)."""
    return record_notices(monkeypatch)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "coffeechat.db"


_TEMPLATES: dict[str, Path] = {}
"""Database files built once per test process, copied for each test that wants one."""


def _from_template(
    name: str, fill: Callable[[Store], object], target: Path, folder: pytest.TempPathFactory
) -> Store:
    """*target* as a copy of the file *fill* makes from a new database, opened.

    Built at the first test that asks (so under that test's settings: its time zone,
    its guard on reads by position), then copied: a file copy costs a fraction of
    creating the schema, or of adding the demo's contacts, letters and calls again."""
    template = _TEMPLATES.get(name)
    if template is None:
        template = folder.mktemp(f"template-{name}") / "coffeechat.db"
        built = Store.open(template)
        fill(built)
        built.close()  # checkpointed: the one file holds everything
        _TEMPLATES[name] = template
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    target.chmod(0o600)  # as the app creates its file
    return Store.open(target)


@pytest.fixture
def store(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A new, empty database (the schema only)."""
    opened = _from_template("empty", lambda _store: None, db_path, tmp_path_factory)
    yield opened
    opened.close()


def open_demo_copy(target: Path, folder: pytest.TempPathFactory) -> Store:
    """A database at *target* holding the demo's sample set dated around FROZEN_NOW, as
    ``fill_demo(store, FROZEN_NOW)`` on a new one leaves it, opened."""
    return _from_template("demo", lambda new: fill_demo(new, FROZEN_NOW), target, folder)


@pytest.fixture
def demo_store(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The ``store`` with the demo's sample set in it (see ``open_demo_copy``)."""
    opened = open_demo_copy(db_path, tmp_path_factory)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(frozen_at=FROZEN_NOW)


SAMPLE_CONTACTS = (
    Contact(
        name="Maria Okafor",
        title="Director of Translational Science",
        organization="Northbridge Biologics",
        email="maria@example.org",
        status=Status.LETTER_SENT,
        next_action="Follow up by phone",
        next_action_date="2026-03-12",
        tags="biotech, alumni",
        how_found="alumni list",
    ),
    Contact(
        name="Tom Lindqvist",
        title="Patient Advocacy Lead",
        organization="Harbor Health, Inc.",
        email="tom.lindqvist@example.org",
        status=Status.SCHEDULED,
        next_action="Call",
        next_action_date="2026-03-18",
        tags="patients",
    ),
    Contact(
        name="Priya Raman",
        title="Science Writer",
        organization="Independent",
        status=Status.TO_CONTACT,
        tags="writing",
    ),
    Contact(
        name="[bold red]Not bold[/] \x1b[31mEsc",
        title="Hostile text",
        organization="Markup & Co",
        status=Status.INTERVIEWED,
    ),
    Contact(
        name="李小龍 🐉 Émile",
        title="Research Scientist",
        organization="Lumen Labs",
        status=Status.KEEP_IN_TOUCH,
        next_action_date="2026-04-01",
    ),
)


def seed(store: Store) -> list[Contact]:
    return [store.contacts.add(contact) for contact in SAMPLE_CONTACTS]


def make_app(store: Store, clock: Clock, theme: str = "textual-dark", *, welcome: bool = False):
    """The app as tests see it: frozen clock, fixed theme, no first-run welcome
    (its own tests ask for it)."""
    from coffeechat.tui.app import CoffeechatApp

    app = CoffeechatApp(store, clock=clock, theme=theme, welcome=welcome)
    app.db_label = "coffeechat.db"  # tmp paths differ between runs
    # Each stylesheet text parsed once per test process, not once per app (about a
    # fifth of an app's start; see textual_compat).
    parse_stylesheets_once(app)
    return app


def open_as_made_before(monkeypatch: pytest.MonkeyPatch, migration) -> None:
    """Make ``Store.open`` stop before *migration* (a file an older version wrote), with
    the contact store reading and writing only the columns such a file has. Undo with
    ``monkeypatch.undo()``."""
    from coffeechat.store import contacts as contacts_module
    from coffeechat.store import db as db_module
    from coffeechat.store.schema import MIGRATIONS
    from coffeechat.store.schema_list_order import add_sort_name
    from coffeechat.store.schema_tables import add_greeting

    before = MIGRATIONS[: MIGRATIONS.index(migration)]
    monkeypatch.setattr(db_module, "MIGRATIONS", before)
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", len(before))
    if add_greeting not in before:
        select = contacts_module._SELECT.replace(", c.greeting", ", '' AS greeting")
        writable = tuple(c for c in contacts_module._WRITABLE if c != "greeting")
        monkeypatch.setattr(contacts_module, "_SELECT", select)
        monkeypatch.setattr(contacts_module, "_WRITABLE", writable)
    if add_sort_name not in before:
        values = contacts_module._values
        monkeypatch.setattr(
            contacts_module,
            "_values",
            lambda contact: {k: v for k, v in values(contact).items() if k != "sort_name"},
        )
