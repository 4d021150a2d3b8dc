"""Command line: `coffeechat [--db PATH] [COMMAND]`; no command runs the TUI."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from . import __version__
from .paths import resolve_db_path
from .store import Store, StoreError


@contextmanager
def open_store(ctx: click.Context) -> Iterator[Store]:
    """The store for this invocation; a bad file becomes one line and exit code 1."""
    path = resolve_db_path(ctx.obj["db"])
    try:
        store = Store.open(path)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        yield store
    finally:
        store.close()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file (default: $COFFEECHAT_DB, else coffeechat.db in the user data folder).",
)
@click.version_option(__version__, "--version", prog_name="coffeechat")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """coffeechat: research, reach out to and talk with the people in a field you care about."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        run_tui(ctx)


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
    from .domain.agenda import as_text, build_agenda
    from .domain.clock import Clock

    now = Clock().now()
    with open_store(ctx) as store:
        click.echo(as_text(build_agenda(store.followups, now.date(), now, days)), nl=False)


def run_tui(ctx: click.Context) -> None:
    # Textual is imported here, not at module level, so headless commands start fast.
    from .tui.app import CoffeechatApp

    with open_store(ctx) as store:
        CoffeechatApp(store).run()


def main() -> None:
    try:
        cli(prog_name="coffeechat")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
