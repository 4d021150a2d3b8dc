"""The palette command for the vdir kept for vdirsyncer, khard, khal and todoman."""

from __future__ import annotations

from .command import Command

SYNC_COMMANDS: tuple[Command, ...] = (
    Command(
        "sync_folder",
        "Sync folder…",
        "Keep contacts, follow-ups and calls in a folder vdirsyncer carries to your phone",
        "app",
    ),
    Command(
        "sync_log",
        "Sync log",
        "What the last syncs brought in and wrote out, and every conflict",
        "app",
    ),
    Command("close_sync_log", "Close", "Back to where you were", "synclog", "escape"),
)
