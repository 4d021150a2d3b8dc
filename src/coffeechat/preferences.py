"""Preferences the app remembers across runs and databases (the chosen theme).

A small JSON file in the user config folder, written atomically. Unreadable or odd
content is treated as "no preferences" rather than an error: losing a theme choice
must never stop the app from starting.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import paths
from .safe_files import write_file
from .safe_reading import read_text


def preferences_path() -> Path:
    return paths.config_dir() / "preferences.json"


def load() -> dict[str, str]:
    try:
        data = json.loads(read_text(preferences_path()))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str | int | float)}


def save(**changes: str) -> None:
    data = {**load(), **changes}
    paths.ensure_private_dir(paths.config_dir())
    write_file(preferences_path(), json.dumps(data, indent=2, sort_keys=True))
