"""The one place that asks what time it is, so tests and snapshots can freeze it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass
class Clock:
    """Real time unless *frozen_at* is set (then time stands still at that moment)."""

    frozen_at: datetime | None = None

    def now(self) -> datetime:
        return self.frozen_at if self.frozen_at is not None else datetime.now()

    def today(self) -> date:
        return self.now().date()

    def advance(self, seconds: float) -> None:
        """Move a frozen clock forward (tests of timers)."""
        from datetime import timedelta

        if self.frozen_at is None:
            raise RuntimeError("only a frozen clock can be advanced")
        self.frozen_at += timedelta(seconds=seconds)
