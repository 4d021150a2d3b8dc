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
@click.option(
    "--keys",
    "show_keys",
    is_flag=True,
    help="List every command and its keys (after keymap.toml), then exit.",
)
@click.version_option(__version__, "--version", prog_name="coffeechat")
@click.pass_context
def cli(ctx: click.Context, db: str | None, show_keys: bool) -> None:
    """coffeechat: research, reach out to and talk with the people in a field you care about."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
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
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"{'command':24} {'keys':22} {'where':10} title")
    for command in COMMANDS:
        shown = keys[command.action] or "(palette)"
        click.echo(f"{command.action:24} {shown:22} {command.scope:10} {command.title}")
    click.echo(f'\nRebind in {keymap_path()} under [keys], e.g. new_contact = "N"')


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
