"""User key bindings: ``keymap.toml`` in the config folder rebinds any command.

    [keys]
    new_contact = "N"
    start_call = "ctrl+k"
    help = "f1,question_mark"

Keys are command names (``coffeechat --keys`` lists them) and values are Textual key
names, comma separated for several. Problems are reported, never raised. A rebinding
that would share a key with another command where both work is dropped (the command
keeps its default), so no key ever has two actions: see :mod:`.key_clashes`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..safe_reading import read_text
from .commands import BY_ACTION
from .key_clashes import drop_clashing


@dataclass
class Keymap:
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def keymap_path() -> Path:
    return paths.config_dir() / "keymap.toml"


def load_keymap(path: Path | None = None) -> Keymap:
    path = path or keymap_path()
    result = Keymap()
    if not path.exists():
        return result
    try:
        data = tomllib.loads(read_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        result.problems.append(f"{path.name}: cannot read it ({error})")
        return result
    table = data.get("keys", {})
    if not isinstance(table, dict):
        result.problems.append(f"{path.name}: [keys] must be a table")
        return result
    for action, keys in table.items():
        if action not in BY_ACTION:
            result.problems.append(f"{path.name}: no command called {action!r}")
        elif not isinstance(keys, str) or not keys.strip():
            result.problems.append(f'{path.name}: {action} needs keys like "ctrl+k"')
        else:
            result.keys[action] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    result.keys, clashes = drop_clashing(result.keys, BY_ACTION)
    result.problems += [f"{path.name}: {clash}" for clash in clashes]
    return result


def effective_keys(keymap: Keymap) -> dict[str, str]:
    """Every command's keys after the user's keymap (empty for palette-only ones)."""
    return {action: keymap.keys.get(action, cmd.key) for action, cmd in BY_ACTION.items()}
