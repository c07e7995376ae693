"""Where briefs live and how they are saved so that a student's work is never lost.

Why atomic: the widget saves on every change, and a kernel can be killed (or a laptop lose
power) at any instant. A brief is therefore written to a temporary file in the same folder,
flushed and fsynced, then moved onto the brief with `os.replace` (atomic on POSIX and
Windows), and the folder is fsynced so the rename itself survives a crash. At every instant
the brief on disk is either the last good one or the new one, never half of each.

Why refuse to overwrite a broken file: a brief that does not load was hand-edited (an
instructor's comments, a student's experiment) or damaged by something else. Overwriting it
would destroy the only copy of that work; the caller saves beside it instead
(`autosave_path`) and says so.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import CaseError, CaseNotFound, Problem
from ..yamlsource import parse_yaml, read_yaml
from .brief import Brief, BriefError, brief_problems, known_cases, parse_brief

if TYPE_CHECKING:
    from ..case import Case

ENV_VAR = "MOOTCOURT_BRIEFS"
"""A folder for briefs that overrides the per-user default (tests, JupyterHub, a class share)."""

SUFFIXES = (".yaml", ".yml")


def load_brief(path: str | os.PathLike[str], case: Case | None = None) -> Brief:
    """Read and check a brief file; raise `BriefError` with every problem at `file:line`."""
    return load_brief_with_case(path, case)[0]


def load_brief_with_case(
    path: str | os.PathLike[str], case: Case | None = None
) -> tuple[Brief, Case]:
    """The brief and the case it argues (loaded once, for callers that go on to check it)."""
    try:
        located = read_yaml(Path(path))
    except CaseError as exc:
        raise BriefError(exc.problems) from None
    return parse_brief(located, case)


def dumps(brief: Brief) -> str:
    """The brief as the YAML an instructor reads: keys in order, text as written."""
    return yaml.dump(
        brief.to_data(),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


class _Dumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors or aliases (the kit's reader refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """A student's paragraphs as a literal block (`|`), read as written in the file."""
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


def save_brief(
    brief: Brief, path: str | os.PathLike[str] | None = None, case: Case | None = None
) -> Path:
    """Write `brief` to `path` (default: `default_path(brief)`) atomically; return the path.

    Raises `BriefError` without touching the disk when the brief does not check against its
    case (a saved brief must always load again), and when the file already there does not
    load (a hand-edited or damaged brief is never overwritten: save beside it with
    `autosave_path`).
    """
    target = Path(path) if path is not None else default_path(brief)
    text = dumps(brief)
    _check_before_writing(brief, text, target, case)
    if target.exists():
        try:
            load_brief(target)
        except BriefError as exc:
            refusal = Problem(
                str(target),
                None,
                "",
                "this file does not load, so it is not overwritten (save beside it)",
            )
            raise BriefError([*exc.problems, refusal]) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    return target


def _check_before_writing(brief: Brief, text: str, target: Path, case: Case | None) -> None:
    """The brief checks against its case, and the bytes about to be written load as this
    very brief: checked before writing, so a file the kit writes can never fail to load.
    Problems of a brief built in memory are named at `<brief>` with the field path (it has
    no lines yet)."""
    if case is None or case.id != brief.case:
        case = case_of(brief)
    problems = brief_problems(brief, case)
    if problems:
        raise BriefError(problems)
    located = parse_yaml(text.encode("utf-8"), target)
    reread, _ = parse_brief(located, case)
    if reread != brief:  # pragma: no cover (a bug in to_data/from_file, never a student's)
        raise BriefError([Problem(str(target), None, "", "the brief does not survive a save")])


def case_of(brief: Brief) -> Case:
    """The case a brief in memory argues; `BriefError` (listing the known cases) if none."""
    from ..case import load_case

    try:
        return load_case(brief.case)
    except CaseNotFound:
        cases = ", ".join(known_cases())
        raise BriefError(
            [Problem("<brief>", None, "case", f"unknown case '{brief.case}' (valid: {cases})")]
        ) from None


def write_atomically(target: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, `os.replace`, fsync the folder."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open a folder for fsync, nor needs to."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def student_folder(create: bool = True) -> Path:
    """The student's folder for briefs: `$MOOTCOURT_BRIEFS`, else the per-user data folder
    (`platformdirs`: ~/.local/share/mootcourt/briefs on Linux, the AppData or Application
    Support folder elsewhere), which survives a notebook being moved or re-downloaded."""
    env = os.environ.get(ENV_VAR)
    if env:
        folder = Path(env).expanduser()
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("mootcourt", appauthor=False)) / "briefs"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_name(brief: Brief) -> str:
    """`<case>--<side>--<court>.yaml`: one brief per side and court, found again by name."""
    return f"{brief.case}--{brief.side}--{brief.court}.yaml"


def default_path(brief: Brief, folder: Path | None = None) -> Path:
    """Where a brief is saved unless the caller names a file."""
    return (folder if folder is not None else student_folder()) / file_name(brief)


def autosave_path(path: str | os.PathLike[str]) -> Path:
    """Beside a brief that does not load: `name.autosave.yaml` (the broken file stays)."""
    path = Path(path)
    stem = path.name.removesuffix(path.suffix) if path.suffix in SUFFIXES else path.name
    return path.with_name(f"{stem}.autosave.yaml")


def list_briefs(folder: str | os.PathLike[str]) -> list[Path]:
    """Every brief file in a folder (not its subfolders), sorted by name; hidden files and the
    temporary files of a save in progress are left out."""
    folder = Path(folder)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith(".")
    )
