"""The vdir sync's settings in ``config.toml``: ``vdir = "~/…"`` and ``sync_scope``.

Read with tomllib; written by rewriting just those two top-level lines (through the
one guarded file writer), so whatever else the user keeps in the file stays as it is.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .domain.text import has_controls
from .safe_files import write_file
from .safe_reading import read_text

_KEYS = ("vdir", "sync_scope")


@dataclass(frozen=True, slots=True)
class SyncConfig:
    vdir: str = ""
    """The vdir root ("" when not set: no sync)."""
    scope: str = "all"
    """all, active or tag:NAME."""


class ConfigError(ValueError):
    """config.toml cannot be read; one line."""


def config_path() -> Path:
    return paths.config_dir() / "config.toml"


def load(path: Path | None = None) -> SyncConfig:
    path = path or config_path()
    try:
        data = tomllib.loads(read_text(path))
    except FileNotFoundError:
        return SyncConfig()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    vdir, scope = data.get("vdir", ""), data.get("sync_scope", "all")
    if not isinstance(vdir, str) or not isinstance(scope, str):
        raise ConfigError(f"{path}: vdir and sync_scope must be text")
    if has_controls(vdir) or has_controls(scope):
        # A NUL cannot be in a path at all; an escape sequence should never be in one.
        raise ConfigError(f"{path}: vdir and sync_scope must not hold control characters")
    return SyncConfig(vdir, scope or "all")


def save(config: SyncConfig, path: Path | None = None) -> None:
    """Set ``vdir`` and ``sync_scope``, keeping every other line of the file."""
    path = path or config_path()
    try:
        lines = read_text(path).splitlines()
    except FileNotFoundError:
        lines = []
    ours_pattern = re.compile(rf"\s*({'|'.join(_KEYS)})\s*=")
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), None)
    top, tables = lines[:first_table], lines[first_table:] if first_table is not None else []
    kept = [line for line in top if not ours_pattern.match(line)] + tables
    # json.dumps gives a valid TOML basic string (quotes and backslashes escaped).
    ours = [f"vdir = {json.dumps(config.vdir)}", f"sync_scope = {json.dumps(config.scope)}"]
    paths.ensure_private_dir(path.parent)
    write_file(path, "\n".join(ours + kept) + "\n")
