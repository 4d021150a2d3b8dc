"""The "Sync folder…" form: the vdir root and which contacts go out."""

from __future__ import annotations

from textual.app import ComposeResult

from ..sync_config import SyncConfig
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
            checks=[check_scope_text],
            placeholder="all, active or tag:NAME",
        )

    def result(self, fields: dict[str, FormField]) -> SyncConfig:
        return SyncConfig(fields["folder"].value.strip(), fields["scope"].value.strip() or "all")


def check_scope_text(text: str) -> str | None:
    from ..usecases.sync import check_scope

    return check_scope(text.strip() or "all")
