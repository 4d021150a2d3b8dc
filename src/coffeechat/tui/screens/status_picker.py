"""Pick a pipeline status from a short list (keyboard or mouse)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...models import PIPELINE, Status
from .modal import Modal


class StatusPicker(Modal[Status | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]
    DEFAULT_CSS = """
    StatusPicker > Vertical {
        width: 40; height: auto;
    }
    StatusPicker OptionList { height: auto; border: none; }
    """

    def __init__(self, current: Status, who: str) -> None:
        super().__init__()
        self.current = current
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Pipeline status", markup=False)
            yield OptionList(
                *(Option(str(status), id=str(status)) for status in PIPELINE),
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = PIPELINE.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(PIPELINE[event.option_index])  # the options are PIPELINE, in order
