"""Making user text safe to put on a terminal, without changing what is stored."""

from __future__ import annotations

import re

# C0 controls (except tab and newline, handled separately), DEL and C1 controls. ESC
# is among them, so ANSI/OSC sequences arrive on screen as harmless visible text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """*value* with control characters shown as visible symbols (ESC as ␛)."""
    return _CONTROL.sub(_symbol, value)


def one_line(value: str) -> str:
    """*value* flattened for a single row: newlines and tabs become spaces."""
    return visible(value.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"
