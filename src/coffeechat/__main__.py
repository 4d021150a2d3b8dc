"""Command line: `coffeechat [--db PATH] [COMMAND]`; no command runs the TUI."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .cli_output import say, show_error, write_stdout
from .domain.text import visible
from .paths import resolve_db_path
from .safe_files import is_special
from .store import StorageFull, Store, StoreBusy, StoreError, backup_to
from .store.errors import DatabaseDamaged

STDOUT = "-"
LISTED = 20
"""Files written or removed that `sync` lists by name before it counts the rest."""
"""As a file name: standard output."""
EXPORT_FORMATS = ("json", "csv", "vcard", "markdown", "ics")


@contextmanager
def open_store(ctx: click.Context) -> Iterator[Store]:
    """The store for this invocation; a bad file becomes one line and exit code 1."""
    if ctx.obj.get("demo"):
        from .demo import demo_database
        from .domain.clock import Clock

        with demo_database(Clock().now()) as demo:
            yield demo
        return
    path = resolve_db_path(ctx.obj["db"])
    try:
        store = Store.open(path)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        yield store
    except StorageFull:
        raise click.ClickException(f"{path}: the disk is full; nothing was changed") from None
    except StoreBusy as error:
        raise click.ClickException(f"{path}: {error}; nothing was changed, try again") from None
    except DatabaseDamaged as error:
        raise click.ClickException(f"{path}: {error}") from None
    except sqlite3.DatabaseError as error:
        # A damaged page is only met when a query reads it, after the file was opened.
        raise click.ClickException(
            f"{path} is damaged ({error}); restore a backup or an export"
        ) from None
    finally:
        store.close()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file (default: $COFFEECHAT_DB, else coffeechat.db in the user data folder).",
)
@click.option(
    "--keys",
    "show_keys",
    is_flag=True,
    help="List every command and its keys (after keymap.toml), then exit.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Explore with sample data in a throwaway database (deleted when you quit).",
)
@click.version_option(__version__, "--version", prog_name="coffeechat")
@click.pass_context
def cli(ctx: click.Context, db: str | None, show_keys: bool, demo: bool) -> None:
    """coffeechat: research, reach out to and talk with the people in a field you care about."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["demo"] = demo
    if demo and db:
        raise click.UsageError("--demo uses its own throwaway database; leave out --db")
    if show_keys:
        print_keys()
        ctx.exit(0)
    if ctx.invoked_subcommand is None:
        run_tui(ctx)


def print_keys() -> None:
    from .tui.commands import COMMANDS
    from .tui.keymap import effective_keys, keymap_path, load_keymap

    keymap = load_keymap()
    keys = effective_keys(keymap)
    for problem in keymap.problems:
        say(f"warning: {problem}", err=True)
    say(f"{'command':24} {'keys':22} {'where':10} title")
    for command in COMMANDS:
        shown = keys[command.action] or "(palette)"
        say(f"{command.action:24} {shown:22} {command.scope:10} {command.title}")
    say(f'\nRebind in {keymap_path()} under [keys], e.g. new_contact = "N"')


@cli.command()
@click.option(
    "--days",
    default=7,
    show_default=True,
    type=click.IntRange(0, 3650),
    help="How many days ahead to show.",
)
@click.pass_context
def agenda(ctx: click.Context, days: int) -> None:
    """What is due: overdue, today, coming up, thank-you notes owed, calls scheduled."""
    from .domain.agenda import as_text
    from .domain.clock import Clock
    from .usecases.followups import agenda as agenda_for

    now = Clock().now()
    with open_store(ctx) as store:
        write_stdout(as_text(agenda_for(store, now, days)), data=False)


def run_tui(ctx: click.Context) -> None:
    # Textual is imported here, not at module level, so headless commands start fast.
    from .tui.app import CoffeechatApp

    with open_store(ctx) as store:
        app = CoffeechatApp(store)
        if ctx.obj.get("demo"):
            app.db_label = "demo data, deleted when you quit"
        app.run()
    if app.return_code:
        # The app ended on an error it printed (a damaged file): say so to the shell.
        ctx.exit(app.return_code)


def _progress_bar(label: str):
    """A click progress bar on stderr when it is a terminal, else a no-op callback."""
    if not sys.stderr.isatty():
        return None, None
    bar = click.progressbar(length=1, label=visible(label), file=sys.stderr)

    def update(done: int, total: int) -> None:
        bar.length = total
        bar.update(done - bar.pos)

    return bar, update


@cli.group("import")
def import_group() -> None:
    """Import contacts (LinkedIn, vCard, CSV) or restore a JSON backup."""


