"""What the screens need of the app, as a type they can import.

The app module imports the main screen (and so, through it, nearly every screen); a
screen that annotated ``app: CoffeechatApp`` imported the app module back, if only for
the type checker. Screens annotate ``app: AppHost`` instead: Textual's ``App`` and the
few services of coffeechat's own they use. ``CoffeechatApp`` is its one implementation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:
    from ..domain.clock import Clock
    from ..models_activity import SearchHit
    from ..store import Store
    from ..usecases.undo import Undo


class AppHost(App[None]):
    store: Store
    """The open database."""
    clock: Clock
    """Today and now, as the app sees them (frozen in tests)."""
    last_undo: Undo | None = None
    """What the undo key reverses: the last change a key made."""
    db_label: str = ""
    """The database's path as the header shows it (home as ``~``)."""
    show_welcome: bool = True
    """Whether an empty database opens on the welcome (tests turn it off)."""

    def open_outcome(self, interview_id: int, hit: SearchHit | None = None) -> None:
        """Open the outcome form of a call (showing what a search *hit* found in it)."""
        raise NotImplementedError

    def offer_undo(self, message: str, undo: Undo) -> None:
        """Say what a key just changed, and keep how to undo it."""
        raise NotImplementedError

    def discard_call(self, interview_id: int) -> bool:
        """Remove a call started by mistake in this session; whether it was discarded."""
        raise NotImplementedError
