"""Full garbage collections wait for the user's pauses (tui/long_lived.py)."""

from __future__ import annotations

import gc

import pytest

from coffeechat.tui import long_lived
from coffeechat.tui.long_lived import AT_LEAST_EVERY, EVERY, NEVER, PAUSE, IdleCollector


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(long_lived, "monotonic", fake)
    return fake


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    done: list[int] = []
    monkeypatch.setattr(long_lived.gc, "collect", lambda *a: done.append(1) or 0)
    return done


def test_full_collections_stop_starting_by_themselves_and_come_back_after() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold() == (before[0], before[1], NEVER)
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_a_collection_waits_for_a_pause(clock: FakeClock, collections: list[int]) -> None:
    collector = IdleCollector()
    clock.now += EVERY + 1
    collector.input_seen()  # typing right now
    assert not collector.tick()
    clock.now += PAUSE / 2
    collector.input_seen()
    assert not collector.tick()
    clock.now += PAUSE
    assert collector.tick()
    assert collections == [1]


def test_at_most_one_every_half_minute(clock: FakeClock, collections: list[int]) -> None:
    collector = IdleCollector()
    clock.now += EVERY + PAUSE
    assert collector.tick()
    clock.now += EVERY / 2
    assert not collector.tick(), "paused, but one ran a moment ago"
    clock.now += EVERY
    assert collector.tick()
    assert len(collections) == 2


def test_one_runs_anyway_when_the_user_never_pauses(
    clock: FakeClock, collections: list[int]
) -> None:
    collector = IdleCollector()
    while clock.now < 1000.0 + AT_LEAST_EVERY - 1:
        clock.now += PAUSE / 2
        collector.input_seen()
        assert not collector.tick()
    clock.now += 2
    collector.input_seen()
    assert collector.tick()
    assert collections == [1]
