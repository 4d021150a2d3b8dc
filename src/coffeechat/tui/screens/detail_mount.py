"""The main screen's heavier detail tabs, mounted one frame after the contact list.

Research (three editors, an article list), Interviews and Timeline are not needed for
the first paint: the detail area starts with the Profile tab alone, and their tabs are
added once the list is on screen. An action that needs them and is pressed in that
frame is not dropped: it waits (``needs_detail``) until they are mounted. Textual runs
key actions one at a time on the app's message queue, so keys pressed after it wait
behind it and still act in the order they were pressed.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.containers import VerticalScroll
from textual.widget import MountError
from textual.widgets import TabbedContent, TabPane

from .main_host import MainScreenHost

if TYPE_CHECKING:
    from ...models import Contact

Action = TypeVar("Action", bound=Callable[..., Any])


class DetailMount(MainScreenHost):
    """Mixin for MainScreen: ``store``, ``contact`` and the detail ``TabbedContent``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.detail_mounted = asyncio.Event()
        """Set once the Research, Interviews and Timeline tabs have their widgets."""

    async def mount_detail(self) -> None:
        from ..widgets.looking_back import InterviewList, TimelineView
        from ..widgets.research import ResearchPane

        store = self.store
        detail = self.query_one(TabbedContent)
        timeline = VerticalScroll(TimelineView(id="timeline"), id="timeline-scroll", can_focus=True)
        try:
            await detail.add_pane(
                TabPane("Research", ResearchPane(store, id="research"), id="tab-research")
            )
            await detail.add_pane(
                TabPane("Interviews", InterviewList(store, id="interviews"), id="tab-interviews")
            )
            await detail.add_pane(TabPane("Timeline", timeline, id="tab-timeline"))
        except MountError:
            return  # the app is closing (quit right after the first frame): the tabs went
        if not self.query(ResearchPane):
            return  # the screen was left while the tabs were mounted
        self.detail_mounted.set()
        self.show_detail(self.contact)
        from .. import warm_up

        warm_up.start(self.app)

    def show_detail(self, contact: Contact | None) -> None:
        """Show *contact* in the lazily mounted tabs (nothing to do before they are)."""


def needs_detail(action: Action) -> Callable[..., Awaitable[Any]]:
    """Run *action* once the detail tabs are mounted (at once, after the first frame)."""

    @functools.wraps(action)
    async def when_mounted(self: DetailMount, *args: Any, **kwargs: Any) -> Any:
        await self.detail_mounted.wait()
        result = action(self, *args, **kwargs)
        if asyncio.iscoroutine(result):
            return await result
        return result

    return when_mounted
