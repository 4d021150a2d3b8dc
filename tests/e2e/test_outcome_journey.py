"""After a call: ctrl+e, an outcome with two referrals, both new contacts in the list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coffeechat.models import Contact
from coffeechat.store import Store
from tests.e2e.on_disk import rows
from tests.e2e.tmux import SCREEN_POLL, Terminal, base_env
from tests.waiting import wait_until_sync

pytestmark = pytest.mark.e2e


def _wait_for_new_referral_row(terminal: Terminal, timeout: float = 20.0) -> None:
    """Typing before the new row has the focus would land in the previous field."""
    # An empty field, then at most the scrollbar (any block element) at the edge.
    empty_name = re.compile(r"Name \*[\s\u2580-\u259f│]*$")
    wait_until_sync(
        lambda: any(empty_name.search(line.rstrip()) for line in terminal.screen().splitlines()),
        timeout=timeout,
        poll=SCREEN_POLL,
        what=lambda: f"no empty referral row appeared:\n{terminal.screen()}",
    )


def test_call_outcome_two_referrals_then_agenda(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "data" / "coffeechat.db"
    store = Store.open(db)
    store.contacts.add(Contact(name="Maria Okafor", organization="Northbridge Biologics"))
    store.close()
    terminal.start([], base_env(tmp_path, db))
    terminal.wait_for("Contacts 1/1")
    terminal.press("c")
    terminal.wait_for("Questions 0/")
    terminal.press("C-e")
    terminal.wait_for("Outcome of the call with Maria Okafor")
    terminal.press("Enter")  # open the outcome choices
    terminal.wait_for("dead end")
    terminal.press("Down", "Enter", "Tab")
    terminal.type("4")
    terminal.press("C-r")
    _wait_for_new_referral_row(terminal)
    terminal.type("Ada Park")
    terminal.press("Tab", "Tab")
    terminal.type("Nova Bio")
    terminal.wait_for("Nova Bio")
    terminal.press("C-r")
    _wait_for_new_referral_row(terminal)
    terminal.type("Ben Osei")
    terminal.press("Tab", "Tab", "Tab")
    terminal.type("ben@example.org")
    terminal.wait_for("ben@example.org")
    terminal.press("C-s")
    screen = terminal.wait_for("Contacts 3/3")
    assert "Ada Park" in screen and "Ben Osei" in screen
    terminal.press("a")
    terminal.wait_for("Thank-you notes owed (1)")
    # The outcome's notices (and its undo offer) may cover the line for a while.
    terminal.wait_for("Maria Okafor — Send a thank-you")
    terminal.press("C-q")
    assert terminal.exit_code() == 0

    referred = rows(
        db,
        "SELECT c.name, r.name, c.status FROM contacts c JOIN contacts r ON r.id = c.referred_by "
        "ORDER BY c.name",
    )
    assert referred == [
        ("Ada Park", "Maria Okafor", "to contact"),
        ("Ben Osei", "Maria Okafor", "to contact"),
    ]
    assert rows(db, "SELECT kind, confidence FROM outcomes") == [("referral offered", 4)]
