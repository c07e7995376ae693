"""One owner per concept: the engine, the case loader, the views (explorer, presenter, What-if,
moot court, lesson outputs), the CLI and the analysis name no issue, doctrine parameter, value,
fact or remedy kind of any pack: they read them from `case.pack`. A pack's words appearing there
as an identifier or a string is a failure; the allow-list is empty on purpose."""

from __future__ import annotations

import ast
from pathlib import Path

import mootcourt
from mootcourt.packs import installed_packs

PACKAGE = Path(mootcourt.__file__).parent
GENERIC = [
    *sorted((PACKAGE / "engine").glob("*.py")),
    PACKAGE / "case.py",
    PACKAGE / "doctrine.py",
    PACKAGE / "cli.py",
    PACKAGE / "terminal.py",
    PACKAGE / "reference.py",
    PACKAGE / "scaffold.py",
    PACKAGE / "scenarios.py",
    *sorted((PACKAGE / "packs").glob("*.py")),
    *sorted((PACKAGE / "ui").glob("*.py")),
    *sorted((PACKAGE / "moot").glob("*.py")),
    PACKAGE / "course.py",
    *sorted((PACKAGE / "analysis").glob("*.py")),
]
"""the modules that must stay pack-neutral (`packs/*.py` is the loader, not a pack)"""


def _vocabulary() -> dict[str, str]:
    """word -> what it is, for every pack installed: issue ids, parameter names, remedy
    kinds, and the values and facts that are compound words (`party_level`,
    `serious_distress`): a one-word value or fact (`none`, `presumed`, `harm`) is also an
    ordinary word of the code (a CSS value, a result), so only compound ones are names."""
    words: dict[str, str] = {}
    packs, broken = installed_packs()
    assert not broken, broken
    for pack in packs:
        words.update({i: f"issue of {pack.id}" for i in pack.issues})
        for p in pack.parameters.values():
            words[p.name] = f"parameter of {pack.id}"
            words.update({v: f"value of {pack.id}.{p.name}" for v in p.values if "_" in v})
        words.update({f: f"fact of {pack.id}" for f in pack.facts if "_" in f})
        words.update({r: f"remedy of {pack.id}" for r in pack.remedies})
    return words


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (prose, not names)."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    found.add(id(stmt.value))
    return found


def _names(path: Path, words: dict[str, str]) -> list[str]:
    """Where the module names a pack word: an identifier, an attribute, an argument, or a
    string (the whole string, or its first dotted part: `"remedy.jointly"`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prose = _docstrings(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            text = node.value
            for candidate in (text, text.split(".", 1)[0] if "." in text else None):
                if candidate in words:
                    hits.append(f"{path.name}:{node.lineno}: string {text!r} ({words[candidate]})")
        elif isinstance(node, ast.Name) and node.id in words:
            hits.append(f"{path.name}:{node.lineno}: name {node.id} ({words[node.id]})")
        elif isinstance(node, ast.Attribute) and node.attr in words:
            hits.append(f"{path.name}:{node.lineno}: attribute .{node.attr} ({words[node.attr]})")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in words:
            hits.append(f"{path.name}:{node.lineno}: function {node.name} ({words[node.name]})")
        elif isinstance(node, ast.arg) and node.arg in words:
            hits.append(f"{path.name}:{node.lineno}: argument {node.arg} ({words[node.arg]})")
    return hits


def test_the_vocabulary_is_not_empty() -> None:
    words = _vocabulary()
    assert any(kind.startswith("issue") for kind in words.values())
    assert any(kind.startswith("remedy") for kind in words.values())


def test_generic_modules_name_no_pack_word() -> None:
    words = _vocabulary()
    hits = [hit for path in GENERIC for hit in _names(path, words)]
    assert not hits, "pack words in generic modules:\n" + "\n".join(hits)


def test_the_check_catches_a_pack_word(tmp_path: Path) -> None:
    words = {"fault": "issue of leak"}
    module = tmp_path / "m.py"
    module.write_text('"""fault is prose here."""\nx = step("fault.presumed")\n', "utf-8")
    assert _names(module, words) == ["m.py:2: string 'fault.presumed' (issue of leak)"]
