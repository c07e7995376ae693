"""Where cases and the statute book live, found without depending on the working directory.

A lessons root is a folder holding `law/statutes.yaml` and one folder per case. Order of
search (ARCHITECTURE section 4): the case's own ancestors, then `$MOOTCOURT_LESSONS`, then
the copy installed with the package (inside the wheel, or the source checkout's `lessons/`).
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CaseNotFound

STATUTES = Path("law") / "statutes.yaml"
CASE_FILE = "case.yaml"
SCENARIOS_FILE = "scenarios.yaml"
ENV_VAR = "MOOTCOURT_LESSONS"


def installed_root() -> Path | None:
    """The lessons shipped with the package: in the wheel, or beside the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lessons", here.parent.parent / "lessons"):
        if (candidate / STATUTES).is_file():
            return candidate
    return None


def search_roots() -> list[Path]:
    """Roots to look up a bare case id in: `$MOOTCOURT_LESSONS` first, then the installed copy."""
    roots: list[Path] = []
    env = os.environ.get(ENV_VAR)
    if env:
        roots.append(Path(env).expanduser().resolve())
    installed = installed_root()
    if installed is not None and installed not in roots:
        roots.append(installed)
    return roots


def root_for(case_file: Path) -> Path:
    """The lessons root a case file belongs to (for its statute book)."""
    for ancestor in case_file.resolve().parents:
        if (ancestor / STATUTES).is_file():
            return ancestor
    roots = search_roots()
    if not roots:
        raise CaseNotFound(
            f"no statute book ({STATUTES}) above {case_file}, in ${ENV_VAR}, or installed"
        )
    return roots[0]


def find_case_file(spec: str | os.PathLike[str]) -> Path:
    """A case id (`liu-v-platform-2024`), a case folder, or a `case.yaml` path -> the file."""
    path = Path(spec).expanduser()
    if path.is_file():
        return path.resolve()
    if (path / CASE_FILE).is_file():
        return (path / CASE_FILE).resolve()
    case_id = path.parent.name if path.name == CASE_FILE else path.name
    tried: list[str] = [str(path)]
    for root in search_roots():
        candidate = root / case_id / CASE_FILE
        if candidate.is_file():
            return candidate.resolve()
        tried.append(str(candidate))
    known = sorted({c for root in search_roots() for c in case_ids(root)})
    raise CaseNotFound(
        f"no case '{spec}' (looked at {', '.join(tried)}); "
        f"known cases: {', '.join(known) or 'none'}"
    )


def case_ids(root: Path) -> list[str]:
    """The case folders under a lessons root (folders starting with `_` are templates)."""
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if (p / CASE_FILE).is_file() and not p.name.startswith("_")
    )
