"""The mail settings in ``config.toml``'s ``[mail]`` table, read as untrusted input.

    [mail]
    maildir = "~/Mail"           # read for replies and sent letters (every Maildir under it)
    sent = "~/Mail/Sent"         # the Maildir your client files sent mail in
    drafts = "~/Mail/Drafts"     # "Save to mail drafts" writes here

``reader = "notmuch"`` or ``"maildir"`` chooses how mail is read; by default notmuch
when it is on the PATH, else the Maildir. Nothing here writes the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .sync_config import ConfigError, config_path

READERS = ("notmuch", "maildir")
_KEYS = ("maildir", "sent", "drafts", "reader")
_LONGEST = 4096
"""Characters a path may have: a longer value is not a path someone typed."""


@dataclass(frozen=True, slots=True)
class MailConfig:
    maildir: Path | None = None
    sent: Path | None = None
    drafts: Path | None = None
    reader: str = ""
    """notmuch, maildir, or "" for notmuch when on the PATH."""

    @property
    def reads_mail(self) -> bool:
        return self.maildir is not None or self.sent is not None or self.reader == "notmuch"


def load(path: Path | None = None) -> MailConfig:
    """The ``[mail]`` table; an absent file or table is "no mail". A value of the wrong
    kind is a :class:`ConfigError` naming the key, never quoting the file."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return MailConfig()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    table = data.get("mail", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: mail must be a table ([mail])")
    unknown = sorted(str(key) for key in table if key not in _KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: [mail] has no setting {unknown[0][:40]!r} (known: {', '.join(_KEYS)})"
        )
    folders = {key: _folder(path, key, table.get(key, "")) for key in ("maildir", "sent", "drafts")}
    reader = table.get("reader", "")
    if reader not in ("", *READERS):
        raise ConfigError(f"{path}: [mail] reader must be {' or '.join(READERS)}")
    return MailConfig(folders["maildir"], folders["sent"], folders["drafts"], reader)


def _folder(path: Path, key: str, value: object) -> Path | None:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: [mail] {key} must be text (a folder)")
    if len(value) > _LONGEST or "\x00" in value:
        raise ConfigError(f"{path}: [mail] {key} is not a folder path")
    if not value.strip():
        return None
    return Path(value.strip()).expanduser()
