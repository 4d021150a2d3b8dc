"""A terminal driver under which a paste is text, whatever bytes it holds.

Textual's input parser reads an ESC inside a bracketed paste as the start of a key
sequence: the characters after it leave the paste and arrive as key presses (``ESC
ESC`` is a real Escape that closes a form half filled), and the paste is stored
scrambled. There is no public hook between the bytes and the parser, so this driver
puts a small filter in front of it: between the paste markers (``ESC [200~`` …
``ESC [201~``) each ESC becomes a noncharacter the terminal never sends, and the
Paste event gets its ESC back. A pasted note is then stored exactly as it was copied,
and shown with its control characters as symbols like any other text.

``run_input_thread`` is LinuxDriver's own with the filter added (textual_compat: the
parser it feeds is not public).
"""

from __future__ import annotations

from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from .textual_compat import run_input_loop

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
        run_input_loop(self, PasteEscapes().feed)
