"""A course repository made for a test: a bare git repository (what a hub pulls from) and the
instructor's working copy that publishes new versions of a lesson into it.

Why not this checkout: a test must not depend on what is committed or on the tree's state,
and it must be able to publish a new version of a lesson. `git` is on every machine here.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
LESSON = "05-where-they-diverge"
LESSON_FILE = f"notebooks/en/{LESSON}.ipynb"
GIT_IDENTITY = ["-c", "user.email=instructor@example.invalid", "-c", "user.name=Instructor"]


def git(*args: str, cwd: Path) -> str:
    """Run git in `cwd`; return what it printed (raise with its output if it fails)."""
    done = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stdout}{done.stderr}")
    return done.stdout


class Course:
    """The course: `bare` is the repository students pull from; `publish` commits a change
    to one lesson in the instructor's copy and pushes it."""

    def __init__(self, folder: Path) -> None:
        self.bare = folder / "course.git"
        self.work = folder / "instructor"
        git("init", "--quiet", "--bare", "-b", "main", str(self.bare), cwd=folder)
        git("clone", "--quiet", str(self.bare), str(self.work), cwd=folder)
        for lang in ("en", "zh-CN"):
            target = self.work / "notebooks" / lang
            target.mkdir(parents=True)
            shutil.copy(ROOT / "notebooks" / lang / f"{LESSON}.ipynb", target)
        git("add", "-A", cwd=self.work)
        git("commit", "--quiet", "-m", "the course, first version", cwd=self.work)
        git("push", "--quiet", "origin", "HEAD:main", cwd=self.work)

    @property
    def url(self) -> str:
        """How a hub names it: a file:// URL, so nbgitpuller clones it as it would a remote."""
        return self.bare.as_uri()

    def publish(self, path: str, change: Callable[[nbformat.NotebookNode], None]) -> None:
        """A new version of the notebook at `path`, as the instructor would push it."""
        edit_notebook(self.work / path, change)
        git("commit", "--quiet", "-am", f"new version of {path}", cwd=self.work)
        git("push", "--quiet", "origin", "HEAD:main", cwd=self.work)

    def upstream(self, path: str) -> str:
        """The notebook's text as the course has it now."""
        return git("show", f"main:{path}", cwd=self.bare)


def edit_notebook(path: Path, change: Callable[[nbformat.NotebookNode], None]) -> None:
    """Read, change and write a notebook as JupyterLab saves one (nbformat, same layout)."""
    nb = nbformat.read(path, as_version=4)
    change(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def cell_text(path: Path, index: int) -> str:
    """The source of one cell of a notebook on disk (and the notebook must be valid)."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return str(nb.cells[index].source)


def set_cell(index: int, text: str) -> Callable[[nbformat.NotebookNode], None]:
    """A change that replaces one cell's source."""

    def change(nb: nbformat.NotebookNode) -> None:
        nb.cells[index].source = text

    return change


TITLE_CELL, NOTES_CELL = 0, 5
"""Cells of lesson 05 the tests edit: its title (the instructor's) and the markdown after the
quiz, where a student writes notes."""
