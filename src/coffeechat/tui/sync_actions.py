"""The app's side of the vdir sync: the "Sync folder…" form, a sync in a thread worker
(its own connection: sqlite3 refuses cross-thread use), a sync at start when a
folder is configured, and one a few seconds after anything is saved. Expects
``store`` and ``clock`` on the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from ..domain.clock import Clock
from ..store import Store, StoreError
from ..sync_config import ConfigError, SyncConfig, load, save
from .workers import background

if TYPE_CHECKING:
    from ..usecases.sync import SyncReport

# The sync itself (and the vCard and iCalendar writers under it, ~25 ms to import)
# and its form are imported when used, not before the first paint.

KEEP_CURRENT_SECONDS = 10
"""How often the app looks for saved changes to carry to the vdir."""


def summary(report: SyncReport) -> str:
    lines = [report.counts(), *report.lines(limit=3), *report.problems[:5]]
    return "\n".join(lines)


class SyncActions(App[None]):
    store: Store
    clock: Clock
    _changes_synced: int
    """The UI connection's change count at the last sync (set once a sync ran)."""
    _sync_running: bool
    _sync_next: tuple[SyncConfig, bool] | None
    """A sync asked for while one ran: it runs when that one ends."""

    def action_sync_folder(self) -> None:
        from .sync_folder_form import SyncFolderForm

        try:
            config = load()
        except ConfigError as error:
            self.notify(str(error), severity="error", markup=False)
            config = SyncConfig()

        def chosen(new: SyncConfig | None) -> None:
            if new is None:
                return
            try:
                save(new)
            except (OSError, ConfigError) as error:
                self.notify(f"Not saved: {error}", severity="error", markup=False)
                return
            self.run_sync(new)

        self.push_screen(SyncFolderForm(config), chosen)

    def action_sync_log(self) -> None:
        from .screens.sync_log import SyncLogScreen

        self.push_screen(SyncLogScreen(self.store))

    def sync_at_start(self) -> None:
        """A sync when a folder is configured (to-dos ticked on the phone come back),
        then again whenever the app has written to the database since the last one."""
        try:
            config = load()
        except ConfigError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if config.vdir:
            self.run_sync(config, quiet=True)

    def _keep_current(self) -> None:
        """Checked every few seconds: the UI connection's change counter moved, so
        something was saved; sync in the background (the worker's own writes go
        through its own connection and do not count)."""
        from ..usecases.sync import changes_saved

        changes = changes_saved(self.store)
        if changes == getattr(self, "_changes_synced", changes):
            return
        try:
            config = load()
        except ConfigError:
            return  # said once already, at start or in the form
        if config.vdir:
            self._changes_synced = changes
            self.run_sync(config, quiet=True)

    def run_sync(self, config: SyncConfig, quiet: bool = False) -> None:
        """Sync in a thread; one at a time (a thread cannot be stopped half way, and two
        at once would race on the same files): asked while one runs, it runs next."""
        from ..usecases.sync import changes_saved

        if not hasattr(self, "_changes_synced"):
            self.set_interval(KEEP_CURRENT_SECONDS, self._keep_current)
        self._changes_synced = changes_saved(self.store)
        if getattr(self, "_sync_running", False):
            self._sync_next = (config, quiet)
            return
        self._sync_running = True
        self._sync_worker(config, quiet)

    @background(thread=True, group="vdir-sync")
    def _sync_worker(self, config: SyncConfig, quiet: bool) -> None:
        from ..usecases.sync import SyncReport, sync

        try:
            store = Store.open(self.store.path)
        except StoreError as error:
            report = SyncReport(problems=[str(error)])
        else:
            try:
                report = sync(store, config.vdir, self.clock.now(), config.scope)
            except Exception as error:  # reported like any sync problem; the next sync runs
                report = SyncReport(problems=[f"the sync stopped: {error}"])
            finally:
                store.close()
        self.call_from_thread(self._synced, config, report, quiet)

    def after_sync(self) -> None:
        """What else runs after each sync (the mail scan, on the app)."""

    def _synced(self, config: SyncConfig, report: SyncReport, quiet: bool) -> None:
        self._sync_running = False
        self.after_sync()
        following = getattr(self, "_sync_next", None)
        if following is not None:
            self._sync_next = None
            self.run_sync(*following)
        if report.came_in and hasattr(self.screen, "reload"):
            self.screen.reload()
        if quiet and report.ok and not (report.came_in or report.conflicts or report.notices):
            return
        self.notify(
            summary(report),
            title=f"Synced {config.vdir}",
            severity="information" if report.ok else "error",
            timeout=10,
            markup=False,
        )
