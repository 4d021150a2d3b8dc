"""The ``coffeechat`` command: the app at once when there is nothing to parse.

``coffeechat`` alone or with ``--db FILE`` is how the app is started many times a day,
and the command line's parser (click, and every command defined with it) was about
a tenth of what was loaded before the list's first row. Anything else, and a file
that cannot be opened, goes through the full command line (``__main__``), which says
what is wrong as it always has.
"""

from __future__ import annotations

import sys

from .tui.long_lived import hold_collections, resume_collections


def main() -> None:
    database = plain_start(sys.argv[1:])
    if database is None or not _run_app(database):
        resume_collections()
        from .__main__ import main as command_line

        command_line()


def plain_start(args: list[str]) -> str | None:
    """The ``--db`` value of a plain start ("" for none), or None if *args* ask for
    more than the app on a file (a command, an option, a value that looks like one)."""
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--db":
        value = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        value = args[0].removeprefix("--db=")
    else:
        return None
    return value if value and not value.startswith("-") else None


def _run_app(database: str) -> bool:
    """Run the app on *database*; False if the file could not be opened."""
    # Until the first frame, no cycle collections (the app resumes them then).
    hold_collections()
    from .paths import resolve_db_path
    from .store import Store

    try:
        store = Store.open(resolve_db_path(database or None))
    except Exception:  # the command line opens it again and says why it cannot
        return False
    try:
        from .tui.app import CoffeechatApp

        app = CoffeechatApp(store)
        app.run()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # as the command line: one line and a crash report
        from .cli_output import say
        from .crash import crash_line

        say(crash_line(error), err=True)
        sys.exit(1)
    finally:
        store.close()
    # The app ended on an error it printed (a damaged file): say so to the shell.
    sys.exit(app.return_code or 0)
