"""A terminal driver under which a paste is text, whatever bytes it holds.

Textual's input parser reads an ESC inside a bracketed paste as the start of a key
sequence: the characters after it leave the paste and arrive as key presses (``ESC
ESC`` is a real Escape that closes a form half filled), and the paste is stored
scrambled. There is no public hook between the bytes and the parser, so this driver
puts a small filter in front of it: between the paste markers (``ESC [200~`` …
``ESC [201~``) each ESC becomes a noncharacter the terminal never sends, and the
Paste event gets its ESC back. A pasted note is then stored exactly as it was copied,
and shown with its control characters as symbols like any other text.

``run_input_thread`` follows LinuxDriver's own, with the filter added.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual import events
from textual._parser import ParseError  # the parser's own error, raised at EOF
from textual._xterm_parser import XTermParser  # no public way to feed it otherwise
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
STAND_IN = "\ufdd0"
"""A Unicode noncharacter (reserved for a program's internal use): never typed."""


def _partial_marker(data: str, marker: str) -> int:
    """How many characters at the end of *data* could begin *marker*."""
    for size in range(min(len(marker) - 1, len(data)), 0, -1):
        if data.endswith(marker[:size]):
            return size
    return 0


class PasteEscapes:
    """Replaces ESC inside bracketed pastes with :data:`STAND_IN`, chunk by chunk.

    Outside a paste nothing is held back (a lone ESC is the Escape key and must reach
    the parser at once); a start marker split across two reads is still seen. Inside a
    paste a possible beginning of the end marker waits for the next read.
    """

    def __init__(self) -> None:
        self.in_paste = False
        self._held = ""
        self._recent = ""

    def feed(self, data: str) -> str:
        out: list[str] = []
        while data:
            if self.in_paste:
                data, self._held = self._held + data, ""
                end = data.find(PASTE_END)
                if end == -1:
                    keep = _partial_marker(data, PASTE_END)
                    out.append(data[: len(data) - keep].replace(ESC, STAND_IN))
                    self._held = data[len(data) - keep :]
                    break
                out.append(data[:end].replace(ESC, STAND_IN) + PASTE_END)
                self.in_paste = False
                data = data[end + len(PASTE_END) :]
            else:
                window = self._recent + data
                start = window.find(PASTE_START)
                if start == -1:
                    out.append(data)
                    self._recent = window[-(len(PASTE_START) - 1) :]
                    break
                cut = start + len(PASTE_START) - len(self._recent)
                out.append(data[:cut])
                self.in_paste, self._recent = True, ""
                data = data[cut:]
        return "".join(out)


def restore_escapes(message: Message) -> None:
    if isinstance(message, events.Paste) and STAND_IN in message.text:
        message.text = message.text.replace(STAND_IN, ESC)


class PasteSafeLinuxDriver(LinuxDriver):
    def process_message(self, message: Message) -> None:
        restore_escapes(message)
        super().process_message(message)

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (LinuxDriver's, with the paste filter)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        escapes = PasteEscapes()
        decode = getincrementaldecoder("utf-8")().decode

        def process(selector_events, final: bool = False) -> None:
            for index, (_key, mask) in enumerate(selector_events):
                if mask & selectors.EVENT_READ:
                    last = index == len(selector_events) - 1
                    text = decode(os.read(self.fileno, 1024 * 4), final=final and last)
                    if not text:
                        break
                    for event in parser.feed(escapes.feed(text)):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
