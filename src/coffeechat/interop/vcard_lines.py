"""vCard text as programs really write it: bytes to text, then to property lines.

Decoding is the shared decoder's (:mod:`text_decoding`), told the charset a line names
(``CHARSET=Windows-1252`` on the line itself, else anywhere in the file: Outlook names
it once, on a LABEL, and writes every line in it); a fold a writer put inside a UTF-8
character is mended first. Unfolding: RFC 6350 folding, vCard 2.1 quoted-printable soft
breaks, vCard 2.1 BASE64 blobs that run on unindented until a blank line, and
``\\r\\r\\n`` line ends, in time linear in the card's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .records import ImportFormatError
from .text_decoding import codec_name, decode_text

_CHARSET = re.compile(rb"CHARSET=\"?([A-Za-z0-9_.-]+)", re.IGNORECASE)
_LINE_END = re.compile(r"\r\r\n|\r\n|\n|\r")
# Names as exporters write them, as loosely as vobject's lenient mode reads them: a
# group or several (``item1.EMAIL``), slashes and dashes (KDE's ``X-messaging/gadu-All``).
# A bare property (Evolution's ``FN`` with no colon) is one with an empty value.
_PROPERTY = re.compile(
    r"^(?:(?P<group>[^;:\"]*)\.)?(?P<name>[^;:.\"]+)"
    r"(?P<params>(?:;(?:[^\";:]|\"[^\"]*\")*)*)(?::(?P<value>.*))?$",
    re.DOTALL,
)
_PARAM = re.compile(r";((?:[^\";]|\"[^\"]*\")*)")
# A fold (CRLF + space) that a writer put inside a UTF-8 character: the rest of the
# character's bytes are moved before the fold, so the line decodes and unfolds whole
# and every line keeps its number.
_SPLIT_CHARACTER = re.compile(rb"(\r?\n[ \t])([\x80-\xbf]+)")


class Property(NamedTuple):
    line: int
    name: str
    """Upper case, without its group (``item1.EMAIL`` is ``EMAIL``)."""
    params: list[list[str]]
    """Each parameter as [name, value, ...]; a bare 2.1 type (``;WORK``) is [name]."""
    value: str


def _charset_of(line: bytes) -> str | None:
    """The charset a property line names (``CHARSET=Windows-1252``), or None."""
    if b"=" not in line:
        return None
    for match in _CHARSET.findall(line):
        codec = codec_name(match.decode("ascii"))
        if codec not in (None, "utf-8", "ascii"):
            return codec
    return None


def decode(data: bytes, source: str) -> str:
    """The file's text: folds inside a character joined, then the shared decoder."""
    if b"\n " in data or b"\n\t" in data:
        data = _SPLIT_CHARACTER.sub(lambda m: m[2] + m[1], data)
    return decode_text(data, source, _charset_of)


def physical_lines(text: str) -> list[str]:
    return _LINE_END.split(text)


def _encoding(head: str) -> str:
    head = head.upper()
    if "QUOTED-PRINTABLE" in head:
        return "qp"
    if "BASE64" in head or "ENCODING=B" in head:
        return "b64"
    return ""


def logical_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line where it starts, the unfolded property line), skipping blank lines.

    Pieces are gathered in a list and joined once: a 4 MB quoted-printable PHOTO is
    tens of thousands of soft breaks, and growing one string by each is quadratic."""
    parts: list[str] = []
    start, mode = 0, ""
    for number, line in enumerate(lines, 1):
        if parts:
            if mode == "qp" and parts[-1].endswith("="):
                parts[-1] = parts[-1][:-1]
                parts.append(line.lstrip(" \t"))
                continue
            if line[:1] in (" ", "\t"):
                parts.append(line[1:])
                continue
            if mode == "b64" and line.strip() and ":" not in line:
                continue  # vCard 2.1 BASE64 runs on unindented until a blank line
            yield start, "".join(parts)
            parts = []
        if line.strip():
            parts, start = [line], number
            mode = _encoding(line.split(":", 1)[0])
    if parts:
        yield start, "".join(parts)


def parse_property(line: int, text: str) -> Property | None:
    match = _PROPERTY.match(text)
    if match is None or not match["name"].strip():
        return None
    params = []
    for raw in _PARAM.findall(match["params"]):
        if not raw.strip():
            continue
        name, _, values = raw.partition("=")
        param = [name.strip()]
        if values:
            param += [v.strip().strip('"') for v in re.findall(r'(?:[^,"]|"[^"]*")+', values)]
        params.append(param)
    return Property(line, match["name"].strip().upper(), params, match["value"] or "")


def check_cards_complete(lines: list[str], source: str) -> None:
    """Refuse an empty file or a card cut short, naming the line where it began."""
    open_at = 0
    seen = False
    for number, line in enumerate(lines, 1):
        word = line.strip().upper().replace(" ", "")
        if word == "BEGIN:VCARD":
            if open_at:
                raise ImportFormatError(
                    source,
                    number,
                    f"BEGIN:VCARD inside a card (the card begun at line {open_at} has no END)",
                )
            open_at, seen = number, True
        elif word == "END:VCARD":
            open_at = 0
    if open_at:
        raise ImportFormatError(
            source, open_at, "truncated card: BEGIN:VCARD without END:VCARD (file cut short?)"
        )
    if not seen:
        if not "".join(lines).strip():
            raise ImportFormatError(source, None, "empty file: no vCards in it")
        first = next(n for n, line in enumerate(lines, 1) if line.strip())
        raise ImportFormatError(source, first, "not a vCard: expected BEGIN:VCARD")
