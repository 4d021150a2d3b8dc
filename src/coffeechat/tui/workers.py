"""Background work with one failure policy: a one-line notification, and the app stays up.

Textual's ``@work`` ends the whole app when a worker raises (``exit_on_error``). A
failed re-read or export is not worth the user's open call screen: ``background``
is ``@work`` with that turned off and every unexpected exception turned into an
error notification instead (markup off: the message may quote user data). Errors a
worker expects, such as a file that cannot be imported, it still handles itself.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from textual import work
from textual.app import App
from textual.worker import Worker

Method = Callable[..., Any]
Started = Callable[..., Worker[Any]]
"""Calling a decorated method starts the worker and returns it (as ``@work`` does)."""


def report_failure(app: App[Any], error: BaseException) -> None:
    """Tell the user, in one line, that background work failed. Safe from any thread
    (``notify`` posts a message, and posting is thread-safe)."""
    detail = " ".join(str(error).split()) or type(error).__name__
    app.log.error(f"background work failed: {error!r}")
    app.notify(
        f"Something went wrong in the background: {detail}",
        title="Not done",
        severity="error",
        timeout=10,
        markup=False,
    )


def background(
    *, thread: bool = False, exclusive: bool = False, group: str = "default"
) -> Callable[[Method], Started]:
    """``@work(...)`` for a method of a widget or screen, with the app's failure policy."""

    def decorate(method: Method) -> Started:
        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
                try:
                    return await method(self, *args, **kwargs)
                except Exception as error:  # the policy: report it, keep the app up
                    report_failure(self.app, error)
                    return None

        else:

            @functools.wraps(method)
            def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
                try:
                    return method(self, *args, **kwargs)
                except Exception as error:  # the policy: report it, keep the app up
                    report_failure(self.app, error)
                    return None

        started: Started = work(
            guarded, thread=thread, exclusive=exclusive, group=group, exit_on_error=False
        )
        return started

    return decorate
