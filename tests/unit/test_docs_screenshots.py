"""The README's screenshots are the current snapshot images, not stale copies."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "tests" / "snapshots" / "__snapshots__"


@pytest.mark.parametrize(
    ("doc", "snapshot"),
    [
        ("main-screen.svg", "test_demo_snapshots/test_demo_main[120x40].svg"),
        ("call-screen.svg", "test_demo_snapshots/test_demo_call[120x40].svg"),
        ("welcome.svg", "test_demo_snapshots/test_welcome[120x40].svg"),
        ("outcome-form.svg", "test_looking_back_snapshots/test_outcome_form[120x40].svg"),
        ("last-interaction.svg", "test_demo_snapshots/test_demo_last_interaction_column.svg"),
    ],
)
def test_readme_screenshot_matches_its_snapshot(doc: str, snapshot: str) -> None:
    shown = ROOT / "docs" / "screenshots" / doc
    assert f"docs/screenshots/{doc}" in (ROOT / "README.md").read_text("utf-8")
    assert shown.read_bytes() == (SNAPSHOTS / snapshot).read_bytes(), (
        f"copy {snapshot} to docs/screenshots/{doc} after updating snapshots"
    )
