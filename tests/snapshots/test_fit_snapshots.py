"""What fits at 80x24 and 120x40: long names, a dialog's own footer, the help screen."""

from __future__ import annotations

import pytest

from coffeechat.domain.clock import Clock
from coffeechat.models import Contact, Status
from coffeechat.store import Store
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.help import HelpScreen
from tests.conftest import make_app, seed
from tests.on_top import opened_by

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])

LONG_NAMES = (
    Contact(
        name="Maximilian Alexander von Humboldt-Hohenzollern",
        title="Principal Scientist, Translational Immuno-Oncology",
        organization="Bundesinstitut für Arzneimittel und Medizinprodukte",
        status=Status.LETTER_SENT,
        next_action_date="2026-03-17",
    ),
    Contact(
        name="Anna-Katharina Núñez-García de la Fuente",
        title="Head of Patient Partnerships",
        organization="European Organisation for Rare Diseases",
        status=Status.SCHEDULED,
        next_action_date="2026-03-18",
    ),
)


@SIZES
def test_list_with_long_names(
    snap_compare, store: Store, clock: Clock, size: tuple[int, int]
) -> None:
    """Long names end with … in the list; the detail tabs and the footer (f1 first) fit."""
    seed(store)
    for contact in LONG_NAMES:
        store.contacts.add(contact)
    assert snap_compare(make_app(store, clock), terminal_size=size)


def test_contact_form_footer(snap_compare, store: Store, clock: Clock) -> None:
    """The contact form at 80x24: its footer lists f1 Help, esc Cancel, ^s Save only."""
    seed(store)
    assert snap_compare(
        make_app(store, clock), terminal_size=(80, 24), run_before=opened_by(["n"], ContactForm)
    )


@SIZES
def test_help_screen(snap_compare, store: Store, clock: Clock, size: tuple[int, int]) -> None:
    """f1 on the contact list: its keys first, descriptions wrapped; esc Close below."""
    seed(store)
    assert snap_compare(
        make_app(store, clock), terminal_size=size, run_before=opened_by(["f1"], HelpScreen)
    )
