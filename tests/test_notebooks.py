"""The notebooks are thin, parallel in both languages, committed clean, and name only real ids.

Strict nbval (configured in pyproject.toml) re-runs every notebook and compares its stored
outputs; these tests check what nbval cannot: that the Chinese and English notebooks are the
same lesson, that no notebook holds logic, and that the cells nbval ignores are exactly the
ones that display a widget.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

from mootcourt import load_case

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LANG_FOLDERS = {"en": NOTEBOOKS / "en", "zh-CN": NOTEBOOKS / "zh-CN"}
sys.path.insert(0, str(ROOT / "scripts"))
import notebooks as tool  # noqa: E402

ALL = tool.all_notebooks()
MAX_CODE_LINES = 4


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code(nb: nbformat.NotebookNode, lang: str) -> list[str]:
    """Code cells with the language argument neutralised: the one thing allowed to differ."""
    return [c.source.replace(f'"{lang}"', '"<lang>"') for c in nb.cells if c.cell_type == "code"]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.ipynb"))


def test_there_are_notebooks_in_both_languages() -> None:
    assert _names(LANG_FOLDERS["en"]), "no English notebooks"
    assert _names(LANG_FOLDERS["en"]) == _names(LANG_FOLDERS["zh-CN"])


@pytest.mark.parametrize("name", _names(LANG_FOLDERS["en"]))
def test_same_code_cells_in_both_languages(name: str) -> None:
    en = _read(LANG_FOLDERS["en"] / name)
    zh = _read(LANG_FOLDERS["zh-CN"] / name)
    assert _code(en, "en") == _code(zh, "zh-CN")
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells]
    for nb in (en, zh):
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                assert cell.source.strip(), f"{name}: empty markdown cell"
    assert not re.search(r"[\u4e00-\u9fff]", "".join(_code(en, "en"))), "Chinese in code"


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_no_logic_in_notebooks(path: Path) -> None:
    """A notebook imports, loads and displays: a few lines a cell, no definitions, no loops."""
    for cell in _read(path).cells:
        if cell.cell_type != "code":
            continue
        lines = [x for x in cell.source.splitlines() if x.strip()]
        assert len(lines) <= MAX_CODE_LINES, f"{path.name}: a cell of {len(lines)} lines"
        tree = ast.parse(cell.source)
        banned = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While, ast.If, ast.Lambda)
        found = [type(n).__name__ for n in ast.walk(tree) if isinstance(n, banned)]
        assert not found, f"{path.name}: logic in a notebook cell: {found}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_committed_clean_and_executed(path: Path) -> None:
    nb = _read(path)
    assert "widgets" not in nb.metadata, f"{path.name}: widget state committed"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), (
        f"{path.name}: committed unexecuted (nbval would skip it): run `make notebooks`"
    )
    text_cells = [c for c in code if tool.IGNORE_TAG not in c.metadata.get("tags", [])]
    assert "instructor" in path.parts or any(
        o.get("output_type") == "stream" or "text/plain" in o.get("data", {})
        for c in text_cells
        for o in c.outputs
    ), f"{path.name}: no cell prints a checked text result"
    assert tool.main(["check", str(path)]) == 0


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_only_widget_cells_are_ignored(path: Path) -> None:
    """nbval ignores a cell's output only where that cell displays a widget: the cell ends
    in a call of (or a constructor on) a class that the notebook imports and that is an
    ipywidgets widget."""
    import importlib

    import ipywidgets

    cells = _read(path).cells
    imported: dict[str, object] = {}
    for cell in cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = importlib.import_module(node.module)
                for alias in node.names:
                    imported[alias.asname or alias.name] = getattr(module, alias.name)
    for cell in cells:
        if tool.IGNORE_TAG not in cell.metadata.get("tags", []):
            continue
        last = ast.parse(cell.source).body[-1]
        assert isinstance(last, ast.Expr) and isinstance(last.value, ast.Call), cell.source
        func = last.value.func
        while isinstance(func, ast.Attribute):
            func = func.value
        name = getattr(func, "id", "")
        shown = imported.get(name)
        assert isinstance(shown, type) and issubclass(shown, ipywidgets.Widget), (
            f"{path.name}: an ignored cell must display a widget, not {name!r}"
        )


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_ids_named_in_notebooks_exist(path: Path) -> None:
    """Every statute id and case id a notebook names in backticks or quotes exists."""
    liu = load_case("liu-v-platform-2024")
    statutes = set(liu.law)
    text = "\n".join(c.source for c in _read(path).cells)
    for found in re.findall(r"`([a-z]+(?:-[a-z0-9]+)*-\d+(?:-\d+)?)`", text):
        assert found in statutes, f"{path.name}: unknown statute id {found}"
    for case_id in re.findall(r'load_case\("([^"]+)"\)', text):
        load_case(case_id)


def _control_ids() -> set[str]:
    """What a student's controls are keyed by: every toggle of every case, every doctrine
    parameter and every value it takes."""
    from mootcourt.lessons import case_ids

    from .leak_vocabulary import PARAMETERS

    ids = set(PARAMETERS)
    for parameter in PARAMETERS.values():
        ids.update(parameter.values)
    for case_id in case_ids(ROOT / "lessons"):
        case = load_case(case_id)
        ids.update(case.toggles)
        ids.update(case.pack.parameters)  # a pack other than the leak's has its own
        for parameter in case.pack.parameters.values():
            ids.update(parameter.values)
    return ids


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_lessons_name_controls_by_their_labels(path: Path) -> None:
    """Issue 19, item 8: a lesson names a toggle or a doctrine choice as the widget shows it
    (its label), never by the id the case file keys it by."""
    ids = _control_ids()
    for cell in _read(path).cells:
        if cell.cell_type != "markdown":
            continue
        named = [x for x in re.findall(r"`([^`]+)`", cell.source) if x in ids]
        assert not named, f"{path.name}: a control named by its id, not its label: {named}"


RAW_STATUTE_ID = re.compile(r"\b[a-z]+(?:-[a-z0-9]+)*-\d+(?:\(\d+\))*")
"""a statute id as the book keys it (`pipl-69`, `cpl-interp-108(1)`)"""


@pytest.mark.parametrize(
    "path", sorted(LANG_FOLDERS["zh-CN"].glob("*.ipynb")), ids=lambda p: p.name
)
def test_chinese_printed_output_cites_statutes_by_name(path: Path) -> None:
    """Issue 19, item 8: what a Chinese lesson prints cites 个人信息保护法第六十九条第一款,
    never `pipl-69(1)`."""
    for cell in _read(path).cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            text = out.get("text") or out.get("data", {}).get("text/plain", "")
            found = RAW_STATUTE_ID.findall(text)
            assert not found, f"{path.name}: a raw statute id in printed output: {found[:3]}"
