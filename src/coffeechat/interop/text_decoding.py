"""Bytes to text for every imported format, in one place.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without one (every other
byte NUL); UTF-8; a charset the file names (a vCard's ``CHARSET=`` on the line itself,
else anywhere in the file); else the charset detected from the bytes by
charset-normalizer, preferring, among equally good guesses, the ones address books and
spreadsheets really write (Windows-1252 first). Only the lines that are not UTF-8 are
decoded in the named or detected charset, so a UTF-8 file with one pasted Latin-1 line
keeps its other lines as they are.

What cannot be read is refused in one message style, naming the line and the byte as
they are in the file and never quoting its content: ``line 4: unreadable text (…);
save it as UTF-8``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from .records import ImportFormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Among detected charsets that explain the bytes equally well, the order in which
# programs that export contacts write them (Excel and Outlook on Western Windows first).
_LIKELY = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1255",
    "cp1256",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "mac_roman",
    "koi8_r",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "gb2312",
    "big5",
    "euc_kr",
    "cp949",
)
# C0 controls that never occur in text (tab, newlines and form feed do).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f]")

CharsetOf = Callable[[bytes], "str | None"]
"""A format's way to find the charset one line names (``CHARSET=…``), or None."""


def unreadable(source: str, line: int | None, why: str) -> ImportFormatError:
    """The one message for text that cannot be read."""
    return ImportFormatError(source, line, f"unreadable text ({why}); save it as UTF-8")


def codec_name(name: str) -> str | None:
    """A usable codec for a charset's name, or None (unknown)."""
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def _line_of(data: bytes, position: int) -> int:
    return data[:position].count(b"\n") + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 a program wrote without a BOM: a NUL in every other byte of ASCII text."""
    sample = data[:4000]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.3 * len(zeros) and others.count(0) <= 0.02 * len(others):
            try:
                return data[: len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def detect(data: bytes) -> str | None:
    """The charset *data* is most likely in (charset-normalizer), or None."""
    from charset_normalizer import from_bytes  # on first use: most files are UTF-8

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= best + 0.01]
    return next((name for name in _LIKELY if name in tied), tied[0])


def decode_text(data: bytes, source: str, charset_of: CharsetOf | None = None) -> str:
    """*data* as text (see the module's docstring), or :func:`unreadable`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                why = f"broken {codec.upper()} at byte {error.start}"
                raise unreadable(source, None, why) from None
    # A UTF-8 BOM says no more than UTF-8 does: a pasted Latin-1 line is read as such.
    data = data.removeprefix(codecs.BOM_UTF8)
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    if b"\x00" in data:
        raise unreadable(source, _line_of(data, data.index(b"\x00")), "binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error
    lines = data.split(b"\n")
    named = [c for c in map(charset_of, lines) if c] if charset_of else []
    bad = [raw for raw in lines if not _is_utf8(raw)]
    fallback = named[0] if named else detect(b"\n".join(bad))
    if fallback is None:
        byte = f"byte 0x{data[first_bad.start]:02x}: not UTF-8, and no charset named or detected"
        raise unreadable(source, _line_of(data, first_bad.start), byte)
    text = "\n".join(_decode_line(raw, charset_of, fallback) for raw in lines)
    control = None if named else _NOT_TEXT.search(text)
    if control is not None:  # a detector finds "a charset" in any bytes: not text
        raise unreadable(source, text[: control.start()].count("\n") + 1, "binary data")
    return text


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _own(raw: bytes, charset_of: CharsetOf | None, fallback: str) -> str:
    return (charset_of(raw) if charset_of else None) or fallback


def _decode_line(raw: bytes, charset_of: CharsetOf | None, fallback: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(_own(raw, charset_of, fallback), "replace")
