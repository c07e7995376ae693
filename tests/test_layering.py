"""The layers of the kit, as the packs issue asks: the engine never imports the case loader
back at run time (only for type hints), and nothing in the engine or the packs imports inside
a function to dodge an import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "widgets" / "mootcourt"
LOWER = sorted([*(PACKAGE / "engine").rglob("*.py"), *(PACKAGE / "packs").rglob("*.py")])


def _runtime_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Module-level imports, leaving out `if TYPE_CHECKING:` blocks."""
    found: list[ast.ImportFrom | ast.Import] = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        found += [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    return found


def _in_functions(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    return [
        inner
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
        if isinstance(inner, ast.Import | ast.ImportFrom)
    ]


@pytest.mark.parametrize("path", LOWER, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_below_the_case_loader_and_no_import_inside_a_function(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _runtime_imports(tree):
        module = node.module if isinstance(node, ast.ImportFrom) else ""
        assert not (module or "").endswith("case") or "casefile" in (module or ""), (
            f"{path.name}:{node.lineno} imports the case loader at run time"
        )
    hidden = [n.lineno for n in _in_functions(tree)]
    assert not hidden, f"{path.name}: imports inside a function at lines {hidden}"


def test_the_check_reads_real_files() -> None:
    assert len(LOWER) > 20 and any(p.name == "evaluate.py" for p in LOWER)
