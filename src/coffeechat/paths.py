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
    """Create *path* (and parents) as 0700: it will hold personal data about people.

    One of coffeechat's own folders (data, state, config) that already exists open to
    others (0755, say, made by hand or by an older version) is narrowed to 0700. Other
    folders (the one a ``--db`` file or an export lives in) are the user's business.
    """
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        # mkdir's mode is filtered by the umask; set it explicitly.
        path.chmod(0o700)
    else:
        tighten_app_dir(path)
    return path


def tighten_app_dir(path: Path) -> None:
    """Narrow *path* to 0700 if it is one of coffeechat's own folders and others can
    read or enter it; only its owner's folders, and quietly: a failure is no reason
    not to start."""
    try:
        info = path.stat()
        own = {p.resolve() for p in (data_dir(), state_dir(), config_dir())}
        if path.resolve() in own and info.st_mode & 0o077 and info.st_uid == os.getuid():
            path.chmod(0o700)
    except OSError:
        pass
