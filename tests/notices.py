"""The notifications an app shows, read through Textual's public ``App.notify``.

Every notification ends in ``textual.app.App.notify`` (coffeechat's override cleans the
text and calls it), so a test records there what the toasts will show, as shown, with
no reading of Textual's private list of notifications.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from textual.app import App


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str
    markup: bool


def record_notices(monkeypatch: pytest.MonkeyPatch) -> list[Notice]:
    """Every notification any app shows from now on, oldest first."""
    notices: list[Notice] = []
    show = App.notify

    def notify(self: App, message: str, **options) -> None:
        notices.append(
            Notice(
                str(message),
                options.get("title", ""),
                options.get("severity", "information"),
                options.get("markup", True),
            )
        )
        show(self, message, **options)

    monkeypatch.setattr(App, "notify", notify)
    return notices
