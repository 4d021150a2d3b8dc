"""The app's side of the vdir sync: the "Sync folder…" form, a sync in a thread worker
(its own connection: sqlite3 refuses cross-thread use), and a sync at start when a
folder is configured. Expects ``store`` and ``clock`` on the app."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult

from ..domain.clock import Clock
from ..store import Store, StoreError
from ..sync_config import ConfigError, SyncConfig, load, save
from ..usecases.sync import SyncReport, check_scope, sync
from .screens.form_modal import FormModal
from .widgets.form import FormField


class SyncFolderForm(FormModal[SyncConfig]):
    """The vdir root and which contacts go out; saving runs a sync."""

    AUTO_FOCUS = "#field-folder"
    title_text = "Sync folder (a vdir for vdirsyncer)"

    def __init__(self, config: SyncConfig) -> None:
        super().__init__()
        self._config = config

    def compose_fields(self) -> ComposeResult:
        yield FormField(
            "Folder",
            name="folder",
            value=self._config.vdir,
            checks=[lambda v: None if v.strip() else "choose a folder"],
            placeholder="~/.local/share/coffeechat/vdir",
        )
        yield FormField(
            "Contacts",
            name="scope",
            value=self._config.scope,
            checks=[lambda v: check_scope(v.strip() or "all")],
            placeholder="all, active or tag:NAME",
        )

    def result(self, fields: dict[str, FormField]) -> SyncConfig:
        return SyncConfig(fields["folder"].value.strip(), fields["scope"].value.strip() or "all")


def summary(report: SyncReport) -> str:
    parts = [f"{len(report.written)} written", f"{len(report.removed)} removed"]
    lines = [", ".join(parts) + f", {len(report.taken_back)} taken back"]
    lines += [f"took back {line}" for line in report.taken_back[:5]]
    lines += [f"left {line}" for line in report.left[:3]]
    lines += report.problems[:5]
    return "\n".join(lines)


class SyncActions(App[None]):
    store: Store
    clock: Clock

    def action_sync_folder(self) -> None:
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
            except OSError as error:
                self.notify(f"Not saved: {error}", severity="error", markup=False)
                return
            self.run_sync(new)

        self.push_screen(SyncFolderForm(config), chosen)

    def sync_at_start(self) -> None:
        """A sync when a folder is configured: to-dos ticked on the phone come back."""
        try:
            config = load()
        except ConfigError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if config.vdir:
            self.run_sync(config, quiet=True)

    @work(thread=True, exclusive=True, group="vdir-sync")
    def run_sync(self, config: SyncConfig, quiet: bool = False) -> None:
        try:
            store = Store.open(self.store.path)
        except StoreError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        try:
            report = sync(store, config.vdir, self.clock.now(), config.scope)
        finally:
            store.close()
        self.call_from_thread(self._synced, config, report, quiet)

    def _synced(self, config: SyncConfig, report: SyncReport, quiet: bool) -> None:
        if report.taken_back and hasattr(self.screen, "reload"):
            self.screen.reload()
        if quiet and report.ok and not report.taken_back and not report.left:
            return
        self.notify(
            summary(report),
            title=f"Synced {config.vdir}",
            severity="information" if report.ok else "error",
            timeout=10,
            markup=False,
        )
