"""Execute and clean the lesson notebooks, so what is committed is what the engine produces.

    python scripts/notebooks.py execute [NOTEBOOK...]   # run, then clean (`make notebooks`)
    python scripts/notebooks.py clean [NOTEBOOK...]     # clean only (the pre-commit hook)
    python scripts/notebooks.py check [NOTEBOOK...]     # exit 1 if any file is not clean

Committed notebooks keep their text outputs and execution counts (strict nbval compares the
outputs; it skips a cell whose count is empty) and drop everything a student's browser would
choke on or a diff would churn on: widget state (`metadata.widgets`), the stored views of
widget-display cells (opened before running, they would say "model not found"), execution
timings and kernel-specific metadata. A cell that displays a widget is tagged `widget`, and
nbval ignores its output through the tag `nbval-ignore-output`; `tests/test_notebooks.py`
fails on an ignored cell that displays no widget.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WIDGET_TAG = "widget"
IGNORE_TAG = "nbval-ignore-output"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def all_notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _displays_widget(cell: nbformat.NotebookNode) -> bool:
    return any(WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", []))


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop widget state, widget views and volatile metadata; keep text outputs and counts."""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type != "code":
            continue
        tags = list(cell.metadata.get("tags", []))
        if _displays_widget(cell) and WIDGET_TAG not in tags:
            tags.append(WIDGET_TAG)
        if WIDGET_TAG in tags:
            if IGNORE_TAG not in tags:
                tags.append(IGNORE_TAG)
            cell.outputs = []
        if tags:
            cell.metadata["tags"] = tags
    return nb


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    return nb


def _write_if_changed(path: Path, nb: nbformat.NotebookNode) -> bool:
    text = nbformat.writes(nb) + "\n"
    if path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("execute", "clean", "check"))
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or all_notebooks()
    dirty = []
    for path in paths:
        if path.suffix != ".ipynb":
            continue
        nb = clean(execute(path) if args.action == "execute" else nbformat.read(path, as_version=4))
        if args.action == "check":
            if nbformat.writes(nb) + "\n" != path.read_text(encoding="utf-8"):
                dirty.append(path)
        elif _write_if_changed(path, nb):
            print(f"wrote {path.relative_to(ROOT)}")
    for path in dirty:
        print(f"not clean: {path.relative_to(ROOT)} (run: python scripts/notebooks.py clean)")
    return 1 if dirty else 0


if __name__ == "__main__":
    sys.exit(main())
