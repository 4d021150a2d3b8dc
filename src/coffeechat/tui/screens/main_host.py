"""What the main screen's action mixins use of the screen they are mixed into.

For the type checker only: at run time the mixins derive from ``object`` and find these
attributes on MainScreen, which defines every one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

    from textual.screen import Screen

    from ...models import Contact
    from ...store import Store
    from ..app_host import AppHost
    from ..widgets.contact_pane import ContactPane

    class MainScreenHost(Screen[None]):
        app: AppHost
        store: Store
        contact: Contact | None
        show_archived: bool
        found: tuple[int, str] | None
        detail_mounted: asyncio.Event

        def show_detail(self, contact: Contact | None) -> None: ...

        @property
        def pane(self) -> ContactPane: ...

        def reload(self, keep_id: int | None = None) -> None: ...

else:
    MainScreenHost = object
