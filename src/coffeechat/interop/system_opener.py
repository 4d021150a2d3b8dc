"""Hand a URL (a ``mailto:`` link) to the desktop's opener: ``xdg-open``, or ``open``
on macOS. It starts in its own session with no terminal, so a mail client it starts
neither draws over the app nor ends with it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading


class OpenerError(OSError):
    """The URL could not be handed over; one line."""


def opener() -> str | None:
    """The system opener's path, or None. (On Linux ``open`` is often another program
    altogether, so only ``xdg-open`` is used there.)"""
    return shutil.which("open" if sys.platform == "darwin" else "xdg-open")


def open_url(url: str) -> None:
    command = opener()
    if command is None:
        name = "open" if sys.platform == "darwin" else "xdg-open"
        raise OpenerError(f"no system opener ({name}) found; copy the draft instead")
    try:
        process = subprocess.Popen(
            [command, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        raise OpenerError(f"cannot start {command}: {error.strerror or error}") from None
    # Reaped in the background: the opener may wait for the client it started.
    threading.Thread(target=process.wait, daemon=True).start()
