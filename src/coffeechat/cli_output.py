"""Everything the command line prints goes through here, made safe for a terminal.

File names, imported names, vdir keys, keymap and config values all reach the
command line's messages; any of them may hold ``ESC ]0;…`` (retitles the terminal),
``ESC ]52;…`` (writes the clipboard), ``ESC [2J`` (clears it) or another control
character. Each message is passed through :func:`domain.text.visible`, the same rule
the interface uses for inert text, so such a character arrives as a visible symbol
(ESC as ␛) and is never obeyed.

An export written to standard output is data, not a message: it goes out byte for
byte into a pipe or a file, and through the same rule only when standard output is a
terminal (where the bytes would be obeyed).
"""

from __future__ import annotations

import errno
import io
import os
import sys

import click

from .domain.text import visible


def say(text: str, *, err: bool = False) -> None:
    """Print one message (a newline is added) to standard output, or to standard
    error with *err*; control characters are shown, never sent."""
    click.echo(visible(text), err=err)


def show_error(error: click.ClickException) -> None:
    """Click's own rendering of *error* (usage line, "Error: …"), sanitised: a usage
    error quotes the argument as typed, which may hold escape sequences."""
    rendered = io.StringIO()
    error.show(file=rendered)
    click.echo(visible(rendered.getvalue()), err=True, nl=False)


def write_stdout(text: str, *, data: bool) -> None:
    """Write *text* to standard output, or fail with one line (a full disk, a closed
    pipe): never a traceback, nor a second complaint when Python exits. *data* (an
    export) goes out exact unless standard output is a terminal; a report (the
    agenda) is always made inert."""
    shown = visible(text) if not data or _is_terminal(sys.stdout) else text
    try:
        sys.stdout.write(shown)
        sys.stdout.flush()
    except OSError as error:
        _drop_stdout()
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
        raise click.ClickException(f"cannot write to standard output: {reason}") from None


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so what is still buffered goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
