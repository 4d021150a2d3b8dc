"""Which focused widgets take typed letters (so a letter key types instead of acting)."""

from datetime import date

from textual.widgets import Input, Static, TextArea

from coffeechat.tui.key_order import typing
from coffeechat.tui.widgets.contact_list import ContactList
from coffeechat.tui.widgets.safe_text import SafeInput
from coffeechat.tui.widgets.safe_text_area import SafeTextArea


def test_text_inputs_and_text_areas_take_letters() -> None:
    for widget in (Input(), SafeInput(), TextArea(), SafeTextArea()):
        assert typing(widget), type(widget).__name__


def test_other_widgets_and_no_focus_do_not() -> None:
    for widget in (Static(), ContactList(today=date(2026, 1, 5)), None):
        assert not typing(widget), type(widget).__name__


def test_a_text_area_subclass_defined_later_is_recognised() -> None:
    class Notes(TextArea):
        pass

    assert typing(Notes())
