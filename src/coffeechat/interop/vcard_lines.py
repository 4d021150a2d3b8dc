"""vCard text as programs really write it: bytes to text, then to property lines.

Decoding: UTF-8 (a BOM is dropped), UTF-16/32 with a BOM, and 8-bit text in the
charset the file names (``CHARSET=Windows-1252`` on the line itself, else anywhere in
the file: Outlook names it once, on a LABEL, and writes every line in it). Unfolding:
RFC 6350 folding, vCard 2.1 quoted-printable soft breaks, vCard 2.1 BASE64 blobs that
run on unindented until a blank line, and ``\\r\\r\\n`` line ends. Errors name the line
and the byte as they are in the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import NamedTuple

from .records import ImportFormatError, bad_utf8

_CHARSET = re.compile(rb"CHARSET=\"?([A-Za-z0-9_.-]+)", re.IGNORECASE)
_LINE_END = re.compile(r"\r\r\n|\r\n|\n|\r")
_PROPERTY = re.compile(
    r"^(?:(?P<group>[A-Za-z0-9-]+)\.)?(?P<name>[A-Za-z0-9_-]+)"
    r"(?P<params>(?:;(?:[^\";:]|\"[^\"]*\")*)*):(?P<value>.*)$",
    re.DOTALL,
)
_PARAM = re.compile(r";((?:[^\";]|\"[^\"]*\")*)")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Property(NamedTuple):
    line: int
    name: str
    """Upper case, without its group (``item1.EMAIL`` is ``EMAIL``)."""
    params: list[list[str]]
    """Each parameter as [name, value, ...]; a bare 2.1 type (``;WORK``) is [name]."""
    value: str


def _charset(name: bytes) -> str | None:
    """A usable codec for a named charset, or None (unknown, or UTF-8 itself)."""
    try:
        codec = codecs.lookup(name.decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    return None if codec.name in ("utf-8", "ascii") else codec.name


def decode(data: bytes, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise ImportFormatError(
                    source, None, f"broken {codec.upper()} text at byte {error.start}"
                ) from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFormatError(source, line, "binary data, not a text file")
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error
    named = [c for c in (_charset(m) for m in _CHARSET.findall(body)) if c]
    if not named:
        line, reason = bad_utf8(body, first_bad.start)
        raise ImportFormatError(source, line, reason + " and the file names no CHARSET")
    lines = []
    for raw in body.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            own = [c for c in (_charset(m) for m in _CHARSET.findall(raw)) if c]
            lines.append(raw.decode((own or named)[0], "replace"))
    return "\n".join(lines)


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
    """(line where it starts, the unfolded property line), skipping blank lines."""
    current: str | None = None
    start, mode = 0, ""
    for number, line in enumerate(lines, 1):
        if current is not None:
            if mode == "qp" and current.endswith("="):
                current = current[:-1] + line.lstrip(" \t")
                continue
            if line[:1] in (" ", "\t"):
                current += line[1:]
                continue
            if mode == "b64" and line.strip() and ":" not in line:
                continue  # vCard 2.1 BASE64 runs on unindented until a blank line
            yield start, current
            current = None
        if line.strip():
            current, start = line, number
            mode = _encoding(line.split(":", 1)[0])
    if current is not None:
        yield start, current


def parse_property(line: int, text: str) -> Property | None:
    match = _PROPERTY.match(text)
    if match is None:
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
    return Property(line, match["name"].upper(), params, match["value"])


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
        raise ImportFormatError(
            source, first, f"not a vCard: expected BEGIN:VCARD, found {lines[first - 1][:40]!r}"
        )
