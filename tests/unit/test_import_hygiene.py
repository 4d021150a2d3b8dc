"""The data layer must never pull in the UI framework."""

import re
import subprocess
import sys
from pathlib import Path

TUI = Path(__file__).resolve().parents[2] / "src" / "coffeechat" / "tui"

CODE = """
import importlib, pkgutil, sys
import coffeechat.models, coffeechat.models_activity
for package in (
    "coffeechat.store", "coffeechat.domain", "coffeechat.interop", "coffeechat.usecases"
):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
"""


def test_data_layer_does_not_import_textual() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_cli_module_does_not_import_textual_until_the_tui_runs() -> None:
    code = "import sys, coffeechat.__main__; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_screens_never_open_a_transaction_or_write_sql() -> None:
    """Screens call a use case; transactions and SQL belong to the layers below."""
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        text = path.read_text("utf-8")
        for pattern in (r"\.transaction\(", r"\.conn\b", r"\.execute\("):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(TUI)}: {pattern}")
    assert offenders == []
