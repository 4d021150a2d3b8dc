"""Asked when a save meets a field another window changed differently meanwhile.

Lists each such field with both values (shown literally) and lets the user keep
theirs or take the other window's; every other change of both windows is kept either
way (see usecases/revisions.py). `escape` goes back to the form, nothing saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ...domain.text import one_line, visible
from .modal import Modal

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"


def _shown(value: object, limit: int = 60) -> str:
    text = one_line(str(value if value is not None else ""))
    return visible(text if len(text) <= limit else text[: limit - 1] + "…") or "(empty)"


class EditConflictScreen(Modal[str | None]):
    """m keeps mine, t takes theirs, escape goes back to editing."""

    BINDINGS = [
        Binding("m", "answer('mine')", "Keep mine"),
        Binding("t", "answer('theirs')", "Take theirs"),
        Binding("escape", "answer(None)", "Back to the form"),
    ]
    DEFAULT_CSS = """
    EditConflictScreen > Vertical {
        width: 80; max-width: 100%; height: auto; border: thick $warning;
        background: $panel; padding: 1 2;
    }
    EditConflictScreen .conflict-field { margin-top: 1; }
    EditConflictScreen .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    EditConflictScreen .buttons Button { margin-left: 2; }
    """

    def __init__(self, rows: Sequence[tuple[str, object, object]]) -> None:
        """*rows*: (field label, my value, the other window's value)."""
        super().__init__()
        self.rows = tuple(rows)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Saved in another window meanwhile; both changed these fields. "
                "Everything else from both windows is kept.",
                markup=False,
            )
            for label, mine, theirs in self.rows:
                yield Static(
                    f"{label}\n  mine:   {_shown(mine)}\n  theirs: {_shown(theirs)}",
                    classes="conflict-field",
                    markup=False,
                )
            with Horizontal(classes="buttons"):
                yield Button("Keep mine (m)", variant="primary", id=KEEP_MINE, compact=True)
                yield Button("Take theirs (t)", id=TAKE_THEIRS, compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{KEEP_MINE}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
