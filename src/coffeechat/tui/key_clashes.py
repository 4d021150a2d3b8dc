"""Keymap overrides that would give one key two commands in one place, and dropping them.

Textual applies a keymap without a word: a command rebound to a key another command
holds takes the key, and the other command stops working. So the keymap is checked
first. Two commands clash when a key of one is a key of the other and both are active
in the same place: the same scope, or either scope is "app" (app keys work on every
screen). Commands of different scopes may share a key: screens are never active
together, and a pane's key (articles, notes, interviews) is meant to win over its
screen's while the pane has focus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding

from .command import Command

APP = "app"
"""The scope whose keys work everywhere."""


@dataclass(frozen=True, slots=True)
class Clash:
    first: str
    """The action listed first (commands order, then the keymap's)."""
    second: str
    key: str
    """The shared key, as Textual names it."""
    where: str
    """The scope in which both commands are active."""


def key_names(keys: str) -> list[str]:
    """The keys of a comma separated list as Textual names them when it binds them.

    Single characters become names ("?" is "question_mark", " " is "space"); letters
    keep their case, since "N" is the key shift+n sends and a different key from "n".
    Textual's own expansion does it, so the names match what it binds.
    """
    listed = ",".join(part.strip() for part in keys.split(",") if part.strip())
    if not listed:
        return []
    names = (binding.key for binding in Binding.make_bindings([Binding(listed, "")]))
    return list(dict.fromkeys(names))


def meeting_place(scope: str, other: str) -> str | None:
    """Where commands of two scopes are both active, or None if nowhere."""
    if scope == other or other == APP:
        return scope
    if scope == APP:
        return other
    return None


def find_clashes(keys: Mapping[str, str], commands: Mapping[str, Command]) -> list[Clash]:
    """Every pair of commands in *keys* (action to keys) sharing a key in one place."""
    holders: dict[str, list[str]] = {}
    for action, listed in keys.items():
        for key in key_names(listed):
            holders.setdefault(key, []).append(action)
    clashes = []
    for key, actions in holders.items():
        for index, action in enumerate(actions):
            for other in actions[index + 1 :]:
                where = meeting_place(commands[action].scope, commands[other].scope)
                if where is not None:
                    clashes.append(Clash(action, other, key, where))
    return clashes


def drop_clashing(
    overrides: Mapping[str, str], commands: Mapping[str, Command]
) -> tuple[dict[str, str], list[str]]:
    """The overrides that clash with nothing, and a line for each one dropped.

    A dropped command keeps its default keys, which may clash with another override in
    turn, so this repeats until no clash is left; the shipped defaults clash with
    nothing, so dropping every override would end it. Where two overrides clash, the
    one written first in the file is kept.
    """
    kept = dict(overrides)
    order = list(overrides)
    problems: list[str] = []
    while True:
        defaults = {action: command.key for action, command in commands.items()}
        clashes = [
            clash
            for clash in find_clashes({**defaults, **kept}, commands)
            if clash.first in kept or clash.second in kept
        ]
        if not clashes:
            return kept, problems
        clash = clashes[0]
        dropped, other = _loser(clash, kept, order)
        problems.append(_problem(dropped, kept.pop(dropped), other, clash, commands))


def _loser(clash: Clash, kept: Mapping[str, str], order: list[str]) -> tuple[str, str]:
    """(the override to drop, the command it clashed with)."""
    first, second = clash.first, clash.second
    if first in kept and (second not in kept or order.index(first) > order.index(second)):
        return first, second
    return second, first


def _problem(
    dropped: str, keys: str, other: str, clash: Clash, commands: Mapping[str, Command]
) -> str:
    where = f"in {clash.where}"
    if APP in (commands[dropped].scope, commands[other].scope):
        app_command = dropped if commands[dropped].scope == APP else other
        where += f" ({app_command} works everywhere)"
    default = commands[dropped].key
    keeps = f"{dropped} keeps {default}" if default else f"{dropped} stays in the palette only"
    return f'{dropped} = "{keys}" clashes with {other} on {clash.key} {where}; {keeps}'
