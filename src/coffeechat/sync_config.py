"""The vdir sync's settings in ``config.toml``: ``vdir = "~/…"`` and ``sync_scope``.

Read with tomllib; written with tomlkit, which escapes any path (quotes, backslashes,
emoji, control characters) as TOML requires and keeps whatever else the user keeps in
the file (other tables, comments) as it is; through the one guarded file writer.
"""

from __future__ import annotations

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
    """Set ``vdir`` and ``sync_scope``, keeping everything else in the file (other
    tables, comments, layout). A file that is not TOML is left alone (ConfigError)."""
    # Imported here: reading the file at start-up (tomllib) does not need the writer.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = path or config_path()
    try:
        document = tomlkit.parse(read_text(path))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, TOMLKitError) as error:
        raise ConfigError(f"{path}: cannot read it ({error}); not changed") from None
    document["vdir"] = config.vdir
    document["sync_scope"] = config.scope
    paths.ensure_private_dir(path.parent)
    write_file(path, tomlkit.dumps(document))
