"""nbgitpuller links: one click pulls the course into a student's own server and opens a lesson.

    link = pull_link("https://hub.example.edu", "https://git.example.edu/law/mootcourt.git",
                     lesson="05-where-they-diverge", lang="zh-CN")

Why nbgitpuller: it is the hub's standard way of handing out a course. The first click clones
the course into the student's home; every later click merges the instructor's new commits
while keeping what the student changed (git `merge -Xours`; a lesson the student deleted
comes back fresh). Nothing the kit saves lives in the course folder anyway: briefs go to the
per-user data folder (`mootcourt.moot.student_folder`), so an update can never touch them.

The link goes through `/hub/user-redirect/`, so one link works for every student: the hub
logs them in, starts their own server if it is not running, and sends them to it. Parameters
are nbgitpuller's documented ones: `repo`, `branch`, `targetpath` (the folder in the home,
set explicitly, since nbgitpuller's default keeps a trailing `.git`) and `urlpath` (what to
open afterwards, here a notebook in JupyterLab).

Nothing here imports JupyterHub or nbgitpuller; `qr_terminal` and `qr_png` need `segno`
(the `hub` extra).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from ..i18n import LANGUAGES

COURSE_REPO_ENV = "MOOTCOURT_COURSE_REPO"
"""The course's git repository when `--repo` is not given (a hub's config, a class's shell)."""

NOTEBOOKS = "notebooks"


class LinkError(ValueError):
    """A bad lesson, language, hub or repository: the message lists what would be valid."""


def checkout_root() -> Path | None:
    """The source checkout this package runs from (an editable install), if any: the course's
    notebooks are there, not in the wheel."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / NOTEBOOKS).is_dir() else None


def lesson_ids(lang: str, course: Path | None = None) -> list[str]:
    """The lessons of the course in one language: the notebook names without `.ipynb`."""
    course = course if course is not None else checkout_root()
    if course is None:
        raise LinkError(
            "no course notebooks found: run from a checkout of the kit, or pass --course DIR"
        )
    folder = course / NOTEBOOKS / lang
    return sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []


def check_lesson(lesson: str, lang: str, course: Path | None = None) -> None:
    """Raise `LinkError` listing the valid lessons and languages when either does not exist."""
    if lang not in LANGUAGES:
        raise LinkError(f"unknown language '{lang}' (valid: {', '.join(LANGUAGES)})")
    known = lesson_ids(lang, course)
    if lesson not in known:
        raise LinkError(f"unknown lesson '{lesson}' (valid: {', '.join(known) or 'none found'})")


def course_repo(explicit: str | None = None) -> str:
    """The course repository: `explicit`, else `$MOOTCOURT_COURSE_REPO`, else the `origin`
    remote of the checkout (read-only `git remote get-url`)."""
    if explicit:
        return explicit
    env = os.environ.get(COURSE_REPO_ENV)
    if env:
        return env
    root = checkout_root()
    if root is not None and (root / ".git").exists():
        found = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    raise LinkError(f"which course repository? pass --repo URL or set ${COURSE_REPO_ENV}")


def target_folder(repo: str) -> str:
    """The folder the course is pulled into, in the student's home: the repository's name
    without `.git` (`law/mootcourt.git` -> `mootcourt`)."""
    name = repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    return name or "course"


def lesson_path(repo: str, lesson: str | None, lang: str) -> str:
    """Where the lesson is, relative to the student's server root (what `urlpath` opens)."""
    folder = f"{target_folder(repo)}/{NOTEBOOKS}/{lang}"
    return f"{folder}/{lesson}.ipynb" if lesson else folder


def pull_query(
    repo: str, lesson: str | None = None, lang: str = "en", branch: str | None = None
) -> str:
    """The query string of nbgitpuller's `git-pull` endpoint for this lesson."""
    params = {"repo": repo}
    if branch:
        params["branch"] = branch
    params["targetpath"] = target_folder(repo)
    params["urlpath"] = "lab/tree/" + lesson_path(repo, lesson, lang)
    return urlencode(params, safe="/")


def server_default_url(
    repo: str, lesson: str | None = None, lang: str = "en", branch: str | None = None
) -> str:
    """`Spawner.default_url`: a student's server opens by pulling the course (TLJH, `make hub`)."""
    return "/git-pull?" + pull_query(repo, lesson, lang, branch)


def pull_link(
    hub: str,
    repo: str,
    lesson: str | None = None,
    lang: str = "en",
    branch: str | None = None,
) -> str:
    """The link to hand out: `{hub}/hub/user-redirect/git-pull?repo=...&urlpath=...`."""
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LinkError(f"--hub must be the hub's address, http(s)://host[/prefix], not '{hub}'")
    base = hub.rstrip("/")
    base = base.removesuffix("/hub")  # an instructor may paste the hub's own page address
    return f"{base}/hub/user-redirect/git-pull?{pull_query(repo, lesson, lang, branch)}"


def qr_terminal(link: str) -> str:
    """The link as a QR code in text (two rows per line), for a terminal on the projector."""
    import io

    import segno

    out = io.StringIO()
    segno.make(link, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def qr_png(link: str, path: str | os.PathLike[str], scale: int = 8) -> Path:
    """Write the link as a QR code PNG (for slides); return the path."""
    import segno

    target = Path(path)
    segno.make(link, error="m").save(str(target), kind="png", scale=scale, border=4)
    return target
