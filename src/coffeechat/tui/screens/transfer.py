"""Import… and Export…: a modal with the format, a path and, for imports, progress.

An import or an export runs in a thread worker with its own database connection (a
sqlite3 connection belongs to the thread that opened it), so the screen stays
responsive and the progress bar moves; the main screen reloads once it is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from ... import preferences, safe_files
from ...interop.records import ImportFormatError
from ...store import Store, StoreError
from ...usecases.exchange import (
    EXPORT_FORMATS,
    EXTENSIONS,
    IMPORT_FORMATS,
    export_text,
    import_file,
)
from ..widgets.safe_text import SafeInput
from ..workers import background
from .modal import Modal

if TYPE_CHECKING:
    from ..app_host import AppHost

LABELS = {
    "linkedin": "LinkedIn Connections.csv",
    "vcard": "vCard (.vcf)",
    "csv": "CSV with a header row",
    "json": "JSON backup (lossless)",
    "markdown": "Markdown report",
    "ics": "iCalendar (.ics) follow-ups and calls",
}


EXPORT_FOLDER = "export_folder"
"""Preference: the folder of the last export, offered for the next one."""


def suggested_export(extension: str) -> str:
    """Where an export goes unless the user types another path: the last folder used
    (home the first time), as the user would type it."""
    folder = preferences.load().get(EXPORT_FOLDER, "~").rstrip("/") or "/"
    return f"{folder}/coffeechat-export.{extension}"


def as_typed(folder: Path) -> str:
    """*folder* with the home folder written ``~``, as the path field shows it."""
    home = Path.home()
    return (
        "~"
        if folder == home
        else (f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder))
    )


class TransferScreen(Modal[str | None]):
    """Dismissed with the one-line report of what happened, or None when cancelled."""

    if TYPE_CHECKING:
        app: AppHost

    AUTO_FOCUS = "#transfer-path"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    TransferScreen > Vertical {
        width: 80; max-width: 100%; height: auto;
    }
    TransferScreen .form-title { text-style: bold; margin-bottom: 1; }
    TransferScreen Select { margin-bottom: 1; }
    /* Compact like the File field, and lit only when focused: the drawn focus is the
       real focus (a tall border read as a highlight while typing the path). */
    TransferScreen Select > SelectCurrent { background: $boost; }
    TransferScreen Select:focus > SelectCurrent { background: $accent 25%; }
    TransferScreen #transfer-path { background: $boost; }
    TransferScreen #transfer-path:focus { background: $accent 25%; }
    TransferScreen .field-label { color: $text-muted; }
    /* Two lines: the open format list then ends inside the border at 80x24. */
    TransferScreen #transfer-message { color: $error; height: auto; min-height: 2; }
    TransferScreen #transfer-message.-ok { color: $success; }
    TransferScreen ProgressBar { display: none; }
    TransferScreen ProgressBar.-running { display: block; }
    TransferScreen .buttons { height: 1; align-horizontal: right; margin-top: 1; }
    """

    def __init__(self, mode: str, store: Store) -> None:
        super().__init__()
        self.mode = mode
        self.store = store
        self.running = False
        self.progress = (0, 0)
        """Rows imported so far and in all, as last shown."""
        self.suggestion = ""
        """The export path offered; written there only after a second enter."""
        self.confirmed = False

    def compose(self) -> ComposeResult:
        formats = IMPORT_FORMATS if self.mode == "import" else EXPORT_FORMATS
        verb = "Import" if self.mode == "import" else "Export"
        with Vertical():
            yield Label(f"{verb}  ·  enter runs · escape closes", classes="form-title")
            yield Select(
                [(LABELS.get(f, f), f) for f in formats],
                value=formats[0],
                allow_blank=False,
                compact=True,
                id="transfer-format",
            )
            placeholder = "File to import, e.g. ~/Downloads/Connections.csv"
            if self.mode == "export":
                self.suggestion = suggested_export(EXTENSIONS["json"])
            yield Label("File (~ is your home folder)", classes="field-label")
            # The cursor after the text, nothing selected: a stray key adds to the path
            # instead of replacing it, and the folder stays in view.
            yield SafeInput(
                self.suggestion,
                placeholder=placeholder,
                id="transfer-path",
                compact=True,
                select_on_focus=False,
            )
            yield Static("", id="transfer-message", markup=False)
            yield ProgressBar(id="transfer-progress", show_eta=False)
            with Horizontal(classes="buttons"):
                yield Button(verb, id="transfer-run", variant="primary", compact=True)
                yield Button("Close", id="transfer-close", compact=True)

    @property
    def format(self) -> str:
        return str(self.query_one("#transfer-format", Select).value)

    @on(Select.Changed, "#transfer-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if self.mode != "export":
            return
        path_input = self.query_one("#transfer-path", Input)
        path = Path(path_input.value)
        if path_input.value and path.suffix.lstrip(".") in EXTENSIONS.values():
            path_input.value = str(path.with_suffix("." + EXTENSIONS[self.format]))

    def _unchanged(self, raw: str) -> bool:
        """Whether *raw* is still the offered path (whatever the format's extension)."""
        return Path(raw).with_suffix("") == Path(self.suggestion).with_suffix("")

    def _message(self, text: str, ok: bool = False) -> None:
        message = self.query_one("#transfer-message", Static)
        message.update(text)
        message.set_class(ok, "-ok")

    def _checked_path(self) -> Path | None:
        raw = self.query_one("#transfer-path", Input).value.strip()
        if not raw:
            self._message("Enter a file path.")
            return None
        path = Path(raw).expanduser()
        if self.mode == "export" and not self.confirmed and self._unchanged(raw):
            # tab then enter (or a hasty enter) must not write where nobody chose.
            self.confirmed = True
            self._message(f"Write to {path}? enter again to export there, or type another path.")
            return None
        if self.mode == "import":
            if not path.is_file():
                self._message(
                    f"{path}: no such file." if not path.exists() else f"{path} is not a file."
                )
                return None
        elif path.is_dir() or not path.parent.is_dir():
            self._message(f"{path}: choose a file in an existing folder.")
            return None
        return path

    @on(Input.Submitted, "#transfer-path")
    @on(Button.Pressed, "#transfer-run")
    def action_run(self) -> None:
        if self.running:
            return
        path = self._checked_path()
        if path is None:
            return
        self.running = True
        self._message("Importing…" if self.mode == "import" else "Exporting…", ok=True)
        self.query_one(ProgressBar).add_class("-running")
        if self.mode == "export":
            self._export(path, self.format)
        else:
            self._import(path, self.format)

    @background(thread=True, exclusive=True)
    def _export(self, path: Path, fmt: str) -> None:
        """Read and write in a thread (a JSON export of 30,000 contacts takes a second);
        the bar shows the two steps, reading and writing."""
        self._progress(0, 2)
        with self._own_store() as store:
            if store is None:
                return
            text = export_text(store, fmt, self.app.clock.now())
        self._progress(1, 2)
        try:
            safe_files.write_file(path, text)  # private, atomic, never over the database
        except OSError as error:
            self.app.call_from_thread(self._failed, f"Cannot write {path}: {error.strerror}")
            return
        self._progress(2, 2)
        with suppress(OSError):  # the export is written; only the folder is not kept
            preferences.save(**{EXPORT_FOLDER: as_typed(path.absolute().parent)})
        self.app.call_from_thread(self.dismiss, f"Exported {LABELS[fmt]} to {path}")

    @background(thread=True, exclusive=True)
    def _import(self, path: Path, fmt: str) -> None:
        with self._own_store() as store:
            if store is None:
                return
            try:
                report = import_file(store, fmt, path, self._progress)
            except ImportFormatError as error:
                self.app.call_from_thread(self._failed, str(error))
                return
        self.app.call_from_thread(self.dismiss, f"{path.name}: {report.summary()}")

    @contextmanager
    def _own_store(self) -> Iterator[Store | None]:
        """The worker thread's own connection (None if the file cannot be opened, with
        the reason shown). If the work fails unexpectedly the form is usable again
        and the failure goes on to the app's policy (a notification)."""
        try:
            store = Store.open(self.store.path)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            yield None
            return
        try:
            yield store
        except Exception:
            self.app.call_from_thread(self._failed, "Stopped: something went wrong.")
            raise
        finally:
            store.close()

    def _progress(self, done: int, total: int) -> None:
        """Called in the worker thread; the bar is updated on the UI thread."""
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress = (done, total)
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self, message: str) -> None:
        self.running = False
        self.query_one(ProgressBar).remove_class("-running")
        self._message(message)

    @on(Button.Pressed, "#transfer-close")
    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)
