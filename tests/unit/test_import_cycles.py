"""No module of coffeechat imports itself back, through any chain of imports.

The graph is read from the source: every import of a coffeechat module, those inside
functions (deferred for start-up speed) included. One test leaves out the imports under
``if TYPE_CHECKING:`` (what runs), the other counts them too (what the type checker
follows): a screen typed against the app class it is imported by was such a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import coffeechat

SRC = Path(coffeechat.__file__).resolve().parent
PACKAGE = "coffeechat"


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted name → (file, whether it is a package's __init__)."""
    found = {}
    for path in SRC.rglob("*.py"):
        parts = [PACKAGE, *path.relative_to(SRC).with_suffix("").parts]
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _under_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _owner(name: str, known: dict) -> str:
    """The module *name* is, or is in (an imported class's module)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name


def _imports(name: str, path: Path, package: bool, known: dict, types: bool) -> set[str]:
    found: set[str] = set()
    here = name.split(".") if package else name.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _under_type_checking(child) and not types:
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(_owner(a.name, known) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = here[: len(here) - child.level + 1] if child.level else []
                module = ".".join([*base, *([child.module] if child.module else [])])
                for alias in child.names:
                    submodule = f"{module}.{alias.name}"
                    found.add(submodule if submodule in known else _owner(module, known))
            else:
                visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m.startswith(PACKAGE) and m != name}


def _cycles(types: bool) -> list[list[str]]:
    """Every set of modules that import one another round (Tarjan's strong components)."""
    known = _modules()
    graph = {n: _imports(n, path, package, known, types) for n, (path, package) in known.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def strong(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph[module]:
            if target not in index:
                strong(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while (member := stack.pop()) != module:
                component.append(member)
            if component:
                cycles.append(sorted([module, *component]))

    for module in sorted(graph):
        if module not in index:
            strong(module)
    return cycles


def test_the_graph_is_read() -> None:
    known = _modules()
    app = _imports("coffeechat.tui.app", *known["coffeechat.tui.app"], known, types=True)
    assert "coffeechat.tui.screens.main" in app and "coffeechat.store" in app


@pytest.mark.parametrize("types", [False, True], ids=["at-run-time", "for-the-type-checker"])
def test_no_import_cycle(types: bool) -> None:
    assert _cycles(types) == []
