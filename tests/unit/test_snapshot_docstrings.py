"""Every snapshot test says in one line what its picture must show.

A reviewer looking at a changed SVG needs to know what was meant to be in it; the
docstring is that statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

SNAPSHOTS = Path(__file__).parents[1] / "snapshots"


def test_each_snapshot_test_has_a_one_line_docstring() -> None:
    missing: list[str] = []
    tests = 0
    for path in sorted(SNAPSHOTS.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                tests += 1
                doc = ast.get_docstring(node)
                if not doc or "\n" in doc.strip():
                    missing.append(f"{path.name}::{node.name}")
    assert tests >= 20
    assert not missing, missing