def _make_import(fmt: str, help_text: str) -> None:
    @import_group.command(fmt, help=help_text)
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.pass_context
    def command(ctx: click.Context, file: Path) -> None:
        from .interop.records import ImportFormatError
        from .usecases.exchange import import_file

        with open_store(ctx) as store:
            bar, update = _progress_bar(f"Importing {file.name}")
            try:
                report = import_file(store, fmt, file, update)
            except ImportFormatError as error:
                raise click.ClickException(str(error)) from None
            finally:
                if bar is not None:
                    bar.render_finish()
        say(f"{file}: {report.summary()}")


for _fmt, _help in (
    ("linkedin", "LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data)."),
    ("vcard", "One or many vCards (3.0 and 4.0), as phones and address books export them."),
    ("csv", "A CSV file with a header row (Name, Email, Organization, Title, URL, Notes...)."),
    ("json", "Restore a JSON backup written by `coffeechat export json`."),
):
    _make_import(_fmt, _help)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=(
        "Write to this file (created readable by you only); - or none: standard output. "
        "A device or a pipe is written to, not replaced."
    ),
)
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export as json (lossless backup), csv, vcard, markdown or ics."""
    from . import safe_files
    from .usecases.exchange import export_text

    with open_store(ctx) as store:
        text = export_text(store, fmt)
        if output is None or str(output) == STDOUT:
            write_stdout(text, data=True)
            return
        try:
            # While the store is open, so the writer knows which file not to touch.
            safe_files.write_file(output, text)
        except OSError as error:
            raise click.ClickException(str(error)) from None
    say(f"Wrote {output}", err=True)


@cli.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup_command(ctx: click.Context, file: Path) -> None:
    """A consistent copy of the database through SQLite's online backup (- for
    standard output, when it is not a terminal)."""
    to_stdout = str(file) == STDOUT
    if to_stdout:
        if sys.stdout.isatty():
            raise click.ClickException("standard output is a terminal: give a file, or redirect")
        sys.stdout.flush()
        file = Path(f"/dev/fd/{sys.stdout.fileno()}")
    with open_store(ctx) as store:
        try:
            backup_to(store.database, file)
        except OSError as error:
            raise click.ClickException(str(error)) from None
    # Beside the copy itself on standard output (or a pipe), the message goes apart.
    say(f"Backed up to {'standard output' if to_stdout else file}", err=is_special(file))


@cli.command("sync")
@click.option(
    "--vdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The vdir folder; default: `vdir` in config.toml.",
)
@click.option("--scope", default=None, help="all, active or tag:NAME; default: `sync_scope`.")
@click.option(
    "--verbose", "-v", is_flag=True, help=f"List every file written or removed (not only {LISTED})."
)
@click.pass_context
def sync_command(ctx: click.Context, vdir: Path | None, scope: str | None, verbose: bool) -> None:
    """Bring the vdir (for vdirsyncer, khard, khal, todoman) in step with the database."""
    from .domain.clock import Clock
    from .sync_config import ConfigError, config_path, load
    from .usecases.sync import sync

    try:
        config = load()
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    root = vdir or (Path(config.vdir).expanduser() if config.vdir else None)
    if root is None:
        raise click.ClickException(f"no vdir: pass --vdir DIR or set vdir in {config_path()}")
    with open_store(ctx) as store:
        report = sync(store, root, Clock().now(), scope or config.scope)
    # A first sync writes one file per contact: tens of thousands of lines would bury
    # what a person needs to read (what came in, the conflicts), so the list is cut.
    for label, keys in (("wrote", report.written), ("removed", report.removed)):
        shown = keys if verbose else keys[:LISTED]
        for key in shown:
            say(f"{label} {key}")
        if len(keys) > len(shown):
            say(f"and {len(keys) - len(shown)} more {label} (--verbose lists them)")
    for line in report.lines():
        say(line)
    say(report.counts())
    for line in report.problems:
        say(f"error: {line}", err=True)
    if report.problems:
        ctx.exit(1)


@cli.group("mail")
def mail_group() -> None:
    """Your local mail: letters you sent and replies you got (see [mail] in config.toml)."""


@mail_group.command("scan")
@click.pass_context
def mail_scan_command(ctx: click.Context) -> None:
    """Notice sent letters and replies in the mail that is new since the last scan."""
    from .domain.clock import Clock
    from .mail_config import load
    from .sync_config import ConfigError
    from .usecases.mail_scan import MailScanError, scan_mail

    try:
        config = load()
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    with open_store(ctx) as store:
        try:
            report = scan_mail(store, config, Clock().now())
        except MailScanError as error:
            raise click.ClickException(str(error)) from None
    click.echo(report.summary())


def main() -> None:
    """The console script: every message sanitised (see cli_output), and any error
    nobody foresaw one line and a crash report (see crash), never a traceback."""
    try:
        code = cli.main(prog_name="coffeechat", standalone_mode=False)
    except click.ClickException as error:
        show_error(error)
        sys.exit(error.exit_code)
    except (click.Abort, KeyboardInterrupt):
        sys.exit(130)
    except Exception as error:
        from .crash import crash_line

        say(crash_line(error), err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
