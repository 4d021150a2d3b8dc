"""Where coffeechat keeps its files.

Nothing here runs at import time: every path is computed when asked for, so tests
can point ``COFFEECHAT_DB`` and ``XDG_*`` at a temporary folder first.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "coffeechat"
DB_ENV = "COFFEECHAT_DB"
DB_FILENAME = "coffeechat.db"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """`--db`, else `$COFFEECHAT_DB`, else the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env_value = os.environ.get(DB_ENV)
    if env_value:
        return Path(env_value).expanduser()
    return default_db_path()


def ensure_private_dir(path: Path) -> Path:
    """Create *path* (and parents) as 0700: it will hold personal data about people."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        # mkdir's mode is filtered by the umask; set it explicitly.
        path.chmod(0o700)
    return path
