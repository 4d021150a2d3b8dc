"""Shipped and user themes, one TOML file each.

Shipped themes live in ``themes/`` at the repository root (packaged into the wheel
as ``coffeechat/themes``); user themes in ``themes/`` under the user config folder.
A file that cannot be read becomes a one-line problem report, never an exception.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

from .. import paths
from ..safe_reading import read_text

DEFAULT_THEME = "espresso"
_COLOURS = (
    "primary secondary accent foreground background surface panel boost warning error success"
).split()


@dataclass
class ThemeSet:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def shipped_themes_dir() -> Path:
    package = Path(__file__).resolve().parents[1]
    installed = package / "themes"
    return installed if installed.is_dir() else package.parents[1] / "themes"


def user_themes_dir() -> Path:
    return paths.config_dir() / "themes"


def theme_from_toml(path: Path) -> Theme:
    """Read one theme file; raise ValueError with a reason a user can act on."""
    try:
        data = tomllib.loads(read_text(path))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"not valid TOML ({error})") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError('it needs a name = "..."')
    if not isinstance(data.get("primary"), str):
        raise ValueError('it needs a primary = "#RRGGBB" colour')
    colours = {key: data[key] for key in _COLOURS if key in data}
    if any(not isinstance(value, str) for value in colours.values()):
        raise ValueError('colours must be strings like "#D4A373"')
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table")
    theme = Theme(
        name=name.strip(),
        dark=bool(data.get("dark", True)),
        variables={str(k): str(v) for k, v in variables.items()},
        **colours,
    )
    try:
        theme.to_color_system()  # parses every colour
    except Exception as error:  # Textual raises several kinds for bad colours
        raise ValueError(f"a colour is not valid ({error})") from None
    return theme


def load_themes(*folders: Path) -> ThemeSet:
    result = ThemeSet()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                result.themes.append(theme_from_toml(path))
            except ValueError as error:
                result.problems.append(f"{path.name}: {error}")
    return result
