"""Wait for something to happen instead of sleeping a fixed time.

A fixed pause is either too short on a busy machine (a flaky test) or too long on an
idle one (a slow suite). ``wait_until`` polls a condition and returns as soon as it
holds; when it never does, the test fails with *what* it was waiting for.

Use the ``async`` form inside Pilot tests (the app keeps running between polls) and
``wait_until_sync`` in end-to-end tests that drive a real process.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

What = str | Callable[[], str] | None
"""What was awaited, for the failure message: text, or a function giving it then
(e.g. the terminal's screen at the moment the wait gave up)."""

T = TypeVar("T")

POLL = 0.02
"""Seconds between checks: short enough not to add to a test's time."""


async def wait_until(condition: Callable[[], T], *, timeout: float = 5.0, what: What = None) -> T:
    """Poll *condition* until it returns something true (returned), or fail after *timeout*."""
    deadline = time.monotonic() + timeout
    while not (result := _check(condition, deadline, timeout, what)):
        await asyncio.sleep(POLL)
    return result


def wait_until_sync(
    condition: Callable[[], T], *, timeout: float = 5.0, what: What = None, poll: float = POLL
) -> T:
    """The same for tests outside an event loop (a process in tmux, a file on disk)."""
    deadline = time.monotonic() + timeout
    while not (result := _check(condition, deadline, timeout, what)):
        time.sleep(poll)
    return result


def _check(condition: Callable[[], T], deadline: float, timeout: float, what: What) -> T:
    result = condition()
    if not result and time.monotonic() >= deadline:
        if callable(what):
            what = what()
        name = what or getattr(condition, "__qualname__", repr(condition))
        raise AssertionError(f"not within {timeout} s: {name}")
    return result
