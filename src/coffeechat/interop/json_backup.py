"""The JSON backup document: writing it, and reading one back with clear errors.

The content (every table, nested as SPEC.md §3 describes) comes from
``store.snapshot``; this module only owns the text format and its validation.
"""

from __future__ import annotations

import json

from .records import ImportFormatError
from .text_decoding import decode_text

FORMAT = "coffeechat"


def write(document: dict) -> str:
    """Stable text: keys in schema order, UTF-8 as is, two-space indent, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse(data: bytes, source: str, *, newest: int) -> dict:
    """The backup in *data*; a version above *newest* (the newest this coffeechat
    reads: store.snapshot.VERSION) is refused in one line, never half read."""
    text = decode_text(data, source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(source, error.lineno, f"not valid JSON ({error.msg})") from None
    except RecursionError:
        raise ImportFormatError(source, None, "JSON nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFormatError(source, 1, 'not a coffeechat backup (no "format": "coffeechat")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFormatError(source, 1, 'the backup has no "version" number')
    if version > newest:
        raise ImportFormatError(
            source,
            1,
            f"backup version {version} is from a newer coffeechat (this one reads up to "
            f"{newest}); update coffeechat to restore it",
        )
    return document
