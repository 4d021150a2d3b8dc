"""What the main screen's action groups need of the screen that holds them.

Each group (research, looking back, the method, merging) is an object MainScreen makes
and keeps, handed the screen as a ``ContactsView``: the type checker holds MainScreen to
this protocol where it makes them, and a group reaches nothing else of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ...models import Contact
    from ...store import Store
    from ..app_host import AppHost
    from ..widgets.contact_pane import ContactPane
    from ..widgets.detail_tabs import DetailTabs


class ContactsView(Protocol):
    store: Store
    contact: Contact | None
    """The highlighted contact, fully loaded."""
    show_archived: bool
    detail: DetailTabs

    @property
    def app(self) -> AppHost: ...

    @property
    def pane(self) -> ContactPane: ...

    def reload(self, keep_id: int | None = None) -> None:
        """Show a write at once (*keep_id*'s row), then re-read the whole list."""

    def select_contact(self, contact_id: int) -> None:
        """Highlight *contact_id* in the list, clearing a filter or archive that hides it."""
