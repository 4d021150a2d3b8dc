"""The app's side of reading mail: a scan in a thread worker (its own connection) at
start and after each vdir sync, and "Scan mail" from the palette. What it noticed
is said in one line and the screen re-read; a scan with nothing new says nothing
unless it was asked for. Expects ``store`` and ``clock`` on the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from ..domain.clock import Clock
from ..mail_config import MailConfig, load
from ..store import Store, StoreError
from ..sync_config import ConfigError
from .workers import background

if TYPE_CHECKING:
    from ..usecases.mail_scan import MailReport

MAIL_TITLE = "Mail"


class MailActions(App[None]):
    store: Store
    clock: Clock
    _mail_running: bool
    _mail_again: bool
    _mail_problem: str
    """The last problem said, so a scan after every sync does not repeat it."""

    def mail_at_start(self) -> None:
        self.scan_mail_now(quiet=True)

    def after_sync(self) -> None:
        self.scan_mail_now(quiet=True)

    def action_scan_mail(self) -> None:
        self.scan_mail_now(quiet=False)

    def scan_mail_now(self, quiet: bool) -> None:
        """One scan at a time; one asked for while another runs follows it."""
        try:
            config = load()
        except ConfigError as error:
            self._mail_says(str(error), quiet)
            return
        if not config.reads_mail:
            if not quiet:
                self._mail_says(
                    'no mail to read: set maildir = "~/Mail" under [mail] in config.toml', False
                )
            return
        if getattr(self, "_mail_running", False):
            self._mail_again = True
            return
        self._mail_running = True
        self._mail_worker(config, quiet)

    @background(thread=True, group="mail-scan")
    def _mail_worker(self, config: MailConfig, quiet: bool) -> None:
        from ..usecases.mail_scan import MailScanError, scan_mail

        report: MailReport | None = None
        problem = ""
        try:
            store = Store.open(self.store.path)
        except StoreError as error:
            problem = str(error)
        else:
            try:
                report = scan_mail(store, config, self.clock.now())
            except MailScanError as error:
                problem = str(error)
            except Exception as error:  # one line, like any mail problem; the app stays
                problem = f"the mail scan stopped: {error}"
            finally:
                store.close()
        self.call_from_thread(self._mail_scanned, report, problem, quiet)

    def _mail_scanned(self, report: MailReport | None, problem: str, quiet: bool) -> None:
        self._mail_running = False
        if getattr(self, "_mail_again", False):
            self._mail_again = False
            self.scan_mail_now(quiet=True)
        if report is None:
            self._mail_says(problem, quiet)
            return
        self._mail_problem = ""
        if report.noticed and hasattr(self.screen, "reload"):
            self.screen.reload()
        if quiet and not report.noticed and not report.skipped:
            return
        self.notify(report.summary(), title=MAIL_TITLE, timeout=8, markup=False)

    def _mail_says(self, problem: str, quiet: bool) -> None:
        """A problem in one line; a quiet scan says it once, not after every sync."""
        if quiet and problem == getattr(self, "_mail_problem", ""):
            return
        self._mail_problem = problem
        self.notify(problem, title=MAIL_TITLE, severity="warning", timeout=10, markup=False)
